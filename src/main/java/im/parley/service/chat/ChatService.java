package im.parley.service.chat;

import im.parley.service.common.Failures;
import im.parley.service.common.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One-to-one conversations. Outbound: validate → store as pending → send → state updates.
 * Inbound (one event at a time, in arrival order): validate → deduplicate → store → publish.
 */
public final class ChatService {

    /** Longer bodies are refused when sending and replaced by a notice when received. */
    public static final int MAX_BODY_CHARS = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);

    private final ChatGateway gateway;
    private final MessageStore store;
    private final Clock clock;
    private final Executor storage;
    private final List<Consumer<ChatEvent>> listeners = new CopyOnWriteArrayList<>();

    public ChatService(ChatGateway gateway, MessageStore store, Clock clock) {
        this(gateway, store, clock, Runnable::run);
    }

    /**
     * {@code storage} runs the store work of {@link #send} (the pending row), so a caller on the UI thread never
     * waits for the disk; it must run tasks one at a time, in order, so messages keep the order they were sent in.
     */
    public ChatService(ChatGateway gateway, MessageStore store, Clock clock, Executor storage) {
        this.gateway = gateway;
        this.store = store;
        this.clock = clock;
        this.storage = storage;
        gateway.setListener(this::onInbound);
    }

    public void addListener(Consumer<ChatEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<ChatEvent> listener) {
        listeners.remove(listener);
    }

    /**
     * Stores the message as pending and sends it. The future fails (and nothing is stored) when the
     * text is empty or too long; once stored, it completes with the message in its new state:
     * {@link DeliveryState#SENT}, or {@link DeliveryState#FAILED} with the reason when the network
     * could not take it. It completes exceptionally only when the message could not be stored (then nothing was sent).
     */
    public CompletableFuture<ChatMessage> send(Jid peer, String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("The message is empty."));
        }
        if (body.length() > MAX_BODY_CHARS) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "The message is too long (" + body.length() + " characters; at most " + MAX_BODY_CHARS + ")."));
        }
        String id = UUID.randomUUID().toString();
        ChatMessage pending = new ChatMessage(id, peer, Direction.OUTGOING, gateway.ownJid(), body, clock.instant(),
                DeliveryState.PENDING, null, id, null);
        return CompletableFuture.supplyAsync(() -> storePending(pending), storage)
                .thenCompose(stored -> {
                    CompletableFuture<Void> sent;
                    try {
                        sent = gateway.send(new OutgoingMessage(peer.bare(), body, id));
                    } catch (RuntimeException e) {
                        sent = CompletableFuture.failedFuture(e); // a gateway that throws must not leave it pending
                    }
                    return sent.handle((ok, error) -> error == null
                            ? moveTo(stored, DeliveryState.SENT, null)
                            : moveTo(stored, DeliveryState.FAILED, Failures.messageOf(error)));
                });
    }

    private ChatMessage storePending(ChatMessage pending) {
        synchronized (this) {
            store.append(pending);
        }
        publish(new ChatEvent.MessageAdded(pending));
        publishConversation(pending.conversation());
        return pending;
    }

    public CompletableFuture<Void> sendChatState(Jid peer, ChatState state) {
        return gateway.sendChatState(peer.bare(), state);
    }

    /** Makes the conversation exist (listed, with zero unread) and returns its newest messages. */
    public synchronized List<ChatMessage> open(Jid peer, int limit) {
        store.markRead(peer.bare());
        List<ChatMessage> latest = store.latest(peer.bare(), limit);
        publishConversation(peer.bare());
        return latest;
    }

    /**
     * Opens the conversation as {@link #open} does, centred on message {@code id}: up to {@code before} older
     * messages, the message, up to {@code after} newer ones. Empty when the conversation has no such message.
     */
    public synchronized List<ChatMessage> openAround(Jid peer, String id, int before, int after) {
        store.markRead(peer.bare());
        List<ChatMessage> window = store.around(peer.bare(), id, before, after);
        publishConversation(peer.bare());
        return window;
    }

    /** Message {@code id} with up to {@code before} older and {@code after} newer ones, oldest first. */
    public synchronized List<ChatMessage> around(Jid peer, String id, int before, int after) {
        return store.around(peer.bare(), id, before, after);
    }

    public synchronized List<ChatMessage> olderThan(Jid peer, Instant before, int limit) {
        return store.before(peer.bare(), before, limit);
    }

    public synchronized void markRead(Jid peer) {
        store.markRead(peer.bare());
        publishConversation(peer.bare());
    }

    public synchronized List<Conversation> conversations() {
        return store.conversations();
    }

    void onInbound(InboundChat event) {
        switch (event) {
            case InboundChat.Incoming m -> acceptIncoming(m);
            case InboundChat.Carbon c -> acceptCarbon(c);
            case InboundChat.Receipt r -> acceptReceipt(r);
            case InboundChat.State s -> publish(new ChatEvent.PeerChatStateChanged(s.from().bare(), s.state()));
            case InboundChat.Error e -> acceptError(e);
            case InboundChat.ArchiveResult a -> acceptArchiveResult(a);
        }
    }

    private void acceptIncoming(InboundChat.Incoming m) {
        if (m.from() == null || m.from().bare().equals(gateway.ownJid().bare())) {
            reject(m.from(), "A message claimed to come from your own account without being a carbon copy.");
            return;
        }
        storeNew(m, m.from().bare(), Direction.INCOMING, m.from());
    }

    private void acceptCarbon(InboundChat.Carbon c) {
        Jid own = gateway.ownJid().bare();
        if (c.wrapperFrom() == null || !c.wrapperFrom().equals(own)) {
            reject(c.wrapperFrom(), "A forged carbon copy (not sent by your own server account) was ignored.");
            return;
        }
        InboundChat.Incoming m = c.forwarded();
        if (c.sentByUs()) {
            if (m.to() == null || m.from() == null || !m.from().bare().equals(own)) {
                reject(m.from(), "A sent carbon copy that was not sent by your account was ignored.");
                return;
            }
            storeNew(m, m.to().bare(), Direction.OUTGOING, m.from());
        } else {
            if (m.from() == null) {
                reject(null, "A received carbon copy without sender was ignored.");
                return;
            }
            storeNew(m, m.from().bare(), Direction.INCOMING, m.from());
        }
    }

    /** Genuine results are taken by the archive query that asked for them; anything else is forged. */
    private void acceptArchiveResult(InboundChat.ArchiveResult a) {
        Jid own = gateway.ownJid().bare();
        if (a.wrapperFrom() != null && !a.wrapperFrom().equals(own)) {
            reject(a.wrapperFrom(), "A forged message-history result (not sent by your own server account) was ignored.");
        }
    }

    private void storeNew(InboundChat.Incoming m, Jid conversation, Direction direction, Jid sender) {
        if (m.body() == null) {
            return;
        }
        String trustedStanzaId = gateway.ownJid().bare().equals(m.stanzaIdBy()) ? m.stanzaId() : null;
        String body = m.body();
        if (body.length() > MAX_BODY_CHARS) {
            LOG.warn("Message from {} has {} characters; shown as a notice", sender, body.length());
            body = "[This message was " + body.length() + " characters long, more than Parley shows ("
                    + MAX_BODY_CHARS + "). It was not displayed.]";
        }
        Instant now = clock.instant();
        Instant when = m.serverTime() == null || m.serverTime().isAfter(now) ? now : m.serverTime();
        String id = m.originId() != null ? m.originId() : m.messageId() != null ? m.messageId() : UUID.randomUUID().toString();
        ChatMessage message = new ChatMessage(id, conversation, direction, sender, body, when,
                direction == Direction.INCOMING ? DeliveryState.RECEIVED : DeliveryState.SENT, null,
                m.originId(), trustedStanzaId);
        synchronized (this) {
            if (store.contains(conversation, m.originId(), trustedStanzaId)
                    || store.find(conversation, id).isPresent()) {
                return;
            }
            store.append(message);
        }
        publish(new ChatEvent.MessageAdded(message));
        publishConversation(conversation);
    }

    private void acceptReceipt(InboundChat.Receipt r) {
        if (r.from() == null || r.receiptForId() == null) {
            return;
        }
        synchronized (this) {
            store.find(r.from().bare(), r.receiptForId())
                    .filter(m -> m.direction() == Direction.OUTGOING)
                    .ifPresent(m -> moveTo(m, DeliveryState.DELIVERED, null));
        }
    }

    private void acceptError(InboundChat.Error e) {
        if (e.from() == null || e.messageId() == null) {
            return;
        }
        synchronized (this) {
            store.find(e.from().bare(), e.messageId())
                    .filter(m -> m.direction() == Direction.OUTGOING)
                    .ifPresent(m -> moveTo(m, DeliveryState.FAILED, e.reason()));
        }
    }

    private synchronized ChatMessage moveTo(ChatMessage message, DeliveryState next, String reason) {
        ChatMessage current = store.find(message.conversation(), message.id()).orElse(message);
        if (!current.state().canMoveTo(next)) {
            return current;
        }
        ChatMessage updated = current.withState(next, reason);
        store.update(updated);
        publish(new ChatEvent.MessageUpdated(updated));
        return updated;
    }

    /** Runs {@code work} with the inbound pipeline held, so history sync and live delivery dedupe against each other. */
    synchronized <T> T exclusively(java.util.function.Supplier<T> work) {
        return work.get();
    }

    Jid ownBareJid() {
        Jid own = gateway.ownJid();
        if (own == null) {
            throw new IllegalStateException("Not logged in");
        }
        return own.bare();
    }

    void reject(Jid claimed, String reason) {
        LOG.warn("Rejected inbound stanza from {}: {}", claimed, reason);
        publish(new ChatEvent.StanzaRejected(claimed, reason));
    }

    void publishConversation(Jid peer) {
        store.conversation(peer).ifPresent(c -> publish(new ChatEvent.ConversationChanged(c)));
    }

    void publish(ChatEvent event) {
        for (Consumer<ChatEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.error("Chat listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }
}
