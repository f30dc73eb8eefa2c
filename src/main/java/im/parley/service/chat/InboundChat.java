package im.parley.service.chat;

import im.parley.service.common.Jid;

import java.time.Instant;

/** What the network hands the chat pipeline, before any check. */
public sealed interface InboundChat {

    /**
     * A chat message. {@code serverTime} is the XEP-0203 delay stamp, or null when live.
     * {@code stanzaIdBy} is the entity that assigned {@code stanzaId}.
     */
    record Incoming(Jid from, Jid to, String body, String messageId, String originId, String stanzaId,
                    Jid stanzaIdBy, Instant serverTime) implements InboundChat {
        @Override
        public String toString() {
            return "Incoming[from=" + from + ", id=" + messageId + "]";
        }
    }

    /** A XEP-0280 carbon: {@code wrapperFrom} must be the user's own bare address. */
    record Carbon(Jid wrapperFrom, boolean sentByUs, Incoming forwarded) implements InboundChat {
    }

    record Receipt(Jid from, String receiptForId) implements InboundChat {
    }

    record State(Jid from, ChatState state) implements InboundChat {
    }

    record Error(Jid from, String messageId, String reason) implements InboundChat {
    }

    /**
     * A message carrying an archive (XEP-0313) result, seen outside the query that asked for it: only results from
     * the user's own account ({@code wrapperFrom} null or the user's bare address) can be genuine.
     */
    record ArchiveResult(Jid wrapperFrom) implements InboundChat {
    }
}
