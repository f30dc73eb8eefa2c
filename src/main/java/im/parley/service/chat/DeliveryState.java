package im.parley.service.chat;

/** Where an outgoing message is on its way; incoming messages are {@link #RECEIVED}. */
public enum DeliveryState {
    PENDING, SENT, DELIVERED, FAILED, RECEIVED;

    /** States only move forward: a late "sent" never hides a "delivered". */
    public boolean canMoveTo(DeliveryState next) {
        return switch (this) {
            case PENDING -> next != PENDING;
            case SENT -> next == DELIVERED || next == FAILED;
            case FAILED -> next == DELIVERED;
            case DELIVERED, RECEIVED -> false;
        };
    }
}
