package im.parley.service.chat;

import im.parley.service.common.Jid;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Port: one-to-one messages on the network. */
public interface ChatGateway {

    /** Completes when the stanza is handed to the server (or fails when it cannot be). */
    CompletableFuture<Void> send(OutgoingMessage message);

    CompletableFuture<Void> sendChatState(Jid to, ChatState state);

    /** Inbound events are delivered in the order they arrived, one at a time. */
    void setListener(Consumer<InboundChat> listener);

    /** The full address this connection is bound to, once logged in. */
    Jid ownJid();
}
