package im.parley.bench;

import im.parley.testsupport.FileTrees;
import im.parley.archive.SqlMessageStore;
import im.parley.archive.SqlSyncStore;
import im.parley.archive.db.ArchiveKey;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.platform.FileCertificatePinStore;
import im.parley.service.account.AccountService;
import im.parley.service.account.LoginRequest;
import im.parley.service.account.ServerAddress;
import im.parley.service.chat.ChatService;
import im.parley.service.chat.HistorySync;
import im.parley.service.chat.SyncCursor;
import im.parley.service.chat.SyncStore;
import im.parley.service.common.Jid;
import im.parley.testsupport.ArchiveSeed;
import im.parley.testsupport.ProsodyServer;
import im.parley.testsupport.TestAccount;
import im.parley.testsupport.TestConnections;
import im.parley.xmpp.SmackArchiveGateway;
import im.parley.xmpp.SmackChatGateway;
import im.parley.xmpp.SmackConnectionGateway;
import im.parley.xmpp.XmppSession;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * MAM catch-up of a large archive through the loopback Prosody: Parley's {@link HistorySync} into a fresh encrypted
 * archive (validate, dedupe, store, cursor per page) against a bare Smack MAM loop over the same pages that discards
 * what it gets. Prosody keeps the archive in SQLite ({@link ProsodyServer.Storage#SQL}), seeded directly. Interleaved
 * runs, medians; the ratio is Parley's throughput over the bare loop's (goal ≥ 0.8×).
 *
 * <p>Arguments (optional): messages (100,000), measured runs (3), warm-up runs (1).
 */
public final class CatchUpBenchmark {

    private static final int PAGE = 250;
    private static final Duration SERVER_PATIENCE = Duration.ofMinutes(2);

    private CatchUpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        SmackWarnings warnings = SmackWarnings.install();
        // SQL storage: an archive query costs the same at any archive size (internal storage re-reads the whole file).
        try (ProsodyServer server = ProsodyServer.startNew(ProsodyServer.Storage.SQL)) {
            TestAccount owner = server.newAccount("catchup");
            TestAccount peer = server.newAccount("peer");
            Instant start = Instant.now().minus(Duration.ofMillis(10L * total)).minus(Duration.ofMinutes(10));
            long seeding = System.nanoTime();
            try (ArchiveSeed seed = ArchiveSeed.append(server, owner)) {
                for (int i = 0; i < total; i++) {
                    seed.add(new ArchiveSeed.Item("bench-" + i, peer.jid() + "/phone", owner.jid(),
                            "benchmark message number " + i + " with some ordinary text in it", "mid-" + i,
                            "oid-" + i, start.plusMillis(10L * i)));
                }
            }
            System.out.printf(Locale.ROOT, "Seeded %,d archived messages in %.1f s%n", total,
                    (System.nanoTime() - seeding) / 1e9);

            Interleaved plan = new Interleaved(warmups, runs, Duration.ofSeconds(1));
            Comparison result = plan.compare(() -> parley(server, owner, start, total),
                    () -> bareSmack(server, owner, start, total));
            System.out.println();
            System.out.print(ThroughputTable.render(List.of(new ThroughputTable.Line(
                    String.format(Locale.ROOT, "MAM catch-up, %,d messages, pages of %d", total, PAGE),
                    total, result.figure(), result.reference(), "bare Smack MAM loop", 0.8))));
            System.out.println();
            System.out.println("Parley runs: " + result.figure() + "; bare Smack runs: " + result.reference());
            System.out.println(warnings.summary());
        }
    }

    /** Login first (not timed), then the catch-up of everything after {@code start} into a new archive file. */
    private static Duration parley(ProsodyServer server, TestAccount owner, Instant start, int total) throws Exception {
        Path dir = Files.createTempDirectory("parley-catchup-bench-");
        byte[] key = new byte[ArchiveKey.BYTES];
        new SecureRandom().nextBytes(key);
        Jid account = Jid.parse(owner.jid());
        Clock clock = Clock.systemUTC();
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
        XmppSession session = new XmppSession();
        try (EncryptedDatabase database = EncryptedDatabase.open(dir.resolve("archive.db"), new ArchiveKey(key))) {
            SqlMessageStore messages = new SqlMessageStore(database, account, clock);
            SqlSyncStore sync = new SqlSyncStore(database, account, clock);
            // As if synced once just before the first message: the catch-up then pages through all of them.
            sync.saveCursor(SyncStore.OWN_ARCHIVE, new SyncCursor(null, start.plus(Duration.ofMinutes(5)), true));
            FileCertificatePinStore pins = new FileCertificatePinStore(dir.resolve("pins"));
            pins.pin(account, server.certificateSha256());
            AccountService accounts = new AccountService(new SmackConnectionGateway(session), pins);
            ChatService chat = new ChatService(new SmackChatGateway(session), messages, clock);
            HistorySync history = new HistorySync(new SmackArchiveGateway(session), chat, messages, sync, clock,
                    background);
            accounts.login(new LoginRequest(account, owner.password().toCharArray(),
                    Optional.of(new ServerAddress("127.0.0.1", server.c2sPort(), false)), "bench")).join();

            long begin = System.nanoTime();
            HistorySync.CatchUp done = history.catchUp().get(SERVER_PATIENCE.toMinutes() * 10, TimeUnit.MINUTES);
            Duration took = Duration.ofNanos(System.nanoTime() - begin);
            if (done.stored() != total) {
                throw new IllegalStateException("Parley stored " + done.stored() + " of " + total);
            }
            accounts.logout().get(10, TimeUnit.SECONDS);
            return took;
        } finally {
            session.close();
            background.shutdownNow();
            FileTrees.delete(dir);
        }
    }

    /** The floor: Smack's MAM paging over the same range, results discarded. */
    private static Duration bareSmack(ProsodyServer server, TestAccount owner, Instant start, int total)
            throws Exception {
        XMPPTCPConnection connection = TestConnections.connect(server, owner);
        try {
            connection.setReplyTimeout(SERVER_PATIENCE.toMillis());
            MamManager mam = MamManager.getInstanceFor(connection);
            mam.isSupported();
            long begin = System.nanoTime();
            MamManager.MamQuery query = mam.queryArchive(MamManager.MamQueryArgs.builder()
                    .limitResultsSince(Date.from(start)).setResultPageSize(PAGE).build());
            int received = query.getMessageCount();
            while (!query.isComplete()) {
                received += query.pageNext(PAGE).size();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - begin);
            if (received != total) {
                throw new IllegalStateException("Bare Smack received " + received + " of " + total);
            }
            return took;
        } finally {
            connection.disconnect();
        }
    }
}
