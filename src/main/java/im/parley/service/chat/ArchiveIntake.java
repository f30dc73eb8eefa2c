package im.parley.service.chat;

import im.parley.service.common.Jid;

import java.time.Instant;

/**
 * The validate stage for results of the user's own archive: a result counts only when the server account itself
 * carried it, and the archived message was sent by or to the user. Turns an accepted result into the message to
 * store, with the result id as its trusted stanza-id.
 */
final class ArchiveIntake {

    private ArchiveIntake() {
    }

    sealed interface Outcome {
        record Accepted(ChatMessage message) implements Outcome {
        }

        record Rejected(Jid claimedSender, String reason) implements Outcome {
        }

        /** Nothing to show (no body: a receipt, a chat state), but not suspicious either. */
        record Skipped() implements Outcome {
        }
    }

    /** {@code peer} is the conversation the query was limited to, or null for the whole archive. */
    static Outcome check(ArchivedMessage result, Jid own, Jid peer, Instant now) {
        if (result.carrierFrom() != null && !result.carrierFrom().equals(own.bare())) {
            return new Outcome.Rejected(result.carrierFrom(),
                    "A message-history result that was not sent by your own server account was ignored.");
        }
        InboundChat.Incoming m = result.forwarded();
        if (m == null || m.body() == null) {
            return new Outcome.Skipped();
        }
        if (result.resultId() == null || result.resultId().isBlank()) {
            return new Outcome.Rejected(m.from(), "A message-history result without an id was ignored.");
        }
        Direction direction;
        Jid conversation;
        if (m.from() != null && m.from().bare().equals(own.bare()) && m.to() != null) {
            direction = Direction.OUTGOING;
            conversation = m.to().bare();
        } else if (m.to() != null && m.to().bare().equals(own.bare()) && m.from() != null) {
            direction = Direction.INCOMING;
            conversation = m.from().bare();
        } else {
            return new Outcome.Rejected(m.from(),
                    "An archived message that was neither sent by nor to your account was ignored.");
        }
        if (peer != null && !conversation.equals(peer.bare())) {
            return new Outcome.Rejected(m.from(),
                    "The server's archive answered for " + peer.bare() + " with a message of another conversation.");
        }
        Instant stamp = result.stamp() != null ? result.stamp() : m.serverTime();
        Instant when = stamp == null || stamp.isAfter(now) ? now : stamp;
        String id = m.originId() != null ? m.originId()
                : m.messageId() != null ? m.messageId() : "mam:" + result.resultId();
        ChatMessage message = new ChatMessage(id, conversation, direction, m.from(), displayable(m.body()), when,
                direction == Direction.INCOMING ? DeliveryState.RECEIVED : DeliveryState.SENT, null, m.originId(),
                result.resultId());
        return new Outcome.Accepted(message);
    }

    private static String displayable(String body) {
        if (body.length() <= ChatService.MAX_BODY_CHARS) {
            return body;
        }
        return "[This message was " + body.length() + " characters long, more than Parley shows ("
                + ChatService.MAX_BODY_CHARS + "). It was not displayed.]";
    }
}
