package im.parley.bench;

import im.parley.testsupport.FileTrees;
import im.parley.archive.SqlArchiveVault;
import im.parley.archive.SqlMessageStore;
import im.parley.archive.db.ArchiveKey;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.archive.db.PassphraseKdf;
import im.parley.archive.db.UnencryptedTwin;
import im.parley.service.archive.Keychain;
import im.parley.service.chat.ChatMessage;
import im.parley.service.chat.DeliveryState;
import im.parley.service.chat.Direction;
import im.parley.service.common.Jid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The encrypted archive's own costs, each next to its floor or reference measured in the same run:
 * <ul>
 *     <li>insert rate through {@link SqlMessageStore} into the encrypted archive vs the same store on an
 *     unencrypted SQLite file with the same schema and settings ({@link UnencryptedTwin}), in catch-up pages and
 *     one message per transaction (goal ≥0.5×);</li>
 *     <li>the newest page, and an older page, of a 200,000-message conversation (goal ≤20 ms median);</li>
 *     <li>unlocking with a passphrase (Argon2id, key check, open, schema) and the first page after it, next to the
 *     Argon2id derivation alone.</li>
 * </ul>
 * Not a test. Works under {@code target/archive-bench} and deletes it at the end.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=im.parley.bench.ArchiveBenchmarks</pre>
 *
 * <p>Arguments (optional): messages inserted per run (100,000), size of the big conversation (200,000), measured
 * runs of the insert scenarios (3).
 */
public final class ArchiveBenchmarks {

    private static final List<String> HEADER = List.of("scenario", "figure (median)", "floor or reference (median)",
            "ratio", "goal");
    private static final Jid ACCOUNT = Jid.parse("alice@example.org");
    private static final int CATCH_UP_PAGE = 250;
    private static final int SINGLE_APPENDS = 2_000;
    private static final int OTHER_CONVERSATIONS = 20;
    private static final int VIEW_PAGE = 100; // what the chat view asks for
    private static final int PAGE_WARM_UP = 20;
    private static final int PAGE_RUNS = 200;
    private static final int UNLOCK_RUNS = 5;
    private static final double PAGE_GOAL_MS = 20;
    private static final double INSERT_GOAL_RATIO = 0.5;
    private static final double UNLOCK_GOAL_MS = 2_000;
    private static final char[] PASSPHRASE = "correct horse battery staple, benchmark edition".toCharArray();

    private final Path dir;
    private final Random random = new Random(20261202L);

    private ArchiveBenchmarks(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        int inserted = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int bigConversation = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Path.of("target", "archive-bench");
        FileTrees.delete(dir);
        Files.createDirectories(dir);
        try {
            ArchiveBenchmarks bench = new ArchiveBenchmarks(dir);
            List<List<String>> rows = new ArrayList<>();
            rows.add(bench.insertInPages(inserted, runs));
            rows.add(bench.insertOneByOne(runs));
            rows.addAll(bench.bigConversation(bigConversation));
            System.out.println();
            System.out.print(MarkdownTable.render(HEADER, rows));
        } finally {
            FileTrees.delete(dir);
        }
    }

    private List<String> insertInPages(int count, int runs) throws Exception {
        List<ChatMessage> messages = messages(count, OTHER_CONVERSATIONS);
        Comparison result = new Interleaved(1, runs, Duration.ofSeconds(1)).compare(
                () -> timeInsert(this::encrypted, store -> pages(messages, CATCH_UP_PAGE).forEach(store::appendAll)),
                () -> timeInsert(this::plain, store -> pages(messages, CATCH_UP_PAGE).forEach(store::appendAll)));
        return throughputRow(String.format(Locale.ROOT, "insert %,d messages, pages of %d (catch-up)", count,
                CATCH_UP_PAGE), count, result);
    }

    private List<String> insertOneByOne(int runs) throws Exception {
        List<ChatMessage> messages = messages(SINGLE_APPENDS, OTHER_CONVERSATIONS);
        Comparison result = new Interleaved(1, runs, Duration.ofSeconds(1)).compare(
                () -> timeInsert(this::encrypted, store -> messages.forEach(store::append)),
                () -> timeInsert(this::plain, store -> messages.forEach(store::append)));
        return throughputRow(String.format(Locale.ROOT, "insert %,d messages one per transaction (live)",
                SINGLE_APPENDS), SINGLE_APPENDS, result);
    }

    private List<List<String>> bigConversation(int size) throws Exception {
        Path profile = dir.resolve("profile");
        List<ChatMessage> messages = conversation(size);
        SqlArchiveVault vault = new SqlArchiveVault(profile, new NoKeychain());
        vault.create(PASSPHRASE.clone());
        try {
            fill(vault.database(), messages);
        } finally {
            vault.close();
        }
        Path plainFile = dir.resolve("plain.db");
        try (EncryptedDatabase plain = UnencryptedTwin.open(plainFile)) {
            fill(plain, messages);
        }
        Jid peer = messages.getFirst().conversation();
        List<List<String>> rows = new ArrayList<>();
        List<Duration> unlocks = new ArrayList<>();
        List<Duration> firstPages = new ArrayList<>();
        for (int i = 0; i < UNLOCK_RUNS; i++) {
            SqlArchiveVault reopened = new SqlArchiveVault(profile, new NoKeychain());
            long begin = System.nanoTime();
            reopened.unlock(PASSPHRASE.clone());
            unlocks.add(Duration.ofNanos(System.nanoTime() - begin));
            try {
                SqlMessageStore store = new SqlMessageStore(reopened.database(), ACCOUNT, Clock.systemUTC());
                firstPages.add(time(() -> requirePage(store.latest(peer, VIEW_PAGE))));
            } finally {
                reopened.close();
            }
        }
        Samples kdf = new Samples(Stream.generate(() -> time(() -> {
            PassphraseKdf.derive(PASSPHRASE.clone(), PassphraseKdf.Parameters.fresh()).close();
        })).limit(UNLOCK_RUNS).toList());
        Instant middle = messages.get(size / 2).timestamp();
        vault = new SqlArchiveVault(profile, new NoKeychain());
        vault.unlock(PASSPHRASE.clone());
        try (EncryptedDatabase plain = UnencryptedTwin.open(plainFile)) {
            SqlMessageStore encryptedStore = new SqlMessageStore(vault.database(), ACCOUNT, Clock.systemUTC());
            SqlMessageStore plainStore = new SqlMessageStore(plain, ACCOUNT, Clock.systemUTC());
            rows.add(pageRow(String.format(Locale.ROOT, "newest page (%d) of a %,d-message conversation", VIEW_PAGE,
                    size), pageTimes(() -> encryptedStore.latest(peer, VIEW_PAGE)),
                    pageTimes(() -> plainStore.latest(peer, VIEW_PAGE))));
            rows.add(pageRow(String.format(Locale.ROOT, "older page (%d) from the middle of it", VIEW_PAGE),
                    pageTimes(() -> encryptedStore.before(peer, middle, VIEW_PAGE)),
                    pageTimes(() -> plainStore.before(peer, middle, VIEW_PAGE))));
        } finally {
            vault.close();
        }
        rows.add(List.of(String.format(Locale.ROOT, "first newest page right after unlock (%,d messages)", size),
                millis(new Samples(firstPages)), "none", "n/a", goal(new Samples(firstPages), PAGE_GOAL_MS)));
        rows.add(List.of("unlock with passphrase (Argon2id 64 MiB, t=3, p=2; key check; open; schema)",
                millis(new Samples(unlocks)), millis(kdf) + " Argon2id alone",
                ratio(new Samples(unlocks).medianMillis() / kdf.medianMillis()),
                goal(new Samples(unlocks), UNLOCK_GOAL_MS)));
        return rows;
    }

    private Samples pageTimes(PageRead read) {
        for (int i = 0; i < PAGE_WARM_UP; i++) {
            requirePage(read.page());
        }
        return new Samples(Stream.generate(() -> time(() -> requirePage(read.page()))).limit(PAGE_RUNS).toList());
    }

    @FunctionalInterface
    private interface PageRead {
        List<ChatMessage> page();
    }

    private static void requirePage(List<ChatMessage> page) {
        if (page.size() != VIEW_PAGE) {
            throw new IllegalStateException("A page held " + page.size() + " messages, not " + VIEW_PAGE);
        }
    }

    private static void fill(EncryptedDatabase database, List<ChatMessage> messages) {
        SqlMessageStore store = new SqlMessageStore(database, ACCOUNT, Clock.systemUTC());
        pages(messages, 5_000).forEach(store::appendAll);
    }

    @FunctionalInterface
    private interface Opener {
        EncryptedDatabase open(Path file) throws Exception;
    }

    @FunctionalInterface
    private interface StoreWork {
        void run(SqlMessageStore store);
    }

    private Duration timeInsert(Opener opener, StoreWork work) throws Exception {
        Path file = Files.createTempFile(dir, "insert-", ".db");
        Files.delete(file);
        try (EncryptedDatabase database = opener.open(file)) {
            SqlMessageStore store = new SqlMessageStore(database, ACCOUNT, Clock.systemUTC());
            long begin = System.nanoTime();
            work.run(store);
            return Duration.ofNanos(System.nanoTime() - begin);
        } finally {
            deleteArchiveFiles(file);
        }
    }

    private EncryptedDatabase encrypted(Path file) throws Exception {
        byte[] key = new byte[ArchiveKey.BYTES];
        new SecureRandom().nextBytes(key);
        return EncryptedDatabase.open(file, new ArchiveKey(key));
    }

    private EncryptedDatabase plain(Path file) throws Exception {
        return UnencryptedTwin.open(file);
    }

    /** {@code count} messages spread over {@code conversations} peers, a second apart, half of them incoming. */
    private List<ChatMessage> messages(int count, int conversations) {
        SearchCorpus corpus = new SearchCorpus(random.nextLong());
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<ChatMessage> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Jid peer = Jid.parse("peer" + corpus.nextConversation(conversations) + "@example.net");
            messages.add(message("m" + i, peer, corpus, start.plusSeconds(i)));
        }
        return messages;
    }

    /** {@code size} messages with one peer first, then a quarter as many again with others. */
    private List<ChatMessage> conversation(int size) {
        SearchCorpus corpus = new SearchCorpus(random.nextLong());
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        Jid peer = Jid.parse("big@example.net");
        List<ChatMessage> messages = new ArrayList<>(size + size / 4);
        for (int i = 0; i < size; i++) {
            messages.add(message("big" + i, peer, corpus, start.plusSeconds(60L * i)));
        }
        for (int i = 0; i < size / 4; i++) {
            Jid other = Jid.parse("peer" + corpus.nextConversation(OTHER_CONVERSATIONS) + "@example.net");
            messages.add(message("other" + i, other, corpus, start.plusSeconds(60L * i + 30)));
        }
        return messages;
    }

    private static ChatMessage message(String id, Jid peer, SearchCorpus corpus, Instant at) {
        boolean incoming = corpus.coin();
        return new ChatMessage(id, peer, incoming ? Direction.INCOMING : Direction.OUTGOING,
                incoming ? Jid.parse(peer.asBareString() + "/phone") : Jid.parse(ACCOUNT.asBareString() + "/parley"),
                corpus.nextBody(), at, incoming ? DeliveryState.RECEIVED : DeliveryState.SENT, null, "o-" + id,
                incoming ? "s-" + id : null);
    }

    private static List<List<ChatMessage>> pages(List<ChatMessage> messages, int size) {
        List<List<ChatMessage>> pages = new ArrayList<>();
        for (int from = 0; from < messages.size(); from += size) {
            pages.add(messages.subList(from, Math.min(messages.size(), from + size)));
        }
        return pages;
    }

    private static Duration time(Runnable work) {
        long begin = System.nanoTime();
        work.run();
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    private static List<String> throughputRow(String scenario, int messages, Comparison result) {
        double ratio = result.reference().medianMillis() / result.figure().medianMillis();
        return List.of(scenario, rate(messages, result.figure()), rate(messages, result.reference())
                        + " unencrypted SQLite, same schema", ratio(ratio),
                String.format(Locale.ROOT, "≥%.1f× %s", INSERT_GOAL_RATIO, ratio >= INSERT_GOAL_RATIO ? "met" : "MISSED"));
    }

    private static List<String> pageRow(String scenario, Samples figure, Samples reference) {
        return List.of(scenario, millis(figure), millis(reference) + " unencrypted SQLite",
                ratio(figure.medianMillis() / reference.medianMillis()), goal(figure, PAGE_GOAL_MS));
    }

    private static String rate(int messages, Samples samples) {
        return String.format(Locale.ROOT, "%,.0f msg/s (N=%d)", messages / (samples.medianMillis() / 1000),
                samples.count());
    }

    private static String millis(Samples samples) {
        return String.format(Locale.ROOT, "%.2f ms (N=%d)", samples.medianMillis(), samples.count());
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }

    private static String goal(Samples samples, double limitMs) {
        return String.format(Locale.ROOT, "≤%,.0f ms %s", limitMs, samples.medianMillis() <= limitMs ? "met" : "MISSED");
    }

    private static void deleteArchiveFiles(Path file) throws IOException {
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            for (Path sibling : siblings.filter(p -> p.getFileName().toString().startsWith(file.getFileName().toString()))
                    .toList()) {
                Files.deleteIfExists(sibling);
            }
        }
    }

    /** The benchmark unlocks by passphrase; there is no keychain. */
    private static final class NoKeychain implements Keychain {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public Optional<String> load(String entry) {
            return Optional.empty();
        }

        @Override
        public void save(String entry, String secret) throws KeychainException {
            throw new KeychainException("no keychain in the benchmark", null);
        }

        @Override
        public void delete(String entry) {
        }
    }
}
