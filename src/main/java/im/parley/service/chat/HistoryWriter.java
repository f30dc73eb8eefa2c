package im.parley.service.chat;

import im.parley.service.common.Jid;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deduplicate and store stages for archive results: one page in one transaction, with whatever else must be
 * stored with it (the advanced cursor, a gap), while live delivery waits, so the two never store a message twice.
 */
final class HistoryWriter {

    private final ChatService chat;
    private final MessageStore messages;
    private final SyncStore sync;

    HistoryWriter(ChatService chat, MessageStore messages, SyncStore sync) {
        this.chat = chat;
        this.messages = messages;
        this.sync = sync;
    }

    /**
     * Stores the messages not stored yet, in order, plus {@code alongside}, atomically. {@code unread} says whether
     * incoming ones count as unread (catch-up) or not (older history). Returns what was added per conversation.
     * A catch-up page goes to the store in one batch; the result is the same as storing message by message.
     */
    Map<Jid, Added> store(List<ChatMessage> page, boolean unread, Runnable alongside) {
        return chat.exclusively(() -> sync.atomically(() -> {
            Map<Jid, Added> added = new LinkedHashMap<>();
            Batch fresh = new Batch();
            for (ChatMessage m : page) {
                if (fresh.holds(m) || isStored(m)) {
                    continue;
                }
                if (unread) {
                    fresh.add(m);
                } else {
                    messages.appendHistory(m);
                }
                added.merge(m.conversation(), Added.of(m, unread), Added::then);
            }
            messages.appendAll(fresh.messages);
            alongside.run();
            return added;
        }));
    }

    /**
     * New messages of one conversation, and how many of them the user has not seen: incoming ones stored as unread
     * since the last message the user sent (from another device: that one read what came before).
     */
    record Added(int messages, int unread, boolean userReplied) {

        static Added of(ChatMessage m, boolean countsUnread) {
            boolean outgoing = m.direction() == Direction.OUTGOING;
            return new Added(1, countsUnread && !outgoing ? 1 : 0, outgoing);
        }

        /** This, then {@code later}. */
        Added then(Added later) {
            return new Added(messages + later.messages, later.userReplied ? later.unread : unread + later.unread,
                    userReplied || later.userReplied);
        }
    }

    private boolean isStored(ChatMessage m) {
        // an id equal to the origin-id was checked with it (stored messages keep both)
        return messages.contains(m.conversation(), m.originId(), m.stanzaId())
                || (!m.id().equals(m.originId()) && messages.find(m.conversation(), m.id()).isPresent());
    }

    /** Messages of this page not yet in the store, with the same duplicate test as {@link #isStored}. */
    private static final class Batch {
        private record Key(Jid conversation, String id) {
        }

        final List<ChatMessage> messages = new ArrayList<>();
        private final Set<Key> originIds = new HashSet<>();
        private final Set<Key> stanzaIds = new HashSet<>();
        private final Set<Key> ids = new HashSet<>();

        boolean holds(ChatMessage m) {
            return (m.originId() != null && originIds.contains(new Key(m.conversation(), m.originId())))
                    || (m.stanzaId() != null && stanzaIds.contains(new Key(m.conversation(), m.stanzaId())))
                    || (!m.id().equals(m.originId()) && ids.contains(new Key(m.conversation(), m.id())));
        }

        void add(ChatMessage m) {
            messages.add(m);
            if (m.originId() != null) {
                originIds.add(new Key(m.conversation(), m.originId()));
            }
            if (m.stanzaId() != null) {
                stanzaIds.add(new Key(m.conversation(), m.stanzaId()));
            }
            ids.add(new Key(m.conversation(), m.id()));
        }
    }
}
