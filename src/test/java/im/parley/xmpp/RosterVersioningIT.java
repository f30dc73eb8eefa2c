package im.parley.xmpp;

import im.parley.archive.SqlRosterCache;
import im.parley.archive.db.ArchiveKey;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.platform.FileCertificatePinStore;
import im.parley.service.account.AccountService;
import im.parley.service.account.LoginRequest;
import im.parley.service.account.ServerAddress;
import im.parley.service.common.Jid;
import im.parley.service.roster.Contact;
import im.parley.service.roster.RosterCache;
import im.parley.service.roster.RosterService;
import im.parley.testsupport.ProsodyExtension;
import im.parley.testsupport.ProsodyServer;
import im.parley.testsupport.TestAccount;
import im.parley.testsupport.TestConnections;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roster versioning (XEP-0237) against the real Prosody: the roster is kept in the encrypted archive between logins,
 * so a login with nothing changed transfers no roster items and still shows every contact; what changed while
 * offline arrives and is cached.
 */
class RosterVersioningIT {

    @RegisterExtension
    static final ProsodyExtension PROSODY = new ProsodyExtension();

    @TempDir
    Path dir;
    private EncryptedDatabase archive;
    private ProsodyServer server;
    private TestAccount owner;

    @BeforeEach
    void setUp() throws Exception {
        byte[] key = new byte[ArchiveKey.BYTES];
        new SecureRandom().nextBytes(key);
        archive = EncryptedDatabase.open(dir.resolve("archive.db"), new ArchiveKey(key));
        server = PROSODY.server();
        owner = server.newAccount("versioned");
    }

    @AfterEach
    void tearDown() throws Exception {
        archive.close();
    }

    /** One login of Parley with the archive's roster cache; counts the roster items the server sent. */
    private final class Login implements AutoCloseable {
        final XmppSession session = new XmppSession();
        final AtomicInteger itemsReceived = new AtomicInteger();
        final AccountService account;
        final RosterService roster;

        Login() {
            session.onNewConnection(c -> c.addStanzaListener(
                    stanza -> itemsReceived.addAndGet(((RosterPacket) stanza).getRosterItemCount()),
                    new StanzaTypeFilter(RosterPacket.class)));
            FileCertificatePinStore pins = new FileCertificatePinStore(dir.resolve("pins"));
            pins.pin(Jid.parse(owner.jid()), server.certificateSha256());
            account = new AccountService(new SmackConnectionGateway(session), pins);
            roster = new RosterService(new SmackRosterGateway(session,
                    new SqlRosterCache(archive, () -> Jid.parse(owner.jid()))));
            account.login(new LoginRequest(Jid.parseAccount(owner.jid()), owner.password().toCharArray(),
                            Optional.of(new ServerAddress("127.0.0.1", server.c2sPort(), false)), "parley"))
                    .orTimeout(10, TimeUnit.SECONDS).join();
        }

        List<Contact> contacts() {
            return roster.load().orTimeout(10, TimeUnit.SECONDS).join();
        }

        @Override
        public void close() throws Exception {
            account.logout().get(10, TimeUnit.SECONDS);
            session.close();
        }
    }

    /** Edits the owner's roster from another client, as another device of the user would. */
    private void elsewhere(RosterEdit edit) throws Exception {
        XMPPTCPConnection other = TestConnections.connect(server, owner, "phone");
        try {
            Roster roster = Roster.getInstanceFor(other);
            roster.reloadAndWait();
            edit.apply(roster);
        } finally {
            other.disconnect();
        }
    }

    @FunctionalInterface
    private interface RosterEdit {
        void apply(Roster roster) throws Exception;
    }

    private static List<String> names(List<Contact> contacts) {
        return contacts.stream().map(Contact::displayName).sorted().toList();
    }

    @Test
    @DisplayName("an unchanged roster comes from the archive with no items sent; a change made offline arrives")
    void rosterIsCachedBetweenLogins() throws Exception {
        TestAccount bob = server.newAccount("bob");
        TestAccount carol = server.newAccount("carol");
        TestAccount dave = server.newAccount("dave");
        elsewhere(roster -> {
            roster.createItem(JidCreate.entityBareFrom(bob.jid()), "Bob", new String[]{"Friends"});
            roster.createItem(JidCreate.entityBareFrom(carol.jid()), "Carol", new String[0]);
        });

        try (Login first = new Login()) {
            assertThat(names(first.contacts())).containsExactly("Bob", "Carol");
            assertThat(first.itemsReceived.get()).as("the first login fetches the whole roster").isEqualTo(2);
        }
        RosterCache.Snapshot cached = new SqlRosterCache(archive, () -> Jid.parse(owner.jid())).load().orElseThrow();
        assertThat(cached.version()).isNotBlank();
        assertThat(names(cached.contacts())).containsExactly("Bob", "Carol");

        try (Login unchanged = new Login()) {
            assertThat(names(unchanged.contacts())).containsExactly("Bob", "Carol");
            assertThat(unchanged.itemsReceived.get()).as("nothing changed: no roster items on the wire").isZero();
            assertThat(unchanged.roster.contact(Jid.parse(bob.jid())).orElseThrow().groups())
                    .containsExactly("Friends");
        }

        elsewhere(roster -> {
            roster.createItem(JidCreate.entityBareFrom(dave.jid()), "Dave", new String[0]);
            roster.removeEntry(roster.getEntry(JidCreate.entityBareFrom(carol.jid())));
        });

        try (Login changed = new Login()) {
            assertThat(names(changed.contacts())).containsExactly("Bob", "Dave");
        }
        assertThat(names(new SqlRosterCache(archive, () -> Jid.parse(owner.jid())).load().orElseThrow().contacts()))
                .containsExactly("Bob", "Dave");
    }
}
