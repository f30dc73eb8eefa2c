package im.parley.bench;

import im.parley.archive.SqlRosterCache;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.roster.RosterGateway;

import im.parley.platform.FileCertificatePinStore;
import im.parley.service.account.AccountService;
import im.parley.service.account.LoginRequest;
import im.parley.service.account.ServerAddress;
import im.parley.service.common.Jid;
import im.parley.service.roster.Contact;
import im.parley.service.roster.RosterService;
import im.parley.testsupport.ProsodyServer;
import im.parley.testsupport.TestAccount;
import im.parley.testsupport.TestConnections;
import im.parley.xmpp.SmackConnectionGateway;
import im.parley.xmpp.SmackRosterGateway;
import im.parley.xmpp.XmppSession;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Parley's stack below the UI, wired as the app wires it: {@link XmppSession}, the Smack gateways,
 * {@link AccountService} and {@link RosterService}. Timed from {@code login} until {@code load} has returned every
 * contact; the services are built before the clock starts (the app builds them once), and the certificate is
 * pinned beforehand (as after the user trusted it).
 */
final class ParleyServicesRoster implements RosterScenario {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What the roster cache holds when the clock starts. */
    enum Cache {
        /** No cache at all: every login fetches the whole roster. */
        NONE,
        /** The archive's cache, emptied before each login: a full fetch, then written to the archive. */
        EMPTY,
        /** The archive's cache as the previous login left it: the server sends what changed (XEP-0237). */
        CURRENT
    }

    private final Path pinFile;
    private final Cache cache;
    private final EncryptedDatabase archive;

    ParleyServicesRoster(Path workDirectory) {
        this(workDirectory, Cache.NONE, null);
    }

    /** {@code archive} holds the roster cache unless {@code cache} is {@link Cache#NONE}. */
    ParleyServicesRoster(Path workDirectory, Cache cache, EncryptedDatabase archive) {
        this.pinFile = workDirectory.resolve("pins.properties");
        this.cache = cache;
        this.archive = archive;
    }

    private RosterGateway gateway(XmppSession session, Jid account) {
        if (cache == Cache.NONE) {
            return new SmackRosterGateway(session);
        }
        SqlRosterCache stored = new SqlRosterCache(archive, () -> account);
        if (cache == Cache.EMPTY) {
            stored.clear();
        }
        return new SmackRosterGateway(session, stored);
    }

    @Override
    public Duration loginAndLoadRoster(ProsodyServer server, TestAccount account, int expectedContacts) throws Exception {
        Jid jid = Jid.parseAccount(account.jid());
        FileCertificatePinStore pins = new FileCertificatePinStore(pinFile);
        pins.pin(jid, server.certificateSha256());
        try (XmppSession session = new XmppSession()) {
            AccountService accounts = new AccountService(new SmackConnectionGateway(session), pins);
            RosterService roster = new RosterService(gateway(session, jid));
            LoginRequest request = new LoginRequest(jid, account.password().toCharArray(),
                    Optional.of(new ServerAddress("127.0.0.1", server.c2sPort(), false)), TestConnections.randomResource());
            long start = System.nanoTime();
            accounts.login(request).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<Contact> contacts = roster.load().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            RosterScenario.check(expectedContacts, contacts.size());
            accounts.logout().get(5, TimeUnit.SECONDS);
            return elapsed;
        }
    }
}
