package im.parley.service.account;

import im.parley.service.common.Jid;
import im.parley.service.common.Presence;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Port: the network connection of one account. */
public interface ConnectionGateway {

    /**
     * Connects over TLS (never in plaintext) and logs in. The future fails with a
     * {@link LoginException}. {@code pinnedFingerprint} is the certificate the user trusted.
     */
    CompletableFuture<Jid> connect(LoginRequest request, Optional<String> pinnedFingerprint);

    /** Aborts a connection attempt in progress; its future fails with {@link LoginFailure.Cancelled}. */
    void cancelConnect();

    /** Sends unavailable presence and closes the stream. */
    CompletableFuture<Void> disconnect();

    CompletableFuture<Void> sendPresence(Presence presence);

    void setStateListener(Consumer<ConnectionStateChanged> listener);
}
