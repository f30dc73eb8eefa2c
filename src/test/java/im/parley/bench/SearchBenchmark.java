package im.parley.bench;

import im.parley.testsupport.FileTrees;
import im.parley.archive.SqlMessageSearch;
import im.parley.archive.db.ArchiveKey;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.common.Jid;
import im.parley.service.search.SearchQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Full-text search over an encrypted archive of 1,000,000 messages: median time of {@link SqlMessageSearch}
 * queries after warm-up, and of the first query after opening, next to a floor (the bare FTS5 ranked MATCH of the
 * same expression, no join, no snippet, on a reader connection). Not a test; builds the archive under
 * {@code target/search-bench} and deletes it at the end.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=im.parley.bench.SearchBenchmark</pre>
 */
public final class SearchBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(SearchBenchmark.class);
    private static final int MESSAGES = Integer.getInteger("parley.bench.messages", 1_000_000);
    private static final int CONVERSATIONS = 400;
    private static final int BATCH = 10_000;
    private static final int WARM_UP = 10;
    private static final int RUNS = 60;
    private static final int FIRST_AFTER_OPEN_RUNS = 5;
    private static final int LIMIT = 50;
    private static final double GOAL_MS = 50;
    private static final Jid ACCOUNT = Jid.parse("alice@example.org");

    private SearchBenchmark() {
    }

    record Scenario(String name, SearchQuery query, String floorMatch) {
    }

    record Result(String scenario, double medianMs, int runs, double floorMs, int floorRuns, int hits) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("target", "search-bench");
        FileTrees.delete(dir);
        Files.createDirectories(dir);
        Path file = dir.resolve("archive.db");
        byte[] key = new byte[ArchiveKey.BYTES];
        new SecureRandom().nextBytes(key);
        try {
            long begin = System.nanoTime();
            try (EncryptedDatabase database = EncryptedDatabase.open(file, new ArchiveKey(key))) {
                fill(database);
            }
            LOG.info("Built {} messages in {} s", MESSAGES, Duration.ofNanos(System.nanoTime() - begin).toSeconds());
            long archiveBytes = directorySize(dir);
            List<Scenario> scenarios = List.of(
                    new Scenario("rare word (" + SearchCorpus.RARE_WORD + ")",
                            SearchQuery.everywhere(SearchCorpus.RARE_WORD, LIMIT), "\"xylophonist\"*"),
                    new Scenario("common word prefix (\"the\")", SearchQuery.everywhere("the", LIMIT), "\"the\"*"),
                    new Scenario("word being typed (\"tom\")", SearchQuery.everywhere("tom", LIMIT), "\"tom\"*"),
                    new Scenario("common word (\"meeting\")", SearchQuery.everywhere("meeting", LIMIT), "\"meeting\"*"),
                    new Scenario("two words (\"train berlin\")", SearchQuery.everywhere("train berlin", LIMIT),
                            "\"train\"* AND \"berlin\"*"),
                    new Scenario("phrase (\"see you tomorrow\")",
                            SearchQuery.everywhere("\"" + SearchCorpus.PHRASE + "\"", LIMIT), "\"see you tomorrow\""),
                    new Scenario("per conversation, common word (largest conversation)",
                            SearchQuery.in(peer(0), "meeting", LIMIT), "\"meeting\"*"),
                    new Scenario("per conversation, common word (small conversation)",
                            SearchQuery.in(peer(CONVERSATIONS - 1), "meeting", LIMIT), "\"meeting\"*"));
            List<Result> results = new ArrayList<>();
            double firstAfterOpen;
            double firstFloor;
            try (EncryptedDatabase database = EncryptedDatabase.open(file, new ArchiveKey(key))) {
                firstFloor = firstAfterOpen(() -> timeFloor(database, "\"pizza\"*"));
            }
            try (EncryptedDatabase database = EncryptedDatabase.open(file, new ArchiveKey(key))) {
                firstAfterOpen = firstAfterOpen(() -> {
                    try (SqlMessageSearch search = new SqlMessageSearch(database, ACCOUNT)) {
                        long start = System.nanoTime();
                        search.search(SearchQuery.everywhere("pizza", LIMIT));
                        return (System.nanoTime() - start) / 1e6;
                    }
                });
                results.add(new Result("first query after open (\"pizza\", new reader)", firstAfterOpen,
                        FIRST_AFTER_OPEN_RUNS, firstFloor, FIRST_AFTER_OPEN_RUNS, -1));
                logPlan(database);
                try (SqlMessageSearch search = new SqlMessageSearch(database, ACCOUNT)) {
                    for (Scenario scenario : scenarios) {
                        results.add(measure(database, search, scenario));
                        LOG.info("{} done", scenario.name());
                    }
                }
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "Archive: %,d messages in %d conversations, encrypted (SQLCipher 4), "
                    + "limit %d hits per query; archive file %,.1f MB%n%n", MESSAGES, CONVERSATIONS, LIMIT,
                    archiveBytes / 1e6);
            System.out.print(render(results));
        } finally {
            FileTrees.delete(dir);
        }
    }

    private static Jid peer(int conversation) {
        return Jid.parse("peer" + conversation + "@example.net");
    }

    private static void fill(EncryptedDatabase database) throws Exception {
        SearchCorpus corpus = new SearchCorpus(20261202L);
        long start = 1_700_000_000_000_000_000L;
        long step = 60_000_000_000L; // a minute apart: 1M messages span about two years
        database.write(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO conversation (account, peer, last_activity) VALUES (?, ?, ?)")) {
                for (int i = 0; i < CONVERSATIONS; i++) {
                    insert.setString(1, ACCOUNT.asBareString());
                    insert.setString(2, peer(i).asBareString());
                    insert.setLong(3, start + (long) MESSAGES * step);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
        long[] ids = conversationIds(database);
        for (int from = 0; from < MESSAGES; from += BATCH) {
            int first = from;
            database.write(c -> {
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO message (conversation_id, local_id, direction, sender, body, sent_at, state)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                    for (int i = first; i < Math.min(MESSAGES, first + BATCH); i++) {
                        int conversation = corpus.nextConversation(CONVERSATIONS);
                        boolean incoming = corpus.coin();
                        insert.setLong(1, ids[conversation]);
                        insert.setString(2, "bench-" + i);
                        insert.setString(3, incoming ? "INCOMING" : "OUTGOING");
                        insert.setString(4, incoming ? peer(conversation) + "/phone" : ACCOUNT + "/parley");
                        insert.setString(5, corpus.nextBody());
                        insert.setLong(6, start + i * step);
                        insert.setString(7, incoming ? "RECEIVED" : "SENT");
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
            if ((from / BATCH) % 10 == 9) {
                LOG.info("{} messages stored", from + BATCH);
            }
        }
    }

    private static long[] conversationIds(EncryptedDatabase database) throws Exception {
        return database.read(c -> {
            long[] ids = new long[CONVERSATIONS];
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM conversation WHERE peer = ?")) {
                for (int i = 0; i < CONVERSATIONS; i++) {
                    select.setString(1, peer(i).asBareString());
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        ids[i] = row.getLong(1);
                    }
                }
            }
            return ids;
        });
    }

    private static Result measure(EncryptedDatabase database, SqlMessageSearch search, Scenario scenario)
            throws Exception {
        int hits = 0;
        for (int i = 0; i < WARM_UP; i++) {
            hits = search.search(scenario.query()).size();
        }
        List<Double> figure = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            search.search(scenario.query());
            figure.add((System.nanoTime() - start) / 1e6);
        }
        List<Double> floor = new ArrayList<>();
        try (Connection reader = database.openReader()) {
            for (int i = 0; i < WARM_UP; i++) {
                floorQuery(reader, scenario.floorMatch());
            }
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                floorQuery(reader, scenario.floorMatch());
                floor.add((System.nanoTime() - start) / 1e6);
            }
        }
        return new Result(scenario.name(), median(figure), RUNS, median(floor), RUNS, hits);
    }

    /** The per-conversation candidate query's plan: the FTS5 table outer, its rowid order serving ORDER BY. */
    private static void logPlan(EncryptedDatabase database) throws Exception {
        long conversation = conversationIds(database)[0];
        try (Connection reader = database.openReader();
             PreparedStatement explain = reader.prepareStatement("""
                     EXPLAIN QUERY PLAN SELECT message_text.rowid, bm25(message_text, 1.0, 0.0), m.sent_at
                     FROM message_text CROSS JOIN message m ON m.id = message_text.rowid
                     WHERE message_text MATCH ? AND m.retracted = 0
                       AND m.conversation_id IN (SELECT id FROM conversation WHERE account = ?)
                     ORDER BY message_text.rowid DESC LIMIT 1000""")) {
            explain.setString(1, "\"meeting\"* AND conversation_token : \"\\uE000" + conversation + "\"");
            explain.setString(2, ACCOUNT.asBareString());
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    LOG.info("plan: {}", rows.getString(4));
                }
            }
        }
    }

    private static double timeFloor(EncryptedDatabase database, String match) throws Exception {
        try (Connection reader = database.openReader()) {
            long start = System.nanoTime();
            floorQuery(reader, match);
            return (System.nanoTime() - start) / 1e6;
        }
    }

    /** The bare FTS5 ranked MATCH, reading the rowids (the least any ranked search must do). */
    private static int floorQuery(Connection reader, String match) throws Exception {
        try (PreparedStatement select = reader.prepareStatement(
                "SELECT rowid FROM message_text WHERE message_text MATCH ? ORDER BY rank LIMIT " + LIMIT)) {
            select.setString(1, match);
            int n = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    n++;
                }
            }
            return n;
        }
    }

    @FunctionalInterface
    private interface Timed {
        double run() throws Exception;
    }

    /** Median of runs that each start on a fresh reader (the page cache of the OS stays warm). */
    private static double firstAfterOpen(Timed run) throws Exception {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < FIRST_AFTER_OPEN_RUNS; i++) {
            samples.add(run.run());
        }
        return median(samples);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String render(List<Result> results) {
        List<List<String>> rows = new ArrayList<>();
        for (Result r : results) {
            rows.add(List.of(r.scenario() + (r.hits() >= 0 ? " [" + r.hits() + " hits]" : ""),
                    String.format(Locale.ROOT, "%.2f ms (N=%d)", r.medianMs(), r.runs()),
                    String.format(Locale.ROOT, "%.2f ms bare FTS5 ranked MATCH (N=%d)", r.floorMs(), r.floorRuns()),
                    String.format(Locale.ROOT, "%.2f×", r.medianMs() / r.floorMs()),
                    String.format(Locale.ROOT, "≤%.0f ms median %s", GOAL_MS, r.medianMs() <= GOAL_MS ? "met" : "MISSED")));
        }
        return MarkdownTable.render(List.of("scenario", "figure (median ms, N runs)", "floor or reference (median ms)",
                "ratio", "goal"), rows);
    }

    private static long directorySize(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            long total = 0;
            for (Path f : files.toList()) {
                total += Files.size(f);
            }
            return total;
        }
    }
}
