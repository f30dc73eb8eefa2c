package im.parley.service.chat;

import im.parley.service.common.Jid;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a one-to-one conversation. {@code id} is Parley's own (and, for outgoing
 * messages, the stanza id and origin-id on the wire); {@code stanzaId} is the server's XEP-0359 id.
 * {@code transport} says how it travelled and {@code authenticated} whether its end-to-end sender was verified (never
 * for plaintext); {@code corrects} is the id of the message it replaces (XEP-0308), or null.
 * {@code toString()} leaves out the body so it can never reach a log.
 */
public record ChatMessage(String id, Jid conversation, Direction direction, Jid sender, String body,
                          Instant timestamp, DeliveryState state, String failureReason, String originId,
                          String stanzaId, Transport transport, boolean authenticated, String corrects) {

    public ChatMessage {
        Objects.requireNonNull(id);
        conversation = conversation.bare();
        Objects.requireNonNull(direction);
        Objects.requireNonNull(body);
        Objects.requireNonNull(timestamp);
        Objects.requireNonNull(state);
        Objects.requireNonNull(transport);
        if (authenticated && !transport.endToEnd()) {
            throw new IllegalArgumentException("A plaintext message cannot be end-to-end authenticated");
        }
        if (id.equals(corrects)) {
            throw new IllegalArgumentException("A message cannot correct itself");
        }
    }

    /** A plaintext message that corrects nothing. */
    public ChatMessage(String id, Jid conversation, Direction direction, Jid sender, String body, Instant timestamp,
                       DeliveryState state, String failureReason, String originId, String stanzaId) {
        this(id, conversation, direction, sender, body, timestamp, state, failureReason, originId, stanzaId,
                Transport.PLAINTEXT, false, null);
    }

    public ChatMessage withState(DeliveryState newState, String reason) {
        return new ChatMessage(id, conversation, direction, sender, body, timestamp, newState, reason, originId,
                stanzaId, transport, authenticated, corrects);
    }

    @Override
    public String toString() {
        return "ChatMessage[id=" + id + ", conversation=" + conversation + ", " + direction + ", " + state
                + ", " + body.length() + " chars]";
    }
}
