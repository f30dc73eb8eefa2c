package im.parley.service.chat;

import im.parley.service.common.Jid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * incoming ones count as unread (catch-up) or not (older history). Returns the new messages per conversation.
     */
    Map<Jid, Integer> store(List<ChatMessage> page, boolean unread, Runnable alongside) {
        return chat.exclusively(() -> sync.atomically(() -> {
            Map<Jid, Integer> added = new LinkedHashMap<>();
            for (ChatMessage m : page) {
                if (messages.contains(m.conversation(), m.originId(), m.stanzaId())
                        || (!m.id().equals(m.originId()) && messages.find(m.conversation(), m.id()).isPresent())) {
                    continue; // an id equal to the origin-id was checked with it (stored messages keep both)
                }
                if (unread) {
                    messages.append(m);
                } else {
                    messages.appendHistory(m);
                }
                added.merge(m.conversation(), 1, Integer::sum);
            }
            alongside.run();
            return added;
        }));
    }
}
