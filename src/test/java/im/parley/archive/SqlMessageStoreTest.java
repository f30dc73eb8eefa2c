package im.parley.archive;

import im.parley.testsupport.FileTrees;
import im.parley.archive.db.ArchiveKey;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.chat.ChatMessage;
import im.parley.service.chat.DeliveryState;
import im.parley.service.chat.Direction;
import im.parley.service.chat.MessageStore;
import im.parley.service.common.Jid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract on the real SQLCipher driver and a temp file, plus what only a persistent store can show. */
class SqlMessageStoreTest extends MessageStoreContract {

    private static final Jid ME = Jid.parse("alice@example.org");
    private static final Jid BOB = Jid.parse("bob@example.org");

    private Path dir;
    private byte[] key;
    private EncryptedDatabase database;

    @Override
    protected MessageStore newStore(Clock clock) {
        try {
            dir = Files.createTempDirectory("parley-sqlstore-");
            key = new byte[ArchiveKey.BYTES];
            new SecureRandom().nextBytes(key);
            database = EncryptedDatabase.open(dir.resolve("archive.db"), new ArchiveKey(key));
            return new SqlMessageStore(database, ME, clock);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot open a test archive", e);
        }
    }

    @AfterEach
    void deleteArchive() throws Exception {
        database.close();
        FileTrees.delete(dir);
    }

    @Test
    void messagesAndUnreadCountsSurviveClosingAndReopeningTheArchive() throws Exception {
        Instant at = Instant.parse("2026-12-02T10:15:30.123456789Z");
        ChatMessage sent = new ChatMessage("id-1", BOB, Direction.INCOMING, BOB.withResource("phone"), "persisted",
                at, DeliveryState.RECEIVED, null, "origin-1", "stanza-1");
        store.append(sent);
        database.close();

        try (EncryptedDatabase reopened = EncryptedDatabase.open(dir.resolve("archive.db"), new ArchiveKey(key))) {
            SqlMessageStore again = new SqlMessageStore(reopened, ME, Clock.systemUTC());
            assertThat(again.latest(BOB, 10)).containsExactly(sent);
            assertThat(again.conversation(BOB).orElseThrow().unread()).isEqualTo(1);
            assertThat(again.contains(BOB, "origin-1", null)).isTrue();
            assertThat(again.contains(BOB, null, "stanza-1")).isTrue();
        }
        database = EncryptedDatabase.open(dir.resolve("archive.db"), new ArchiveKey(key));
    }

    @Test
    void anotherAccountInTheSameArchiveSeesNoneOfTheseMessages() {
        store.append(new ChatMessage("id-2", BOB, Direction.INCOMING, BOB, "for alice only", Instant.now(),
                DeliveryState.RECEIVED, null, null, null));

        SqlMessageStore other = new SqlMessageStore(database, Jid.parse("carol@example.org"), Clock.systemUTC());

        assertThat(other.latest(BOB, 10)).isEmpty();
        assertThat(other.conversations()).isEmpty();
        assertThat(other.around(BOB, "id-2", 5, 5)).isEmpty();
        assertThat(store.around(BOB, "id-2", 5, 5)).hasSize(1);
    }
}
