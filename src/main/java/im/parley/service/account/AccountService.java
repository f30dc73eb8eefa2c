package im.parley.service.account;

import im.parley.service.common.Jid;
import im.parley.service.common.Presence;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Logs the account in and out, keeps the user's own presence, applies certificate pins. */
public final class AccountService {

    private final ConnectionGateway gateway;
    private final CertificatePinStore pins;
    private final Executor storage;
    private final AtomicLong attempts = new AtomicLong();
    private final List<Consumer<ConnectionStateChanged>> listeners = new CopyOnWriteArrayList<>();
    private volatile Jid boundJid;
    private volatile Presence ownPresence = Presence.ONLINE;

    /** The pin store is read on the calling thread. */
    public AccountService(ConnectionGateway gateway, CertificatePinStore pins) {
        this(gateway, pins, Runnable::run);
    }

    /** {@code storage} reads and writes the pin store (the archive), so no caller waits for the disk. */
    public AccountService(ConnectionGateway gateway, CertificatePinStore pins, Executor storage) {
        this.gateway = gateway;
        this.pins = pins;
        this.storage = storage;
        gateway.setStateListener(this::publish);
    }

    public CompletableFuture<Jid> login(LoginRequest request) {
        long attempt = attempts.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> pins.pinnedFingerprint(request.account()), storage)
                .thenCompose(pin -> attempt == attempts.get() ? gateway.connect(request, pin)
                        : CompletableFuture.failedFuture(new LoginException(new LoginFailure.Cancelled())))
                .thenApply(jid -> {
                    boundJid = jid;
                    return jid;
                });
    }

    /** Also before the connection began (while the pin was being read): that login then fails as cancelled. */
    public void cancelLogin() {
        attempts.incrementAndGet();
        gateway.cancelConnect();
    }

    /** Trusts the certificate the user was shown for this account; later logins check it. */
    public void trustCertificate(Jid account, CertificateInfo certificate) {
        pins.pin(account.bare(), certificate.sha256Fingerprint());
    }

    public CompletableFuture<Void> logout() {
        boundJid = null;
        return gateway.disconnect();
    }

    public CompletableFuture<Void> setPresence(Presence presence) {
        ownPresence = presence;
        return gateway.sendPresence(presence);
    }

    public Presence ownPresence() {
        return ownPresence;
    }

    public Optional<Jid> boundJid() {
        return Optional.ofNullable(boundJid);
    }

    public void addListener(Consumer<ConnectionStateChanged> listener) {
        listeners.add(listener);
    }

    private void publish(ConnectionStateChanged event) {
        if (event.state() == ConnectionState.CONNECTED && boundJid != null && !ownPresence.equals(Presence.ONLINE)) {
            gateway.sendPresence(ownPresence); // a reconnect announces plain "available"; say what the user chose
        }
        listeners.forEach(l -> l.accept(event));
    }
}
