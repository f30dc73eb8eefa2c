package im.parley.archive;

import im.parley.service.chat.ChatMessage;
import im.parley.service.chat.Conversation;
import im.parley.service.chat.Direction;
import im.parley.service.chat.MessageStore;
import im.parley.service.common.Jid;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Messages kept in memory for the session, until the encrypted archive replaces this store.
 * Thread-safe; each conversation keeps its messages in timestamp order.
 */
public final class InMemoryMessageStore implements MessageStore {

    private final Clock clock;
    private final Map<Jid, ConversationLog> logs = new HashMap<>();

    public InMemoryMessageStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void append(ChatMessage message) {
        append(message, true);
    }

    @Override
    public void appendHistory(ChatMessage message) {
        append(message, false);
    }

    private synchronized void append(ChatMessage message, boolean counts) {
        // A conversation that starts with this message was last active when the message was written
        // (a delayed or archived one is old), not when it reached us.
        ConversationLog log = logs.computeIfAbsent(message.conversation(), p -> new ConversationLog(message.timestamp()));
        int at = insertionPoint(log.messages, message.timestamp());
        log.messages.add(at, message);
        log.byId.put(message.id(), message);
        if (message.originId() != null) {
            log.originIds.put(message.originId(), message.id());
        }
        if (message.stanzaId() != null) {
            log.stanzaIds.put(message.stanzaId(), message.id());
        }
        if (counts) {
            log.unread = message.direction() == Direction.INCOMING ? log.unread + 1 : 0;
        }
        log.lastActivity = max(log.lastActivity, message.timestamp());
    }

    @Override
    public synchronized void update(ChatMessage message) {
        ConversationLog log = logs.get(message.conversation());
        if (log == null || !log.byId.containsKey(message.id())) {
            throw new IllegalArgumentException("No stored message " + message.id());
        }
        log.byId.put(message.id(), message);
        for (int i = log.messages.size() - 1; i >= 0; i--) {
            if (log.messages.get(i).id().equals(message.id())) {
                log.messages.set(i, message);
                return;
            }
        }
    }

    @Override
    public synchronized Optional<ChatMessage> find(Jid conversation, String id) {
        ConversationLog log = logs.get(conversation.bare());
        return log == null ? Optional.empty() : Optional.ofNullable(log.byId.get(id));
    }

    @Override
    public synchronized boolean contains(Jid conversation, String originId, String stanzaId) {
        ConversationLog log = logs.get(conversation.bare());
        if (log == null) {
            return false;
        }
        return (originId != null && log.originIds.containsKey(originId))
                || (stanzaId != null && log.stanzaIds.containsKey(stanzaId));
    }

    @Override
    public synchronized List<ChatMessage> latest(Jid conversation, int limit) {
        ConversationLog log = logs.get(conversation.bare());
        if (log == null) {
            return List.of();
        }
        int from = Math.max(0, log.messages.size() - limit);
        return List.copyOf(log.messages.subList(from, log.messages.size()));
    }

    @Override
    public synchronized List<ChatMessage> before(Jid conversation, Instant before, int limit) {
        ConversationLog log = logs.get(conversation.bare());
        if (log == null) {
            return List.of();
        }
        int end = insertionPointBefore(log.messages, before);
        return List.copyOf(log.messages.subList(Math.max(0, end - limit), end));
    }

    @Override
    public synchronized List<ChatMessage> around(Jid conversation, String id, int before, int after) {
        requireNotNegative(before, after);
        ConversationLog log = logs.get(conversation.bare());
        if (log == null || !log.byId.containsKey(id)) {
            return List.of();
        }
        int at = 0;
        while (!log.messages.get(at).id().equals(id)) {
            at++;
        }
        return List.copyOf(log.messages.subList(Math.max(0, at - before), Math.min(log.messages.size(), at + after + 1)));
    }

    static void requireNotNegative(int before, int after) {
        if (before < 0 || after < 0) {
            throw new IllegalArgumentException("Counts around a message cannot be negative: " + before + ", " + after);
        }
    }

    @Override
    public synchronized List<Conversation> conversations() {
        List<Conversation> all = new ArrayList<>();
        logs.keySet().forEach(peer -> conversation(peer).ifPresent(all::add));
        all.sort(Comparator.comparing(Conversation::lastActivity).reversed());
        return all;
    }

    @Override
    public synchronized Optional<Conversation> conversation(Jid peer) {
        ConversationLog log = logs.get(peer.bare());
        if (log == null) {
            return Optional.empty();
        }
        ChatMessage last = log.messages.isEmpty() ? null : log.messages.getLast();
        return Optional.of(new Conversation(peer.bare(), log.lastActivity, log.unread,
                last == null ? "" : Previews.of(last.body()), last == null ? null : last.direction()));
    }

    @Override
    public synchronized void markRead(Jid conversation) {
        logs.computeIfAbsent(conversation.bare(), p -> new ConversationLog(clock.instant())).unread = 0;
    }


    private static int insertionPoint(List<ChatMessage> messages, Instant t) {
        int i = messages.size();
        while (i > 0 && messages.get(i - 1).timestamp().isAfter(t)) {
            i--;
        }
        return i;
    }

    private static int insertionPointBefore(List<ChatMessage> messages, Instant t) {
        int lo = 0;
        int hi = messages.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (messages.get(mid).timestamp().isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static final class ConversationLog {
        final List<ChatMessage> messages = new ArrayList<>();
        final Map<String, ChatMessage> byId = new HashMap<>();
        final Map<String, String> originIds = new HashMap<>();
        final Map<String, String> stanzaIds = new HashMap<>();
        Instant lastActivity;
        int unread;

        ConversationLog(Instant created) {
            lastActivity = created;
        }
    }
}
