package im.parley.app;

import im.parley.platform.FileCertificatePinStore;
import im.parley.service.account.LoginRequest;
import im.parley.service.account.ServerAddress;
import im.parley.service.common.Jid;
import im.parley.testsupport.ProsodyExtension;
import im.parley.testsupport.ProsodyServer;
import im.parley.testsupport.TestAccount;
import im.parley.testsupport.TestConnections;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import im.parley.archive.db.ArchiveKey;
import im.parley.archive.db.EncryptedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Logging out says goodbye to the server and leaves no thread of the session running. */
class ClientSessionIT {

    @RegisterExtension
    static final ProsodyExtension PROSODY = new ProsodyExtension();

    @TempDir
    Path dir;

    @Test
    void closingASessionSendsUnavailablePresenceAndStopsItsThreads() throws Exception {
        ProsodyServer server = PROSODY.server();
        TestAccount alice = server.newAccount("alice");
        TestAccount bob = server.newAccount("bob");
        server.seedRoster(alice, List.of(new im.parley.testsupport.RosterSeed(bob.jid(), "Bob", null)));
        server.seedRoster(bob, List.of(new im.parley.testsupport.RosterSeed(alice.jid(), "Alice", null)));
        XMPPTCPConnection watcher = TestConnections.connect(server, bob);
        try {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            FileCertificatePinStore pins = new FileCertificatePinStore(dir.resolve("pins"));
            Jid account = Jid.parseAccount(alice.jid());
            pins.pin(account, server.certificateSha256());
            byte[] raw = new byte[im.parley.archive.db.ArchiveKey.BYTES];
            new java.security.SecureRandom().nextBytes(raw);
            EncryptedDatabase archive = EncryptedDatabase.open(dir.resolve("archive.db"), new ArchiveKey(raw));
            ClientSession session = new ClientSession(pins, archive, Clock.systemUTC());
            session.account.login(new LoginRequest(account, alice.password().toCharArray(),
                    Optional.of(new ServerAddress("127.0.0.1", server.c2sPort(), false)), "parley"))
                    .get(10, TimeUnit.SECONDS);
            session.roster.load().get(10, TimeUnit.SECONDS);
            Roster bobsRoster = Roster.getInstanceFor(watcher);
            await().atMost(Duration.ofSeconds(10)).until(() -> bobsRoster.getPresence(JidCreate.bareFrom(alice.jid())).isAvailable());
            assertThat(sessionThreadsStarted(before)).as("the connection's own threads, while logged in")
                    .anyMatch(name -> name.startsWith("Smack Reader")).anyMatch(name -> name.startsWith("Smack Writer"));

            session.close();
            archive.close();

            Presence seen = bobsRoster.getPresence(JidCreate.bareFrom(alice.jid()));
            await().atMost(Duration.ofSeconds(10)).until(() -> !bobsRoster.getPresence(JidCreate.bareFrom(alice.jid())).isAvailable());
            assertThat(seen).isNotNull();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sessionThreadsStarted(before)).isEmpty());
        } finally {
            watcher.disconnect();
        }
    }

    /**
     * Platform threads started since {@code before} that still run: every non-daemon one, and the daemons that belong
     * to one connection (Smack's reader and writer); JDK and library daemons shared by all connections are left out.
     */
    private static Set<String> sessionThreadsStarted(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.getName().startsWith("awaitility"))
                .filter(t -> !t.isDaemon() || t.getName().startsWith("xmpp-") || t.getName().startsWith("parley-")
                        || t.getName().contains("Smack Reader") || t.getName().contains("Smack Writer"))
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
