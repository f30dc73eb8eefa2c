package im.parley.service.chat;

import im.parley.service.common.Jid;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where messages live (in memory now; the encrypted archive later). */
public interface MessageStore {

    void append(ChatMessage message);

    /**
     * Stores {@code messages} as {@link #append} one by one in this order would, all or none; a store may do it in
     * one go (the archive does, for catch-up pages).
     */
    default void appendAll(List<ChatMessage> messages) {
        messages.forEach(this::append);
    }

    /** Stores an older message fetched from history: the conversation's unread count does not change. */
    void appendHistory(ChatMessage message);

    void update(ChatMessage message);

    Optional<ChatMessage> find(Jid conversation, String id);

    /** True when a message with this origin-id or stanza-id is already stored for the conversation. */
    boolean contains(Jid conversation, String originId, String stanzaId);

    /** The newest {@code limit} messages, oldest first. */
    List<ChatMessage> latest(Jid conversation, int limit);

    /** Up to {@code limit} messages older than {@code before}, oldest first. */
    List<ChatMessage> before(Jid conversation, Instant before, int limit);

    /**
     * The message {@code id} with up to {@code before} messages just older and up to {@code after} just newer,
     * oldest first, in the order {@link #latest} uses; empty when the conversation has no such message.
     */
    List<ChatMessage> around(Jid conversation, String id, int before, int after);

    List<Conversation> conversations();

    Optional<Conversation> conversation(Jid peer);

    void markRead(Jid conversation);
}
