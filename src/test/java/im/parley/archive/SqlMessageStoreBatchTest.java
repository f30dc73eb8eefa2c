package im.parley.archive;

import im.parley.archive.db.ArchiveKey;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.chat.ChatMessage;
import im.parley.service.chat.DeliveryState;
import im.parley.service.chat.Direction;
import im.parley.service.chat.Transport;
import im.parley.service.common.Jid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SqlMessageStore#appendAll} keeps the store's contract: the result is what appending the same messages one
 * by one gives, checked against the reference {@link InMemoryMessageStore}; and it is all or nothing.
 */
class SqlMessageStoreBatchTest {

    private static final Instant NOW = Instant.parse("2025-11-22T12:00:00Z");
    private static final Jid ME = Jid.parse("alice@example.org");
    private static final Jid BOB = Jid.parse("bob@example.org");
    private static final Jid CAROL = Jid.parse("carol@example.org");
    private static final Jid DAVE = Jid.parse("dave@example.org");

    @TempDir
    Path dir;

    private EncryptedDatabase database;
    private SqlMessageStore store;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeEach
    void open() throws Exception {
        byte[] key = new byte[ArchiveKey.BYTES];
        new SecureRandom().nextBytes(key);
        database = EncryptedDatabase.open(dir.resolve("archive.db"), new ArchiveKey(key));
        store = new SqlMessageStore(database, ME, clock);
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    private static ChatMessage message(Jid peer, String id, Direction direction, int minutesAgo) {
        return new ChatMessage(id, peer, direction, direction == Direction.INCOMING ? peer : ME, "body of " + id,
                NOW.minusSeconds(60L * minutesAgo), direction == Direction.INCOMING ? DeliveryState.RECEIVED
                : DeliveryState.PENDING, null, id + "-origin", null, TRANSPORTS[Math.floorMod(id.hashCode(), 3)],
                Math.floorMod(id.hashCode(), 3) == 1, null);
    }

    private static final Transport[] TRANSPORTS = Transport.values();

    /** Two conversations interleaved, out-of-order and equal timestamps, an outgoing reply between incoming ones. */
    private static List<ChatMessage> mixed() {
        return List.of(message(BOB, "b1", Direction.INCOMING, 30), message(CAROL, "c1", Direction.INCOMING, 50),
                message(BOB, "b2", Direction.INCOMING, 10), message(BOB, "b3", Direction.OUTGOING, 20),
                message(CAROL, "c2", Direction.INCOMING, 50), message(BOB, "b4", Direction.INCOMING, 5),
                message(CAROL, "c3", Direction.INCOMING, 40));
    }

    @Test
    void aBatchEndsWhereAppendingOneByOneEnds() {
        InMemoryMessageStore reference = new InMemoryMessageStore(clock);
        store.append(message(BOB, "b0", Direction.INCOMING, 60)); // an existing conversation with one unread
        reference.append(message(BOB, "b0", Direction.INCOMING, 60));

        store.appendAll(mixed());
        mixed().forEach(reference::append);

        for (Jid peer : List.of(BOB, CAROL)) {
            assertThat(store.latest(peer, 10)).as("messages of " + peer).isEqualTo(reference.latest(peer, 10));
            assertThat(store.conversation(peer)).as("conversation " + peer).isEqualTo(reference.conversation(peer));
        }
        assertThat(store.conversations()).isEqualTo(reference.conversations());
        assertThat(store.contains(BOB, "b4-origin", null)).isTrue();
    }

    @Test
    void aDuplicateIdStoresNoneOfTheBatch() {
        store.append(message(BOB, "b2", Direction.INCOMING, 10));
        List<ChatMessage> batch = new ArrayList<>(mixed());

        assertThatThrownBy(() -> store.appendAll(batch)).isInstanceOf(ArchiveException.class);

        assertThat(store.latest(BOB, 10)).extracting(ChatMessage::id).containsExactly("b2");
        assertThat(store.conversation(CAROL)).isEmpty();
        assertThat(store.conversation(BOB).orElseThrow().unread()).isEqualTo(1);
    }

    @Test
    void anEmptyBatchChangesNothing() {
        store.appendAll(List.of());
        assertThat(store.conversations()).isEmpty();
    }

    @Test
    void aBatchOnlyTouchesItsOwnAccount() {
        store.appendAll(List.of(message(DAVE, "d1", Direction.INCOMING, 1)));
        assertThat(new SqlMessageStore(database, Jid.parse("eve@example.org"), clock).conversations()).isEmpty();
        assertThat(store.conversation(DAVE).orElseThrow().unread()).isEqualTo(1);
    }
}
