package im.parley.archive;

import im.parley.archive.db.ArchiveFiles;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.common.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Forgets what the archive holds about one account, so that it is gone from the file and not only from view:
 * deletes run with {@code secure_delete} (freed pages are overwritten with zeros), the full-text index is merged
 * so no old segment keeps the words, and the WAL is checkpointed and truncated so no old page lingers in it.
 * Other accounts are untouched.
 *
 * <p>Settings belong to an account when their scope is its bare address or starts with that address and a
 * {@code /} (finer scopes under the account, such as one conversation).
 */
public final class SqlAccountEraser {

    private static final Logger LOG = LoggerFactory.getLogger(SqlAccountEraser.class);

    /** What was forgotten; {@code overwritten} is false when an open reader kept the WAL from being checkpointed. */
    public record Erasure(int messages, int conversations, boolean overwritten) {
    }

    private final EncryptedDatabase database;

    public SqlAccountEraser(EncryptedDatabase database) {
        this.database = database;
    }

    /** Deletes the account's messages, conversations, their full-text entries and its history-sync state. */
    public Erasure forgetHistory(Jid account) {
        return erase(account, false);
    }

    /** {@link #forgetHistory} and also the account's roster cache, pinned certificate, settings and account row. */
    public Erasure forgetAccount(Jid account) {
        return erase(account, true);
    }

    private Erasure erase(Jid account, boolean everything) {
        String jid = account.asBareString();
        try {
            int[] counts = database.write(c -> {
                withSecureDelete(c, true);
                try {
                    int messages = delete(c, """
                            DELETE FROM message WHERE conversation_id IN (SELECT id FROM conversation WHERE account = ?)""", jid);
                    int conversations = delete(c, "DELETE FROM conversation WHERE account = ?", jid);
                    delete(c, "DELETE FROM sync_state WHERE account = ?", jid);
                    delete(c, "DELETE FROM sync_gap WHERE account = ?", jid);
                    if (everything) {
                        delete(c, "DELETE FROM roster_item WHERE account = ?", jid);
                        delete(c, "DELETE FROM roster_version WHERE account = ?", jid);
                        delete(c, "DELETE FROM pinned_certificate WHERE account = ?", jid);
                        delete(c, "DELETE FROM setting WHERE scope = ? OR substr(scope, 1, length(?) + 1) = ? || '/'",
                                jid, jid, jid);
                        delete(c, "DELETE FROM account WHERE jid = ?", jid);
                    }
                    if (messages > 0) {
                        // The external-content index only records deletions; merging drops the old segments.
                        try (Statement s = c.createStatement()) {
                            s.execute("INSERT INTO message_text (message_text) VALUES ('optimize')");
                        }
                    }
                    return new int[]{messages, conversations};
                } finally {
                    withSecureDelete(c, false);
                }
            });
            boolean overwritten = checkpoint();
            LOG.info("Forgot {} of an account: {} messages, {} conversations{}", everything ? "everything" : "the history",
                    counts[0], counts[1], overwritten ? "" : "; an open reader delayed the WAL checkpoint");
            return new Erasure(counts[0], counts[1], overwritten);
        } catch (SQLException e) {
            throw new ArchiveException("The archive could not forget the account's data; nothing was removed", e);
        }
    }

    private static void withSecureDelete(Connection c, boolean on) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA secure_delete = " + (on ? "ON" : "OFF"));
        }
    }

    private static int delete(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                delete.setString(i + 1, values[i]);
            }
            return delete.executeUpdate();
        }
    }

    /** Copies the zeroed pages into the file and empties the WAL; false when a reader kept some of it. */
    private boolean checkpoint() throws SQLException {
        return database.read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                return r.next() && r.getInt(1) == 0;
            }
        });
    }

    /**
     * Deletes the closed archive at {@code file} and every file that belongs to it (WAL, shared memory, journal,
     * key check, files of an interrupted change of passphrase).
     *
     * @return the files that were deleted
     */
    public static List<Path> eraseArchive(Path file) throws IOException {
        ArchiveFiles files = new ArchiveFiles(file);
        if (Files.isDirectory(files.database())) {
            throw new IOException(files.database() + " is a directory, not an archive; nothing was deleted.");
        }
        List<Path> deleted = new ArrayList<>();
        for (Path each : files.all()) {
            if (Files.deleteIfExists(each)) {
                deleted.add(each);
            }
        }
        deleted.addAll(deleteStrayTemporaries(files));
        LOG.info("Erased the archive: {} files", deleted.size());
        return List.copyOf(deleted);
    }

    /** Temporary key-check files with random names, as earlier versions wrote them. */
    private static List<Path> deleteStrayTemporaries(ArchiveFiles files) throws IOException {
        Path dir = files.database().getParent();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        String prefix = files.keyCheck().getFileName().toString();
        List<Path> deleted = new ArrayList<>();
        try (Stream<Path> all = Files.list(dir)) {
            for (Path p : all.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(".tmp") && Files.deleteIfExists(p)) {
                    deleted.add(p);
                }
            }
        }
        return deleted;
    }
}
