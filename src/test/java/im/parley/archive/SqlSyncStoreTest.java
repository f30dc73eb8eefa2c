package im.parley.archive;

import im.parley.archive.db.ArchiveKey;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.chat.ChatMessage;
import im.parley.service.chat.DeliveryState;
import im.parley.service.chat.Direction;
import im.parley.service.chat.SyncCursor;
import im.parley.service.chat.SyncStore;
import im.parley.service.common.Jid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sync state on the real SQLCipher driver and a temp file: one transaction with the messages, kept across reopen. */
class SqlSyncStoreTest {

    private static final Instant NOW = Instant.parse("2025-11-22T12:00:00.123456789Z");
    private static final Jid ME = Jid.parse("alice@example.org");
    private static final Jid BOB = Jid.parse("bob@example.org");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final byte[] key = new byte[ArchiveKey.BYTES];
    private EncryptedDatabase database;
    private SqlMessageStore messages;
    private SqlSyncStore sync;

    @BeforeEach
    void open() throws Exception {
        new SecureRandom().nextBytes(key);
        reopen();
    }

    private void reopen() throws Exception {
        if (database != null) {
            database.close();
        }
        database = EncryptedDatabase.open(dir.resolve("archive.db"), new ArchiveKey(key.clone()));
        messages = new SqlMessageStore(database, ME, clock);
        sync = new SqlSyncStore(database, ME, clock);
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    private static ChatMessage fromBob(String id) {
        return new ChatMessage(id, BOB, Direction.INCOMING, BOB, "text " + id, NOW, DeliveryState.RECEIVED, null, id,
                "sid-" + id);
    }

    @Test
    void aCursorIsStoredReplacedAndKeptAcrossReopen() throws Exception {
        assertThat(sync.cursor(SyncStore.OWN_ARCHIVE)).isEmpty();
        sync.saveCursor("", new SyncCursor(null, NOW, true));
        assertThat(sync.cursor("")).contains(new SyncCursor(null, NOW, true));

        sync.saveCursor("", new SyncCursor("sid-9", NOW.plusSeconds(1), false));
        reopen();

        assertThat(sync.cursor("")).contains(new SyncCursor("sid-9", NOW.plusSeconds(1), false));
        assertThat(sync.cursor("room@conference.example.org")).isEmpty();
        assertThat(new SqlSyncStore(database, BOB, clock).cursor("")).as("per account").isEmpty();
    }

    @Test
    void messagesAndTheCursorOfAPageCommitTogether() {
        sync.atomically(() -> {
            messages.append(fromBob("a"));
            messages.append(fromBob("b"));
            sync.saveCursor("", new SyncCursor("sid-b", NOW, false));
            return null;
        });

        assertThat(messages.latest(BOB, 10)).extracting(ChatMessage::id).containsExactly("a", "b");
        assertThat(sync.cursor("")).contains(new SyncCursor("sid-b", NOW, false));
    }

    @Test
    void aFailureInsideThePageRollsBackItsMessagesAndItsCursor() {
        sync.saveCursor("", new SyncCursor("sid-0", NOW, false));

        assertThatThrownBy(() -> sync.atomically(() -> {
            messages.append(fromBob("a"));
            sync.saveCursor("", new SyncCursor("sid-a", NOW, false));
            throw new IllegalStateException("disk full");
        })).hasMessage("disk full");

        assertThat(messages.latest(BOB, 10)).isEmpty();
        assertThat(messages.conversation(BOB)).isEmpty();
        assertThat(sync.cursor("")).contains(new SyncCursor("sid-0", NOW, false));
    }

    @Test
    void gapsAreRecorded() throws Exception {
        sync.recordGap("", null, "sid-5");
        sync.recordGap("", "sid-9", "sid-20");

        try (Statement s = database.writer().createStatement();
             ResultSet rows = s.executeQuery(
                     "SELECT account, archive, after_stanza_id, before_stanza_id, found_at FROM sync_gap ORDER BY id")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("alice@example.org");
            assertThat(rows.getString(2)).isEmpty();
            assertThat(rows.getString(3)).isNull();
            assertThat(rows.getString(4)).isEqualTo("sid-5");
            assertThat(rows.getLong(5)).isEqualTo(Times.nanos(NOW));
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(3)).isEqualTo("sid-9");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void aClosedGapIsForgottenAndOnlyThatOne() throws Exception {
        sync.recordGap("", null, "sid-5");
        sync.recordGap("", "sid-9", null);
        sync.recordGap("", "sid-9", "sid-20");

        sync.closeGap("", "sid-9", null);
        sync.closeGap("", "sid-1", "sid-5"); // never recorded: nothing happens

        try (Statement s = database.writer().createStatement();
             ResultSet rows = s.executeQuery(
                     "SELECT after_stanza_id, before_stanza_id FROM sync_gap ORDER BY id")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isNull();
            assertThat(rows.getString(2)).isEqualTo("sid-5");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("sid-9");
            assertThat(rows.getString(2)).isEqualTo("sid-20");
            assertThat(rows.next()).isFalse();
        }
    }
}
