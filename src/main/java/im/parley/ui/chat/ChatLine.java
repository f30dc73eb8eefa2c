package im.parley.ui.chat;

/** One line of a conversation view: a day separator or a message. */
public sealed interface ChatLine {

    record DayLine(String label) implements ChatLine {
    }

    /** {@code failure} says why an outgoing message was not sent (empty otherwise). */
    record MessageLine(String id, boolean outgoing, String sender, String body, String time, DeliveryMark mark,
                       String failure) implements ChatLine {
        @Override
        public String toString() {
            return "MessageLine[id=" + id + ", " + mark + "]";
        }
    }
}
