package im.parley.archive.db;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** A test archive of {@code messages} rows with searchable words, and the check that every one of them is there. */
record ArchiveSample(int messages) {

    static final String EVERYWHERE = "rekeymarker";

    static ArchiveKey randomKey() {
        byte[] bytes = new byte[ArchiveKey.BYTES];
        new SecureRandom().nextBytes(bytes);
        return new ArchiveKey(bytes);
    }

    static ArchiveKey copy(ArchiveKey key) {
        return new ArchiveKey(key.bytes());
    }

    static byte[] raw(ArchiveKey key) {
        return key.bytes();
    }

    /** Creates the archive at {@code file} and fills it, in one transaction. */
    void create(Path file, ArchiveKey key) throws Exception {
        try (EncryptedDatabase db = EncryptedDatabase.open(file, copy(key))) {
            db.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO conversation (account, peer, last_activity) VALUES ('me@example.org', 'bob@example.org', 0)");
                }
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO message (conversation_id, local_id, direction, body, sent_at, state)
                        VALUES (1, ?, 'INCOMING', ?, ?, 'RECEIVED')""")) {
                    for (int i = 0; i < messages; i++) {
                        insert.setString(1, "m" + i);
                        insert.setString(2, "message " + i + " about topic" + (i % 97) + " " + EVERYWHERE + " only" + i);
                        insert.setLong(3, i);
                        insert.addBatch();
                        if (i % 1_000 == 999) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
                return null;
            });
        }
    }

    /** Every row is there, the full-text index finds all of them and a single one. */
    void assertIntact(Connection c) throws SQLException {
        assertThat(count(c, "SELECT count(*) FROM message")).as("messages").isEqualTo(messages);
        assertThat(count(c, "SELECT count(DISTINCT local_id) FROM message")).isEqualTo(messages);
        assertThat(count(c, "SELECT count(*) FROM message_text WHERE message_text MATCH '" + EVERYWHERE + "'"))
                .as("full-text matches").isEqualTo(messages);
        int one = messages / 2 + 7;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT m.local_id FROM message_text t JOIN message m ON m.id = t.rowid WHERE message_text MATCH 'only" + one + "'")) {
            assertThat(r.next()).as("a rare word is found").isTrue();
            assertThat(r.getString(1)).isEqualTo("m" + one);
            assertThat(r.next()).isFalse();
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA quick_check")) {
            r.next();
            assertThat(r.getString(1)).as("quick_check").isEqualTo("ok");
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
