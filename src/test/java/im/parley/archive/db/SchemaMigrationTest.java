package im.parley.archive.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every released schema step is frozen as SQL under test resources. An archive built from a frozen copy, with rows in
 * it, must climb to the latest step keeping every row searchable; and the ladder must still build exactly the frozen
 * schema at that step (a released step edited in place would break users' archives).
 */
class SchemaMigrationTest {

    @TempDir
    Path dir;

    static IntStream frozenVersions() {
        return IntStream.rangeClosed(1, SchemaLadder.latest() - 1).filter(v -> frozen(v) != null);
    }

    @Test
    void everyOlderStepHasAFrozenCopy() {
        assertThat(frozenVersions().toArray())
                .containsExactly(IntStream.rangeClosed(1, SchemaLadder.latest() - 1).toArray());
    }

    @ParameterizedTest(name = "schema {0} climbs to the latest with its rows")
    @MethodSource("frozenVersions")
    void frozenSchemaClimbsToLatestKeepingRows(int version) throws Exception {
        Path file = dir.resolve("archive-v" + version + ".db");
        ArchiveKey key = randomKey();
        try (Connection old = EncryptedDatabase.connect(file, new ArchiveKey(key.bytes()), false)) {
            build(old, frozen(version));
            try (Statement s = old.createStatement()) {
                s.execute("PRAGMA user_version = " + version);
                s.execute("INSERT INTO conversation (account, peer, last_activity) VALUES ('me@example.org', 'bob@example.org', 5)");
                s.execute("""
                        INSERT INTO message (conversation_id, local_id, direction, sender, body, sent_at, state, stanza_id)
                        VALUES (1, 'm1', 'INCOMING', 'bob@example.org/phone', 'Crème brûlée at noon?', 5, 'RECEIVED', 's1')""");
            }
        }
        new KeyCheck(new ArchiveFiles(file).keyCheck()).write(new ArchiveKey(key.bytes()));

        try (EncryptedDatabase db = EncryptedDatabase.open(file, key)) {
            assertThat(db.schemaVersion()).isEqualTo(SchemaLadder.latest());
            try (Statement s = db.writer().createStatement();
                 ResultSet r = s.executeQuery("""
                         SELECT m.local_id, m.stanza_id, m.transport, m.authenticated, m.retracted
                         FROM message_text t JOIN message m ON m.id = t.rowid WHERE message_text MATCH 'creme'""")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("m1");
                assertThat(r.getString(2)).isEqualTo("s1");
                assertThat(r.getString(3)).isEqualTo("PLAINTEXT");
                assertThat(r.getInt(4)).isZero();
                assertThat(r.getInt(5)).isZero();
                assertThat(r.next()).isFalse();
            }
            assertThat(matches(db.writer(), "\"bru\"*")).as("a three-letter prefix").containsExactly("m1");
            assertThat(matches(db.writer(), "\"noo\"* AND conversation_token : \"\uE0001\""))
                    .as("in the message's conversation").containsExactly("m1");
            assertThat(matches(db.writer(), "conversation_token : \"\uE0002\"")).isEmpty();
            assertThat(matches(db.writer(), "\"1\"")).as("the conversation id is no word").isEmpty();
            try (Statement s = db.writer().createStatement()) {
                s.execute("INSERT INTO message_text (message_text, rank) VALUES ('integrity-check', 1)");
            }
        }
    }

    private static java.util.List<String> matches(Connection connection, String match) throws SQLException {
        try (var select = connection.prepareStatement(
                "SELECT m.local_id FROM message_text t JOIN message m ON m.id = t.rowid WHERE message_text MATCH ?")) {
            select.setString(1, match);
            java.util.List<String> ids = new java.util.ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        }
    }

    @ParameterizedTest(name = "the ladder still builds frozen schema {0}")
    @MethodSource("frozenVersions")
    void ladderBuildsTheFrozenSchemaAtEachStep(int version) throws Exception {
        ArchiveKey key = randomKey();
        try (Connection frozen = EncryptedDatabase.connect(dir.resolve("frozen.db"), new ArchiveKey(key.bytes()), false);
             Connection climbed = EncryptedDatabase.connect(dir.resolve("climbed.db"), new ArchiveKey(key.bytes()), false)) {
            build(frozen, frozen(version));
            SchemaLadder.climb(climbed, version);
            assertThat(schemaOf(climbed)).isEqualTo(schemaOf(frozen));
        }
    }

    private static void build(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String statement : sql.split("\n--\n")) {
                String trimmed = statement.lines().filter(l -> !l.startsWith("-- ")).reduce("", (a, b) -> a + b + "\n").strip();
                if (!trimmed.isEmpty()) {
                    s.execute(trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
                }
            }
        }
    }

    private static TreeMap<String, String> schemaOf(Connection connection) throws SQLException {
        TreeMap<String, String> schema = new TreeMap<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL")) {
            while (r.next()) {
                schema.put(r.getString(1) + " " + r.getString(2), r.getString(3).replaceAll("\\s+", " ").strip());
            }
        }
        return schema;
    }

    private static String frozen(int version) {
        try (InputStream in = SchemaMigrationTest.class.getResourceAsStream("schema-" + version + ".sql")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ArchiveKey randomKey() {
        byte[] bytes = new byte[ArchiveKey.BYTES];
        new SecureRandom().nextBytes(bytes);
        return new ArchiveKey(bytes);
    }

}
