package im.parley.xmpp;

import im.parley.service.account.LoginException;
import im.parley.service.account.LoginFailure;
import im.parley.service.account.LoginRequest;
import im.parley.service.account.ServerAddress;
import im.parley.service.common.Jid;
import im.parley.testsupport.ProsodyExtension;
import im.parley.testsupport.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 6120 §5 (TLS), §6 (SASL) and certificate pinning against a real Prosody. */
class LoginIT {

    @RegisterExtension
    static final ProsodyExtension PROSODY = new ProsodyExtension();

    @TempDir
    Path dir;

    @Test
    void logsInOverStartTlsWithThePinnedCertificateAndBindsAResource() {
        TestAccount alice = PROSODY.server().newAccount("alice");
        try (ClientUnderTest client = new ClientUnderTest(PROSODY.server(), dir.resolve("pins"))) {
            client.loggedIn(alice);
            assertThat(client.jid().bare().toString()).isEqualTo(alice.jid());
            assertThat(client.jid().resource()).isEqualTo("parley");
        }
    }

    @Test
    void logsInOverDirectTlsAfterTheUserTrustsTheCertificate() {
        TestAccount alice = PROSODY.server().newAccount("alice");
        Jid account = Jid.parseAccount(alice.jid());
        try (ClientUnderTest client = new ClientUnderTest(PROSODY.server(), dir.resolve("pins"))) {
            LoginFailure first = failureOf(client.account.login(directTls(alice)));
            assertThat(first).isInstanceOf(LoginFailure.UntrustedCertificate.class);
            var shown = ((LoginFailure.UntrustedCertificate) first).certificate();
            assertThat(shown.sha256Fingerprint()).isEqualTo(PROSODY.server().certificateSha256());

            client.account.trustCertificate(account, shown);
            Jid bound = client.account.login(directTls(alice)).orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(bound.bare()).isEqualTo(account);
        }
    }

    @Test
    void directTlsToAStartTlsPortFailsAsATlsProblemNotInPlaintext() {
        TestAccount alice = PROSODY.server().newAccount("alice");
        try (ClientUnderTest client = new ClientUnderTest(PROSODY.server(), dir.resolve("pins"))) {
            client.pins.pin(Jid.parseAccount(alice.jid()), PROSODY.server().certificateSha256());
            LoginRequest request = new LoginRequest(Jid.parseAccount(alice.jid()), alice.password().toCharArray(),
                    Optional.of(new ServerAddress("127.0.0.1", PROSODY.server().c2sPort(), true)), "parley");
            LoginFailure failure = failureOf(client.account.login(request));
            assertThat(failure).isInstanceOf(LoginFailure.TlsFailure.class);
            assertThat(failure.userMessage()).contains("direct TLS", "5223");
            assertThat(client.account.boundJid()).isEmpty();
        }
    }

    private static LoginRequest directTls(TestAccount who) {
        return new LoginRequest(Jid.parseAccount(who.jid()), who.password().toCharArray(),
                Optional.of(new ServerAddress("127.0.0.1", PROSODY.server().directTlsPort(), true)), "parley");
    }

    @Test
    void wrongPasswordIsReportedAsSuch() {
        TestAccount alice = PROSODY.server().newAccount("alice");
        try (ClientUnderTest client = new ClientUnderTest(PROSODY.server(), dir.resolve("pins"))) {
            client.pins.pin(Jid.parseAccount(alice.jid()), PROSODY.server().certificateSha256());
            assertThat(failureOf(client.account.login(client.request(alice, "not-" + alice.password()))))
                    .isInstanceOf(LoginFailure.WrongPassword.class);
        }
    }

    @Test
    void unknownAccountIsReportedAsSuch() {
        TestAccount ghost = new TestAccount("ghost" + System.nanoTime(), "whatever", "ghost" + System.nanoTime() + "@localhost");
        try (ClientUnderTest client = new ClientUnderTest(PROSODY.server(), dir.resolve("pins"))) {
            client.pins.pin(Jid.parseAccount(ghost.jid()), PROSODY.server().certificateSha256());
            LoginFailure failure = failureOf(client.account.login(client.request(ghost, "whatever")));
            assertThat(failure).isInstanceOf(LoginFailure.AccountNotFound.class);
            assertThat(failure.userMessage()).contains(ghost.jid());
        }
    }

    @Test
    void closedPortIsReportedAsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        TestAccount alice = PROSODY.server().newAccount("alice");
        try (ClientUnderTest client = new ClientUnderTest(PROSODY.server(), dir.resolve("pins"))) {
            LoginRequest request = new LoginRequest(Jid.parseAccount(alice.jid()), alice.password().toCharArray(),
                    Optional.of(new ServerAddress("127.0.0.1", closedPort, false)), "parley");
            LoginFailure failure = failureOf(client.account.login(request));
            assertThat(failure).isInstanceOf(LoginFailure.ServerUnreachable.class);
            assertThat(failure.userMessage()).contains("127.0.0.1:" + closedPort);
        }
    }

    @Test
    void untrustedCertificateShowsItsFingerprintThenThePinIsHonouredAndAChangedCertificateIsRefused() {
        TestAccount alice = PROSODY.server().newAccount("alice");
        Jid account = Jid.parseAccount(alice.jid());
        try (ClientUnderTest client = new ClientUnderTest(PROSODY.server(), dir.resolve("pins"))) {
            LoginFailure first = failureOf(client.account.login(client.request(alice, alice.password())));
            assertThat(first).isInstanceOf(LoginFailure.UntrustedCertificate.class);
            var shown = ((LoginFailure.UntrustedCertificate) first).certificate();
            assertThat(shown.sha256Fingerprint()).isEqualTo(PROSODY.server().certificateSha256());
            assertThat(client.pins.pinnedFingerprint(account)).isEmpty();

            client.account.trustCertificate(account, shown);
            client.account.login(client.request(alice, alice.password())).orTimeout(10, TimeUnit.SECONDS).join();
            client.account.logout().join();

            String oldFingerprint = shown.sha256Fingerprint();
            PROSODY.server().restartWithNewCertificate();
            LoginFailure changed = failureOf(client.account.login(client.request(alice, alice.password())));
            assertThat(changed).isInstanceOf(LoginFailure.CertificateChanged.class);
            var refused = (LoginFailure.CertificateChanged) changed;
            assertThat(refused.pinnedFingerprint()).isEqualTo(oldFingerprint);
            assertThat(refused.presented().sha256Fingerprint()).isEqualTo(PROSODY.server().certificateSha256())
                    .isNotEqualTo(oldFingerprint);
            assertThat(client.pins.pinnedFingerprint(account)).contains(oldFingerprint);
        }
    }

    @Test
    void aHangingServerCanBeCancelled() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ClientUnderTest client = new ClientUnderTest(PROSODY.server(), dir.resolve("pins"))) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept();
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            });
            LoginRequest request = new LoginRequest(Jid.parseAccount("someone@localhost"), "pw".toCharArray(),
                    Optional.of(new ServerAddress("127.0.0.1", silent.getLocalPort(), false)), "parley");
            CompletableFuture<Jid> login = client.account.login(request);
            try (Socket ignored = accepted.get(5, TimeUnit.SECONDS)) {
                long start = System.nanoTime();
                client.account.cancelLogin();
                assertThat(failureOf(login)).isInstanceOf(LoginFailure.Cancelled.class);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            }
        }
    }

    private static LoginFailure failureOf(CompletableFuture<?> login) {
        CompletableFuture<?> bounded = login.orTimeout(20, TimeUnit.SECONDS);
        assertThatThrownBy(bounded::join).isInstanceOf(CompletionException.class);
        try {
            bounded.join();
            throw new AssertionError("unreachable");
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(LoginException.class);
            return LoginException.failureOf(e);
        }
    }
}
