package im.parley.service.chat;

import im.parley.service.common.Jid;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The network as the chat service sees it. Sending records the message and returns a future the test
 * completes ({@link #accept}, {@link #fail}); inbound events are delivered with {@link #receive}.
 */
public final class FakeChatGateway implements ChatGateway {

    public record StateSent(Jid to, ChatState state) {
    }

    public final List<OutgoingMessage> sent = new ArrayList<>();
    final List<CompletableFuture<Void>> sendResults = new ArrayList<>();
    final List<StateSent> statesSent = new ArrayList<>();
    /** Sees every chat state as it is sent, on the sending thread (for latches in tests). */
    volatile Consumer<StateSent> stateObserver = s -> { };
    /** When set, {@link #send} throws it instead of returning a future (a misbehaving adapter). */
    RuntimeException throwOnSend;
    private final Jid ownJid;
    private Consumer<InboundChat> listener;

    public FakeChatGateway(Jid ownJid) {
        this.ownJid = ownJid;
    }

    public void receive(InboundChat event) {
        listener.accept(event);
    }

    public void accept(int index) {
        sendResults.get(index).complete(null);
    }

    public void fail(int index, Throwable error) {
        sendResults.get(index).completeExceptionally(error);
    }

    @Override
    public synchronized CompletableFuture<Void> send(OutgoingMessage message) {
        sent.add(message);
        if (throwOnSend != null) {
            throw throwOnSend;
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        sendResults.add(result);
        return result;
    }

    @Override
    public synchronized CompletableFuture<Void> sendChatState(Jid to, ChatState state) {
        StateSent sentState = new StateSent(to, state);
        statesSent.add(sentState);
        stateObserver.accept(sentState);
        return CompletableFuture.completedFuture(null);
    }

    public synchronized List<StateSent> statesSent() {
        return List.copyOf(statesSent);
    }

    @Override
    public void setListener(Consumer<InboundChat> listener) {
        this.listener = listener;
    }

    @Override
    public Jid ownJid() {
        return ownJid;
    }
}
