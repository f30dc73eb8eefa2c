package im.parley.archive;

import im.parley.archive.db.ArchiveKey;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.chat.ChatMessage;
import im.parley.service.chat.DeliveryState;
import im.parley.service.chat.Direction;
import im.parley.service.common.Jid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Forgetting on the real driver: rows, index entries and the freed pages themselves are gone; others stay. */
class SqlAccountEraserTest {

    private static final Jid ALICE = Jid.parse("alice@example.org");
    private static final Jid CAROL = Jid.parse("carol_x@example.org");
    private static final Jid BOB = Jid.parse("bob@example.org");
    private static final String GONE = "zqxforgottenword";
    private static final String KEPT = "zqxkeptword";
    private static final int MESSAGES = 300;

    @TempDir
    Path dir;

    private final byte[] key = randomKey();

    private static byte[] randomKey() {
        byte[] bytes = new byte[ArchiveKey.BYTES];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private Path archive() {
        return dir.resolve("archive.db");
    }

    private EncryptedDatabase open() throws Exception {
        return EncryptedDatabase.open(archive(), new ArchiveKey(key));
    }

    private static void fill(EncryptedDatabase db, Jid account, String word) throws SQLException {
        SqlMessageStore store = new SqlMessageStore(db, account, Clock.systemUTC());
        for (int i = 0; i < MESSAGES; i++) {
            store.append(new ChatMessage(account.local() + i, BOB, Direction.INCOMING, BOB,
                    "message " + i + " with " + word + " and some padding text to fill pages", Instant.ofEpochSecond(i),
                    DeliveryState.RECEIVED, null, null, null));
        }
        String jid = account.asBareString();
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO sync_state (account, archive, last_stanza_id, complete) VALUES ('" + jid + "', '" + jid + "', 's1', 0)");
                s.execute("INSERT INTO sync_gap (account, archive, after_stanza_id, found_at) VALUES ('" + jid + "', '" + jid + "', 's0', 0)");
                s.execute("INSERT INTO account (jid, host) VALUES ('" + jid + "', 'xmpp.example.org')");
                s.execute("INSERT INTO roster_item (account, jid, subscription) VALUES ('" + jid + "', 'bob@example.org', 'both')");
                s.execute("INSERT INTO pinned_certificate (account, sha256, pinned_at) VALUES ('" + jid + "', 'ab', 0)");
                s.execute("INSERT INTO setting (scope, name, value) VALUES ('" + jid + "', 'theme', 'dark')");
                s.execute("INSERT INTO setting (scope, name, value) VALUES ('" + jid + "/bob@example.org', 'policy', 'REQUIRE_E2EE')");
            }
            return null;
        });
    }

    private static long count(EncryptedDatabase db, String sql) throws SQLException {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private static long rowsOf(EncryptedDatabase db, String account) throws SQLException {
        String a = "'" + account + "'";
        return count(db, "SELECT (SELECT count(*) FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE c.account = " + a + ")"
                + " + (SELECT count(*) FROM conversation WHERE account = " + a + ")"
                + " + (SELECT count(*) FROM sync_state WHERE account = " + a + ")"
                + " + (SELECT count(*) FROM sync_gap WHERE account = " + a + ")");
    }

    private static long profileRowsOf(EncryptedDatabase db, String account) throws SQLException {
        String a = "'" + account + "'";
        return count(db, "SELECT (SELECT count(*) FROM account WHERE jid = " + a + ")"
                + " + (SELECT count(*) FROM roster_item WHERE account = " + a + ")"
                + " + (SELECT count(*) FROM pinned_certificate WHERE account = " + a + ")"
                + " + (SELECT count(*) FROM setting WHERE scope LIKE " + "'" + account + "%'" + ")");
    }

    private static long matches(EncryptedDatabase db, String word) throws SQLException {
        return count(db, "SELECT count(*) FROM message_text WHERE message_text MATCH '" + word + "'");
    }

    @Test
    void forgettingTheHistoryRemovesRowsIndexAndFreedPagesButKeepsTheAccountAndOthers() throws Exception {
        try (EncryptedDatabase db = open()) {
            fill(db, ALICE, GONE);
            fill(db, CAROL, KEPT);
            db.read(c -> checkpoint(c));
            assertThat(DecryptedPages.containing(archive(), key, GONE)).as("the page scan sees live rows").isPositive();

            SqlAccountEraser.Erasure erasure = new SqlAccountEraser(db).forgetHistory(ALICE);

            assertThat(erasure).isEqualTo(new SqlAccountEraser.Erasure(MESSAGES, 1, true));
            assertThat(rowsOf(db, ALICE.asBareString())).isZero();
            assertThat(matches(db, GONE)).isZero();
            assertThat(profileRowsOf(db, ALICE.asBareString())).as("account, roster, pin, settings stay").isEqualTo(5);
            assertThat(rowsOf(db, CAROL.asBareString())).isEqualTo(MESSAGES + 3);
            assertThat(matches(db, KEPT)).isEqualTo(MESSAGES);
            assertThat(new SqlMessageStore(db, CAROL, Clock.systemUTC()).latest(BOB, 1)).hasSize(1);
            assertThat(Files.size(dir.resolve("archive.db-wal"))).as("WAL truncated").isZero();
            assertThat(DecryptedPages.containing(archive(), key, GONE)).as("pages still holding the words").isZero();
            assertThat(DecryptedPages.containing(archive(), key, KEPT)).isPositive();
        }
    }

    @Test
    void forgettingTheAccountAlsoRemovesItsRosterPinSettingsAndRow() throws Exception {
        try (EncryptedDatabase db = open()) {
            fill(db, ALICE, GONE);
            fill(db, CAROL, KEPT);
            db.write(c -> {
                try (Statement s = c.createStatement()) { // a scope that only starts like Alice's address
                    s.execute("INSERT INTO setting (scope, name, value) VALUES ('alice@example.org.evil', 'x', 'y')");
                }
                return null;
            });

            new SqlAccountEraser(db).forgetAccount(ALICE);

            assertThat(rowsOf(db, ALICE.asBareString())).isZero();
            assertThat(count(db, "SELECT count(*) FROM account WHERE jid = 'alice@example.org'")).isZero();
            assertThat(count(db, "SELECT count(*) FROM roster_item WHERE account = 'alice@example.org'")).isZero();
            assertThat(count(db, "SELECT count(*) FROM pinned_certificate WHERE account = 'alice@example.org'")).isZero();
            assertThat(count(db, "SELECT count(*) FROM setting WHERE scope IN ('alice@example.org', 'alice@example.org/bob@example.org')")).isZero();
            assertThat(count(db, "SELECT count(*) FROM setting WHERE scope = 'alice@example.org.evil'")).isEqualTo(1);
            assertThat(profileRowsOf(db, CAROL.asBareString())).isEqualTo(5);
            assertThat(rowsOf(db, CAROL.asBareString())).isEqualTo(MESSAGES + 3);
            assertThat(DecryptedPages.containing(archive(), key, GONE)).isZero();
        }
    }

    @Test
    void withoutSecureDeleteTheFreedPagesWouldStillHoldTheWords() throws Exception {
        try (EncryptedDatabase db = open()) {
            fill(db, ALICE, GONE);
            db.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA secure_delete = OFF");
                    s.execute("DELETE FROM message");
                }
                return null;
            });
            db.read(c -> checkpoint(c));
            assertThat(count(db, "SELECT count(*) FROM message")).isZero();
            assertThat(DecryptedPages.containing(archive(), key, GONE)).as("the hazard this class removes").isPositive();
        }
    }

    @Test
    void forgettingAnAccountWithNothingStoredChangesNothing() throws Exception {
        try (EncryptedDatabase db = open()) {
            fill(db, CAROL, KEPT);
            assertThat(new SqlAccountEraser(db).forgetAccount(ALICE)).isEqualTo(new SqlAccountEraser.Erasure(0, 0, true));
            assertThat(rowsOf(db, CAROL.asBareString())).isEqualTo(MESSAGES + 3);
        }
    }

    @Test
    void aFailingEraseRemovesNothing() throws Exception {
        EncryptedDatabase db = open();
        fill(db, ALICE, GONE);
        SqlAccountEraser eraser = new SqlAccountEraser(db);
        db.close();
        assertThatThrownBy(() -> eraser.forgetHistory(ALICE)).isInstanceOf(ArchiveException.class)
                .hasMessageContaining("nothing was removed");
        try (EncryptedDatabase again = open()) {
            assertThat(rowsOf(again, ALICE.asBareString())).isEqualTo(MESSAGES + 3);
        }
    }

    @Test
    void erasingTheArchiveLeavesNoFileOfItButTouchesNoOtherFile() throws Exception {
        try (EncryptedDatabase db = open()) {
            fill(db, ALICE, GONE);
        }
        Path other = Files.writeString(dir.resolve("notes.txt"), "not the archive's");
        // What a crash can leave: SQLite's companions, an interrupted rekey, key-check temporaries (old and new names).
        for (String leftover : new String[]{"archive.db-wal", "archive.db-shm", "archive.db-journal", "archive.db.rekey",
                "archive.db.rekey.keycheck", "archive.db.rekey-journal", "archive.db.keycheck.tmp",
                "archive.db.keycheck12345.tmp"}) {
            Files.write(dir.resolve(leftover), new byte[]{1});
        }

        assertThat(SqlAccountEraser.eraseArchive(archive())).hasSize(10);

        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.toList()).containsExactly(other);
        }
        assertThat(SqlAccountEraser.eraseArchive(archive())).as("erasing again is harmless").isEmpty();
        assertThatThrownBy(() -> SqlAccountEraser.eraseArchive(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("is a directory");
    }

    private static Void checkpoint(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        return null;
    }
}
