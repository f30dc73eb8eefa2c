package im.parley.testsupport;

import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.RosterGroup;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The test harness itself against the real Prosody: accounts, both TLS ports, roster seeding, restarts. */
class ProsodyServerIT {

    private static final Logger LOG = LoggerFactory.getLogger(ProsodyServerIT.class);

    @RegisterExtension
    static final ProsodyExtension PROSODY = new ProsodyExtension();

    @Test
    void freshAccountsLogInOverStartTlsAndDirectTlsAndExchangeAMessage(ProsodyServer server) throws Exception {
        TestAccount alice = server.newAccount("alice");
        TestAccount bob = server.newAccount("bob");
        assertThat(alice.jid()).isEqualTo(alice.localpart() + "@localhost").isNotEqualTo(bob.jid());

        XMPPTCPConnection aliceStartTls = TestConnections.connect(server, alice, "starttls");
        XMPPTCPConnection aliceDirect = TestConnections.connectDirectTls(server, alice, "direct");
        XMPPTCPConnection bobStartTls = TestConnections.connect(server, bob);
        XMPPTCPConnection bobDirect = TestConnections.connectDirectTls(server, bob, "direct");
        try {
            for (XMPPTCPConnection connection : List.of(aliceStartTls, aliceDirect, bobStartTls, bobDirect)) {
                assertThat(connection.isAuthenticated()).isTrue();
            }
            assertThat(aliceStartTls.isSecureConnection()).as("STARTTLS done").isTrue();
            assertThat(aliceStartTls.getUser().toString()).isEqualTo(alice.jid() + "/starttls");
            assertThat(bobDirect.getUser().toString()).isEqualTo(bob.jid() + "/direct");
            assertThat(bobStartTls.getUser().getResourcepart().toString()).startsWith("test-");

            StanzaCollector inbox = bobDirect.createStanzaCollector(new AndFilter(MessageWithBodiesFilter.INSTANCE,
                    FromMatchesFilter.createFull(aliceStartTls.getUser())));
            try {
                aliceStartTls.sendStanza(StanzaBuilder.buildMessage().to(bobDirect.getUser())
                        .ofType(Message.Type.chat).setBody("Hello over direct TLS").build());
                Message received = inbox.nextResultOrThrow(5_000);
                assertThat(received.getBody()).isEqualTo("Hello over direct TLS");
            } finally {
                inbox.cancel();
            }
        } finally {
            List.of(aliceStartTls, aliceDirect, bobStartTls, bobDirect).forEach(XMPPTCPConnection::disconnect);
        }
    }

    @Test
    void seededRosterIsReadBackWithNamesGroupsAndSubscriptions(ProsodyServer server) throws Exception {
        TestAccount owner = server.newAccount("Owner.With-Punctuation");
        List<RosterSeed> seeds = new ArrayList<>(RosterSeed.numbered(46, "Numbered"));
        seeds.add(new RosterSeed("quote@localhost", "Say \"hi\" \\ back", "Tricky \"group\" \\"));
        seeds.add(new RosterSeed("unicode@localhost", "Zoë Ünïcødé 名前", "Grüppe"));
        seeds.add(new RosterSeed("room@conference.localhost", null, null));
        seeds.add(new RosterSeed("Mixed.Case@LocalHost", "Lower-cased by the server", "Numbered"));
        assertThat(seeds).hasSize(50);

        server.seedRoster(owner, seeds);

        XMPPTCPConnection connection = TestConnections.connect(server, owner);
        try {
            Roster roster = Roster.getInstanceFor(connection);
            roster.reloadAndWait();
            Map<String, RosterEntry> entries = roster.getEntries().stream()
                    .collect(Collectors.toMap(e -> e.getJid().toString(), Function.identity()));
            assertThat(entries).hasSize(50);
            assertThat(entries.values()).allSatisfy(e -> assertThat(e.getType()).isEqualTo(RosterPacket.ItemType.both));
            assertThat(entries.get("contact-7@localhost").getName()).isEqualTo("Contact 7");
            assertThat(groupsOf(entries.get("contact-7@localhost"))).containsExactly("Numbered");
            assertThat(entries.get("quote@localhost").getName()).isEqualTo("Say \"hi\" \\ back");
            assertThat(groupsOf(entries.get("quote@localhost"))).containsExactly("Tricky \"group\" \\");
            assertThat(entries.get("unicode@localhost").getName()).isEqualTo("Zoë Ünïcødé 名前");
            assertThat(groupsOf(entries.get("unicode@localhost"))).containsExactly("Grüppe");
            assertThat(entries.get("room@conference.localhost").getName()).isNull();
            assertThat(groupsOf(entries.get("room@conference.localhost"))).isEmpty();
            assertThat(entries).containsKey("mixed.case@localhost");
            assertThat(roster.getGroup("Numbered").getEntryCount()).isEqualTo(47);
        } finally {
            connection.disconnect();
        }
    }

    /**
     * No initial presence: with it, each of the 5,000 local contacts' PEP service asks the client for its caps
     * (disco#info), and Smack 4.5.0-rc1 can deadlock answering 5,000 IQs under stream management (see
     * {@link ProsodyServer#seedRoster}).
     */
    @Test
    void fiveThousandSeededContactsLoad(ProsodyServer server) throws Exception {
        TestAccount owner = server.newAccount("big");
        long begin = System.nanoTime();
        server.seedRoster(owner, RosterSeed.numbered(5_000, "Everyone"));
        long seeded = System.nanoTime();
        XMPPTCPConnection connection = TestConnections.connectAndLogin(
                TestConnections.startTls(server, owner, "bench").setSendPresence(false).build());
        try {
            Roster roster = Roster.getInstanceFor(connection);
            roster.reloadAndWait();
            assertThat(roster.getEntryCount()).isEqualTo(5_000);
            LOG.info("5,000 contacts: seeded (with restart) in {} ms, logged in and loaded in {} ms",
                    Duration.ofNanos(seeded - begin).toMillis(), Duration.ofNanos(System.nanoTime() - seeded).toMillis());
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void restartWithNewCertificateChangesTheFingerprintAndKeepsPortsAndAccounts(ProsodyServer server) throws Exception {
        TestAccount alice = server.newAccount("alice");
        X509Certificate oldCertificate = server.certificate();
        String oldFingerprint = server.certificateSha256();
        int c2sPort = server.c2sPort();
        int directTlsPort = server.directTlsPort();
        assertThat(oldFingerprint).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");

        server.restartWithNewCertificate();

        assertThat(server.certificateSha256()).isNotEqualTo(oldFingerprint).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(server.certificate().getPublicKey()).isNotEqualTo(oldCertificate.getPublicKey());
        assertThat(server.c2sPort()).isEqualTo(c2sPort);
        assertThat(server.directTlsPort()).isEqualTo(directTlsPort);
        TestConnections.connect(server, alice).disconnect();
        TestConnections.connectDirectTls(server, alice, "direct").disconnect();

        assertThatThrownBy(() -> TestConnections.connectAndLogin(TestConnections.startTls(server, alice, "pinned")
                .setCustomX509TrustManager(TestConnections.trusting(oldCertificate)).build()))
                .hasStackTraceContaining("the test expects " + oldFingerprint);
    }

    @Test
    void stopEndsTheProcessStartResumesAndCloseDeletesEverything() throws Exception {
        long begin = System.nanoTime();
        ProsodyServer own = ProsodyServer.startNew();
        LOG.info("A second server started in {} ms", Duration.ofNanos(System.nanoTime() - begin).toMillis());
        try {
            long pid = own.pid();
            Path directory = own.directory();
            // Prosody writes its pid file a moment after its ports accept connections.
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(directory.resolve("prosody.pid")));
            assertThat(Files.readString(directory.resolve("prosody.pid")).strip()).isEqualTo(Long.toString(pid));
            assertThat(own.c2sPort()).isNotEqualTo(PROSODY.server().c2sPort());
            TestAccount account = own.newAccount("survivor");
            XMPPTCPConnection connected = TestConnections.connect(own, account);

            long stopping = System.nanoTime();
            own.stop();
            Duration stopTime = Duration.ofNanos(System.nanoTime() - stopping);
            LOG.info("Stopped with a client connected in {} ms", stopTime.toMillis());

            assertThat(own.isRunning()).isFalse();
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(directory.resolve("prosody.pid")).doesNotExist();
            assertThat(stopTime).isLessThan(Duration.ofSeconds(3));
            await().atMost(Duration.ofSeconds(5)).until(() -> !connected.isConnected());

            own.start();
            assertThat(own.pid()).isNotEqualTo(pid);
            TestConnections.connect(own, account).disconnect();
            long secondPid = own.pid();

            own.close();
            assertThat(ProcessHandle.of(secondPid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(directory).doesNotExist();
            assertThatThrownBy(own::start).isInstanceOf(IllegalStateException.class);
        } finally {
            own.close();
        }
    }

    private static Set<String> groupsOf(RosterEntry entry) {
        return entry.getGroups().stream().map(RosterGroup::getName).collect(Collectors.toSet());
    }
}
