package im.parley.service.account;

import im.parley.service.common.Availability;
import im.parley.service.common.Jid;
import im.parley.service.common.Presence;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class AccountServiceTest {

    private static final Jid ALICE = Jid.parse("alice@example.org");
    private static final String PIN = "AB:CD:EF";

    private final FakeConnectionGateway gateway = new FakeConnectionGateway();
    private final InMemoryPinStore pins = new InMemoryPinStore();
    private final AccountService service = new AccountService(gateway, pins);

    private static LoginRequest request() {
        return new LoginRequest(ALICE, "secret".toCharArray());
    }

    private static CertificateInfo certificate(String fingerprint) {
        return new CertificateInfo(fingerprint, "CN=example.org", "CN=Example CA",
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    @DisplayName("login passes the certificate pinned for the account to the gateway")
    void loginPassesPin() {
        pins.pin(ALICE, PIN);

        service.login(request());

        assertThat(gateway.lastConnect().pinnedFingerprint()).contains(PIN);
        assertThat(gateway.lastConnect().request()).isEqualTo(request());
    }

    @Test
    @DisplayName("the pin is read on the storage executor, and the connection starts only after it")
    void pinReadOnStorageExecutor() {
        pins.pin(ALICE, PIN);
        List<Runnable> storage = new ArrayList<>();
        AccountService deferred = new AccountService(gateway, pins, storage::add);

        CompletableFuture<Jid> login = deferred.login(request());

        assertThat(gateway.connects).as("nothing before the pin is read").isEmpty();
        storage.removeFirst().run();
        assertThat(gateway.lastConnect().pinnedFingerprint()).contains(PIN);
        assertThat(login).isNotDone();
    }

    @Test
    @DisplayName("cancelling while the pin is being read fails the login as cancelled and never connects")
    void cancelBeforeConnecting() {
        List<Runnable> storage = new ArrayList<>();
        AccountService deferred = new AccountService(gateway, pins, storage::add);
        CompletableFuture<Jid> login = deferred.login(request());

        deferred.cancelLogin();
        storage.removeFirst().run();

        assertThat(gateway.connects).isEmpty();
        assertThat(login).isCompletedExceptionally();
        assertThat(LoginException.failureOf(login.handle((j, e) -> e).join()))
                .isInstanceOf(LoginFailure.Cancelled.class);
    }

    @Test
    @DisplayName("login without a pinned certificate passes no pin")
    void loginWithoutPin() {
        pins.pin(Jid.parse("bob@example.org"), PIN);

        service.login(request());

        assertThat(gateway.lastConnect().pinnedFingerprint()).isEmpty();
    }

    @Test
    @DisplayName("trustCertificate pins the fingerprint for the bare address, so the next login checks it")
    void trustCertificatePinsBareJid() {
        service.trustCertificate(Jid.parse("alice@example.org/laptop"), certificate(PIN));

        assertThat(pins.pins).containsOnlyKeys(ALICE).containsEntry(ALICE, PIN);

        service.login(request());
        assertThat(gateway.lastConnect().pinnedFingerprint()).contains(PIN);
    }

    @Test
    @DisplayName("trusting a new certificate replaces the old pin")
    void trustReplacesPin() {
        service.trustCertificate(ALICE, certificate("OLD"));
        service.trustCertificate(ALICE, certificate("NEW"));

        assertThat(pins.pinnedFingerprint(ALICE)).contains("NEW");
    }

    @Test
    @DisplayName("the bound address is known only after a successful login and forgotten at logout")
    void boundJid() {
        Jid bound = Jid.parse("alice@example.org/parley.x1");
        CompletableFuture<Jid> login = service.login(request());
        assertThat(service.boundJid()).isEmpty();

        gateway.lastConnect().result().complete(bound);

        assertThat(login).isCompletedWithValue(bound);
        assertThat(service.boundJid()).contains(bound);

        service.logout();

        assertThat(service.boundJid()).isEmpty();
        assertThat(gateway.disconnects).isEqualTo(1);
    }

    @Test
    @DisplayName("a failed login leaves no bound address and passes the failure through")
    void failedLogin() {
        CompletableFuture<Jid> login = service.login(request());

        gateway.lastConnect().result().completeExceptionally(new LoginException(new LoginFailure.WrongPassword()));

        assertThat(LoginException.failureOf(catchThrowable(login::join))).isEqualTo(new LoginFailure.WrongPassword());
        assertThat(service.boundJid()).isEmpty();
    }

    @Test
    @DisplayName("cancelLogin asks the gateway to abort the attempt")
    void cancel() {
        service.login(request());

        service.cancelLogin();

        assertThat(gateway.cancels).isEqualTo(1);
    }

    @Test
    @DisplayName("setPresence sends the presence and remembers it as the user's own")
    void presence() {
        Presence away = new Presence(Availability.AWAY, "lunch");

        service.setPresence(away);

        assertThat(gateway.presences).containsExactly(away);
        assertThat(service.ownPresence()).isEqualTo(away);
    }

    @Test
    @DisplayName("connection state changes from the gateway reach every listener, in order")
    void stateEvents() {
        List<ConnectionStateChanged> first = new ArrayList<>();
        List<ConnectionStateChanged> second = new ArrayList<>();
        service.addListener(first::add);
        service.addListener(second::add);
        ConnectionStateChanged connecting = new ConnectionStateChanged(ConnectionState.CONNECTING, "");
        ConnectionStateChanged dropped = new ConnectionStateChanged(ConnectionState.RECONNECTING, "stream reset");

        gateway.stateListener.accept(connecting);
        gateway.stateListener.accept(dropped);

        assertThat(first).containsExactly(connecting, dropped);
        assertThat(second).containsExactly(connecting, dropped);
    }

    @Test
    @DisplayName("the initial own presence is online, with the request's server override passed through")
    void defaults() {
        LoginRequest withServer = new LoginRequest(ALICE, "pw".toCharArray(),
                Optional.of(new ServerAddress("xmpp.example.org", 5222, false)), null);

        service.login(withServer);

        assertThat(service.ownPresence()).isEqualTo(Presence.ONLINE);
        assertThat(gateway.lastConnect().request().server()).contains(new ServerAddress("xmpp.example.org", 5222, false));
    }

    @Test
    void aReconnectRestoresThePresenceTheUserChose() {
        service.login(request());
        gateway.lastConnect().result().complete(ALICE.withResource("parley"));
        Presence away = new Presence(Availability.AWAY, "lunch");
        service.setPresence(away);
        gateway.presences.clear();

        gateway.stateListener.accept(new ConnectionStateChanged(ConnectionState.RECONNECTING, "connection lost"));
        gateway.stateListener.accept(new ConnectionStateChanged(ConnectionState.CONNECTED, ""));

        assertThat(gateway.presences).containsExactly(away);
    }

    @Test
    void aReconnectWithThePlainDefaultPresenceSendsNothingExtra() {
        service.login(request());
        gateway.lastConnect().result().complete(ALICE.withResource("parley"));

        gateway.stateListener.accept(new ConnectionStateChanged(ConnectionState.CONNECTED, ""));

        assertThat(gateway.presences).isEmpty();
    }
}
