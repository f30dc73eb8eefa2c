package im.parley.archive;

import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.chat.SyncCursor;
import im.parley.service.chat.SyncStore;
import im.parley.service.common.Jid;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One account's history-sync state ({@code sync_state}, {@code sync_gap}) in the encrypted archive. Its
 * transactions are the archive's write transactions, so message-store calls made inside {@link #atomically} commit
 * or roll back together with the cursor.
 */
public final class SqlSyncStore implements SyncStore {

    private final EncryptedDatabase database;
    private final Supplier<Jid> account;
    private final Clock clock;

    public SqlSyncStore(EncryptedDatabase database, Jid account, Clock clock) {
        this(database, account::bare, clock);
    }

    /** For a session whose account is known only once logged in (asked on each call). */
    public SqlSyncStore(EncryptedDatabase database, Supplier<Jid> account, Clock clock) {
        this.database = database;
        this.account = account;
        this.clock = clock;
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
        try {
            return database.write(connection -> work.get());
        } catch (SQLException e) {
            throw new ArchiveException("The archive could not store the synced history", e);
        }
    }

    @Override
    public Optional<SyncCursor> cursor(String archive) {
        try {
            return database.read(db -> {
                try (PreparedStatement select = db.prepareStatement(
                        "SELECT last_stanza_id, last_time, complete FROM sync_state WHERE account = ? AND archive = ?")) {
                    select.setString(1, account.get().asBareString());
                    select.setString(2, archive);
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next()) {
                            return Optional.empty();
                        }
                        long time = row.getLong(2);
                        Instant lastTime = row.wasNull() ? null : Times.instant(time);
                        return Optional.of(new SyncCursor(row.getString(1), lastTime, row.getBoolean(3)));
                    }
                }
            });
        } catch (SQLException e) {
            throw new ArchiveException("Cannot read the history-sync state", e);
        }
    }

    @Override
    public void saveCursor(String archive, SyncCursor cursor) {
        write("""
                INSERT INTO sync_state (account, archive, last_stanza_id, last_time, complete) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (account, archive) DO UPDATE SET last_stanza_id = excluded.last_stanza_id,
                    last_time = excluded.last_time, complete = excluded.complete""",
                account.get().asBareString(), archive, cursor.lastStanzaId(),
                cursor.lastTime() == null ? null : Times.nanos(cursor.lastTime()), cursor.complete());
    }

    @Override
    public void recordGap(String archive, String afterId, String beforeId) {
        write("""
                INSERT INTO sync_gap (account, archive, after_stanza_id, before_stanza_id, found_at)
                VALUES (?, ?, ?, ?, ?)""", account.get().asBareString(), archive, afterId, beforeId, Times.nanos(clock.instant()));
    }

    @Override
    public void closeGap(String archive, String afterId, String beforeId) {
        write("""
                DELETE FROM sync_gap
                WHERE account = ? AND archive = ? AND after_stanza_id IS ? AND before_stanza_id IS ?""",
                account.get().asBareString(), archive, afterId, beforeId);
    }

    private void write(String sql, Object... values) {
        try {
            database.write(db -> {
                try (PreparedStatement statement = db.prepareStatement(sql)) {
                    for (int i = 0; i < values.length; i++) {
                        statement.setObject(i + 1, values[i]);
                    }
                    return statement.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new ArchiveException("The archive could not store the history-sync state", e);
        }
    }
}
