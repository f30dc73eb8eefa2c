package im.parley.archive;

import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.chat.ChatMessage;
import im.parley.service.chat.Conversation;
import im.parley.service.chat.DeliveryState;
import im.parley.service.chat.Direction;
import im.parley.service.chat.MessageStore;
import im.parley.service.chat.Transport;
import im.parley.service.common.Jid;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One account's messages in the encrypted archive, with the same behaviour as {@link InMemoryMessageStore} (one
 * contract test runs against both). Every call goes through the single writer connection, one at a time; a
 * database failure surfaces as {@link ArchiveException}, never as a silent loss.
 */
public final class SqlMessageStore implements MessageStore {

    private static final String COLUMNS =
            "m.local_id, m.direction, m.sender, m.body, m.sent_at, m.state, m.failure, m.origin_id, m.stanza_id, "
                    + "m.transport, m.authenticated, m.corrects";
    private static final String INSERT = """
            INSERT INTO message (conversation_id, local_id, direction, sender, body, sent_at, state, failure,
                                 origin_id, stanza_id, transport, authenticated, corrects)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final EncryptedDatabase database;
    private final Connection db;
    private final Supplier<Jid> account;
    private final Clock clock;

    public SqlMessageStore(EncryptedDatabase database, Jid account, Clock clock) {
        this(database, account::bare, clock);
    }

    /**
     * For a session whose account is known only once logged in: {@code account} is asked on each call (no message
     * reaches the store before login).
     */
    public SqlMessageStore(EncryptedDatabase database, Supplier<Jid> account, Clock clock) {
        this.database = database;
        this.db = database.writer();
        this.account = account;
        this.clock = clock;
    }

    @Override
    public void append(ChatMessage m) {
        append(m, true);
    }

    @Override
    public void appendHistory(ChatMessage m) {
        append(m, false);
    }

    private void append(ChatMessage m, boolean counts) {
        inTransaction(() -> {
            long conversation = conversationId(m.conversation(), m.timestamp());
            try (PreparedStatement insert = db.prepareStatement(INSERT)) {
                bind(insert, conversation, m);
                insert.executeUpdate();
            }
            try (PreparedStatement touch = db.prepareStatement("""
                    UPDATE conversation SET unread = CASE WHEN ? THEN unread WHEN ? THEN unread + 1 ELSE 0 END,
                                            last_activity = max(last_activity, ?)
                    WHERE id = ?""")) {
                touch.setBoolean(1, !counts);
                touch.setBoolean(2, m.direction() == Direction.INCOMING);
                touch.setLong(3, nanos(m.timestamp()));
                touch.setLong(4, conversation);
                touch.executeUpdate();
            }
        });
    }

    /**
     * Stores {@code messages} in one transaction, as appending them one by one in this order would (same order,
     * unread counts and last activity), but with one prepared insert for all: every message is stored, or on any
     * failure (such as an id already stored) none is.
     */
    @Override
    public void appendAll(List<ChatMessage> messages) {
        inTransaction(() -> {
            java.util.Map<Jid, Touched> touched = new java.util.LinkedHashMap<>();
            try (PreparedStatement insert = db.prepareStatement(INSERT)) {
                for (ChatMessage m : messages) {
                    Touched c = touched.get(m.conversation());
                    if (c == null) {
                        c = new Touched(conversationId(m.conversation(), m.timestamp()));
                        touched.put(m.conversation(), c);
                    }
                    c.add(m.direction() == Direction.INCOMING, nanos(m.timestamp()));
                    bind(insert, c.id, m);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement touch = db.prepareStatement("""
                    UPDATE conversation SET unread = CASE WHEN ? THEN ? ELSE unread + ? END,
                                            last_activity = max(last_activity, ?)
                    WHERE id = ?""")) {
                for (Touched c : touched.values()) {
                    touch.setBoolean(1, c.readByMe);
                    touch.setLong(2, c.unreadSince);
                    touch.setLong(3, c.unreadSince);
                    touch.setLong(4, c.latest);
                    touch.setLong(5, c.id);
                    touch.executeUpdate();
                }
            }
        });
    }

    private static void bind(PreparedStatement insert, long conversation, ChatMessage m) throws SQLException {
        insert.setLong(1, conversation);
        insert.setString(2, m.id());
        insert.setString(3, m.direction().name());
        insert.setString(4, m.sender() == null ? null : m.sender().toString());
        insert.setString(5, m.body());
        insert.setLong(6, nanos(m.timestamp()));
        insert.setString(7, m.state().name());
        insert.setString(8, m.failureReason());
        insert.setString(9, m.originId());
        insert.setString(10, m.stanzaId());
        insert.setString(11, m.transport().name());
        insert.setBoolean(12, m.authenticated());
        insert.setString(13, m.corrects());
    }

    /** What a batch does to one conversation: an outgoing message clears its unread count, as in append. */
    private static final class Touched {
        final long id;
        long unreadSince;
        boolean readByMe;
        long latest = Long.MIN_VALUE;

        Touched(long id) {
            this.id = id;
        }

        void add(boolean incoming, long at) {
            unreadSince = incoming ? unreadSince + 1 : 0;
            readByMe |= !incoming;
            latest = Math.max(latest, at);
        }
    }

    @Override
    public void update(ChatMessage m) {
        inTransaction(() -> {
            try (PreparedStatement update = db.prepareStatement("""
                    UPDATE message SET body = ?, state = ?, failure = ?, stanza_id = ?
                    WHERE local_id = ? AND conversation_id =
                          (SELECT id FROM conversation WHERE account = ? AND peer = ?)""")) {
                update.setString(1, m.body());
                update.setString(2, m.state().name());
                update.setString(3, m.failureReason());
                update.setString(4, m.stanzaId());
                update.setString(5, m.id());
                update.setString(6, account());
                update.setString(7, m.conversation().asBareString());
                if (update.executeUpdate() == 0) {
                    throw new IllegalArgumentException("No stored message " + m.id());
                }
            }
        });
    }

    @Override
    public Optional<ChatMessage> find(Jid conversation, String id) {
        List<ChatMessage> found = query("WHERE c.peer = ? AND m.local_id = ?", conversation, List.of(id), "", 1);
        return found.stream().findFirst();
    }

    @Override
    public boolean contains(Jid conversation, String originId, String stanzaId) {
        if (originId == null && stanzaId == null) {
            return false;
        }
        // One indexed lookup per id: with OR, SQLite scans the whole conversation (quadratic in a long catch-up).
        return (originId != null && exists("m.origin_id", conversation, originId))
                || (stanzaId != null && exists("m.stanza_id", conversation, stanzaId));
    }

    private boolean exists(String column, Jid conversation, String value) {
        return !query("WHERE c.peer = ? AND " + column + " = ?", conversation, List.of(value), "", 1).isEmpty();
    }

    @Override
    public List<ChatMessage> latest(Jid conversation, int limit) {
        List<ChatMessage> newestFirst = query("WHERE c.peer = ?", conversation, List.of(),
                "ORDER BY m.sent_at DESC, m.id DESC", limit);
        return reversed(newestFirst);
    }

    @Override
    public List<ChatMessage> before(Jid conversation, Instant before, int limit) {
        List<ChatMessage> newestFirst = query("WHERE c.peer = ? AND m.sent_at < ?", conversation,
                List.of(nanos(before)), "ORDER BY m.sent_at DESC, m.id DESC", limit);
        return reversed(newestFirst);
    }

    @Override
    public List<ChatMessage> around(Jid conversation, String id, int before, int after) {
        InMemoryMessageStore.requireNotNegative(before, after);
        return reading(() -> aroundNow(conversation, id, before, after));
    }

    private List<ChatMessage> aroundNow(Jid conversation, String id, int before, int after) {
        Optional<long[]> anchor = position(conversation, id);
        if (anchor.isEmpty()) {
            return List.of();
        }
        long sentAt = anchor.get()[0];
        long rowId = anchor.get()[1];
        List<ChatMessage> window = new ArrayList<>(reversed(queryNow(
                "WHERE c.peer = ? AND (m.sent_at < ? OR (m.sent_at = ? AND m.id < ?))", conversation,
                List.of(sentAt, sentAt, rowId), "ORDER BY m.sent_at DESC, m.id DESC", before)));
        window.addAll(queryNow("WHERE c.peer = ? AND (m.sent_at > ? OR (m.sent_at = ? AND m.id >= ?))", conversation,
                List.of(sentAt, sentAt, rowId), "ORDER BY m.sent_at, m.id", after + 1));
        return List.copyOf(window);
    }

    /** The message's (sent_at, row id), the order key of a conversation. */
    private Optional<long[]> position(Jid conversation, String id) {
        try (PreparedStatement select = db.prepareStatement("""
                SELECT m.sent_at, m.id FROM message m JOIN conversation c ON c.id = m.conversation_id
                WHERE c.account = ? AND c.peer = ? AND m.local_id = ?""")) {
            select.setString(1, account());
            select.setString(2, conversation.asBareString());
            select.setString(3, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new long[] {row.getLong(1), row.getLong(2)}) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new ArchiveException("Cannot find a message of " + conversation.bare(), e);
        }
    }

    @Override
    public List<Conversation> conversations() {
        return reading(this::allConversations);
    }

    private List<Conversation> allConversations() {
        List<Conversation> all = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(
                "SELECT peer FROM conversation WHERE account = ? ORDER BY last_activity DESC, id")) {
            select.setString(1, account());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    conversation(Jid.parse(rows.getString(1))).ifPresent(all::add);
                }
            }
        } catch (SQLException e) {
            throw new ArchiveException("Cannot list conversations", e);
        }
        return all;
    }

    @Override
    public Optional<Conversation> conversation(Jid peer) {
        return reading(() -> conversationOf(peer));
    }

    private Optional<Conversation> conversationOf(Jid peer) {
        try (PreparedStatement select = db.prepareStatement(
                "SELECT unread, last_activity FROM conversation WHERE account = ? AND peer = ?")) {
            select.setString(1, account());
            select.setString(2, peer.asBareString());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int unread = row.getInt(1);
                Instant lastActivity = instant(row.getLong(2));
                List<ChatMessage> last = latest(peer, 1);
                ChatMessage m = last.isEmpty() ? null : last.getFirst();
                return Optional.of(new Conversation(peer.bare(), lastActivity, unread,
                        m == null ? "" : Previews.of(m.body()), m == null ? null : m.direction()));
            }
        } catch (SQLException e) {
            throw new ArchiveException("Cannot read the conversation with " + peer.bare(), e);
        }
    }

    @Override
    public void markRead(Jid conversation) {
        inTransaction(() -> {
            long id = conversationId(conversation, clock.instant());
            try (PreparedStatement read = db.prepareStatement("UPDATE conversation SET unread = 0 WHERE id = ?")) {
                read.setLong(1, id);
                read.executeUpdate();
            }
        });
    }

    /** The conversation's row, created (last active at {@code createdAt}) when it is new. */
    private long conversationId(Jid peer, Instant createdAt) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT OR IGNORE INTO conversation (account, peer, last_activity) VALUES (?, ?, ?)")) {
            insert.setString(1, account());
            insert.setString(2, peer.asBareString());
            insert.setLong(3, nanos(createdAt));
            insert.executeUpdate();
        }
        try (PreparedStatement select = db.prepareStatement(
                "SELECT id FROM conversation WHERE account = ? AND peer = ?")) {
            select.setString(1, account());
            select.setString(2, peer.asBareString());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private List<ChatMessage> query(String where, Jid peer, List<?> more, String order, int limit) {
        return reading(() -> queryNow(where, peer, more, order, limit));
    }

    private List<ChatMessage> queryNow(String where, Jid peer, List<?> more, String order, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM message m JOIN conversation c ON c.id = m.conversation_id "
                + where + " AND c.account = ? " + order + " LIMIT ?";
        try (PreparedStatement select = db.prepareStatement(sql)) {
            int i = 1;
            select.setString(i++, peer.asBareString());
            for (Object value : more) {
                select.setObject(i++, value);
            }
            select.setString(i++, account());
            select.setInt(i, limit);
            List<ChatMessage> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(message(peer.bare(), rows));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new ArchiveException("Cannot read messages of " + peer.bare(), e);
        }
    }

    private static ChatMessage message(Jid peer, ResultSet row) throws SQLException {
        String sender = row.getString(3);
        return new ChatMessage(row.getString(1), peer, Direction.valueOf(row.getString(2)),
                sender == null ? null : Jid.parse(sender), row.getString(4), instant(row.getLong(5)),
                DeliveryState.valueOf(row.getString(6)), row.getString(7), row.getString(8), row.getString(9),
                Transport.valueOf(row.getString(10)), row.getBoolean(11), row.getString(12));
    }

    private void inTransaction(SqlWork work) {
        try {
            database.write(connection -> {
                work.run();
                return null;
            });
        } catch (SQLException e) {
            throw new ArchiveException("The archive could not store the change", e);
        }
    }

    /** Reads under the write lock, so a read never sees another store's half-done transaction on the writer. */
    private <T> T reading(Supplier<T> read) {
        try {
            return database.read(connection -> read.get());
        } catch (SQLException e) {
            throw new ArchiveException("The archive could not be read", e);
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    private String account() {
        return account.get().asBareString();
    }

    private static List<ChatMessage> reversed(List<ChatMessage> list) {
        List<ChatMessage> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return List.copyOf(copy);
    }

    private static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

}
