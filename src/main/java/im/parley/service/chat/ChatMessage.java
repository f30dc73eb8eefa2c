package im.parley.service.chat;

import im.parley.service.common.Jid;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a one-to-one conversation. {@code id} is Parley's own (and, for outgoing
 * messages, the stanza id and origin-id on the wire); {@code stanzaId} is the server's XEP-0359 id.
 * {@code toString()} leaves out the body so it can never reach a log.
 */
public record ChatMessage(String id, Jid conversation, Direction direction, Jid sender, String body,
                          Instant timestamp, DeliveryState state, String failureReason, String originId,
                          String stanzaId) {

    public ChatMessage {
        Objects.requireNonNull(id);
        conversation = conversation.bare();
        Objects.requireNonNull(direction);
        Objects.requireNonNull(body);
        Objects.requireNonNull(timestamp);
        Objects.requireNonNull(state);
    }

    public ChatMessage withState(DeliveryState newState, String reason) {
        return new ChatMessage(id, conversation, direction, sender, body, timestamp, newState, reason, originId,
                stanzaId);
    }

    @Override
    public String toString() {
        return "ChatMessage[id=" + id + ", conversation=" + conversation + ", " + direction + ", " + state
                + ", " + body.length() + " chars]";
    }
}
