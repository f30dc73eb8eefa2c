package im.parley.archive.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.mc.SQLiteMCConfig;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The archive file, encrypted at rest in SQLCipher 4 format with a raw 256-bit key. An interrupted change of
 * passphrase is finished or undone first ({@link RekeyRecovery}); the key is checked in Java before SQLite sees
 * the file (see {@link KeyCheck}); then one writer connection is opened (WAL, temp data in
 * memory only, a large page cache) and the schema climbs to the latest step. Readers get connections of their own.
 */
public final class EncryptedDatabase implements AutoCloseable {

    static final int WRITER_CACHE_KIB = 65_536;
    private static final Logger LOG = LoggerFactory.getLogger(EncryptedDatabase.class);

    private final Path file;
    private final ArchiveKey key;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile BooleanSupplier onForbiddenThread = () -> false;
    private final LongAdder forbiddenThreadCalls = new LongAdder();

    /** Also for the benchmark's unencrypted reference on the same schema (test code in this package). */
    EncryptedDatabase(Path file, ArchiveKey key, Connection writer) {
        this.file = file;
        this.key = key;
        this.writer = writer;
    }

    /**
     * Opens the archive at {@code file}, or creates it when there is none.
     *
     * @throws WrongKeyException when the key is not the archive's; the archive is not opened or changed then
     */
    public static EncryptedDatabase open(Path file, ArchiveKey key) throws WrongKeyException, IOException, SQLException {
        ArchiveFiles files = new ArchiveFiles(file);
        RekeyRecovery.recover(files);
        KeyCheck check = new KeyCheck(files.keyCheck());
        if (Files.exists(file)) {
            if (!check.exists()) {
                throw new IOException("The archive " + file + " has no key check file (" + check.file()
                        + "); refusing to open it with a key that cannot be verified.");
            }
            check.verify(key);
        } else {
            Files.createDirectories(file.toAbsolutePath().getParent());
            check.write(key);
        }
        ArchiveKey own = new ArchiveKey(key.bytes());
        Connection writer = connect(file, own, false);
        try {
            pragma(writer, "PRAGMA cache_size = -" + WRITER_CACHE_KIB);
            SchemaLadder.climb(writer);
        } catch (SQLException e) {
            writer.close();
            throw e;
        }
        return new EncryptedDatabase(file, own, writer);
    }

    /** The one connection that writes; callers serialise on it (one writer executor). */
    public Connection writer() {
        return writer;
    }

    /**
     * Runs {@code work} as one transaction on the writer, holding the single write lock, so stores that share the
     * archive never interleave their statements. Rolls back and rethrows on any failure.
     */
    public <T> T write(SqlWork<T> work) throws SQLException {
        checkThread();
        writeLock.lock();
        try {
            boolean autoCommit = writer.getAutoCommit();
            if (!autoCommit) {
                return work.run(writer); // nested inside a transaction of the same thread
            }
            writer.setAutoCommit(false);
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on the writer without a transaction, under the write lock (reads that must see writes). */
    public <T> T read(SqlWork<T> work) throws SQLException {
        checkThread();
        writeLock.lock();
        try {
            return work.run(writer);
        } finally {
            writeLock.unlock();
        }
    }

    /** Work on a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A new read-only connection for one reader thread. */
    public Connection openReader() throws SQLException {
        checkThread();
        return connect(file, key, true);
    }

    /** Whether {@code candidate} is this open archive's key (a constant-time comparison). */
    public boolean hasKey(ArchiveKey candidate) {
        byte[] raw = candidate.bytes();
        try {
            return key.sameAs(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * From now on, a call made while {@code onForbiddenThread} says true (the UI thread, which must never wait for
     * the disk) is counted and logged with its stack trace; it still runs, so a slip is a slow frame, not a crash.
     */
    public void watchForbiddenThread(BooleanSupplier onForbiddenThread) {
        this.onForbiddenThread = onForbiddenThread;
    }

    /** How many calls came from a forbidden thread (see {@link #watchForbiddenThread}). */
    public long forbiddenThreadCalls() {
        return forbiddenThreadCalls.sum();
    }

    private void checkThread() {
        if (onForbiddenThread.getAsBoolean()) {
            forbiddenThreadCalls.increment();
            LOG.warn("An archive call ran on {}, which must not block",
                    Thread.currentThread().getName(), new IllegalStateException("blocking archive call"));
        }
    }

    public int schemaVersion() throws SQLException {
        return SchemaLadder.version(writer);
    }

    static Connection connect(Path file, ArchiveKey key, boolean readOnly) throws SQLException {
        return connect(file, key, SQLiteConfig.JournalMode.WAL, SQLiteConfig.SynchronousMode.NORMAL, 5_000, readOnly);
    }

    private static final int SQLITE_BUSY = 5;

    /**
     * A connection in rollback-journal mode with full syncs, which only succeeds when no other connection has the
     * file open (leaving WAL mode needs that, and checkpoints the WAL into the file); for changing the key.
     *
     * @throws IllegalStateException when another connection has the file open
     */
    static Connection connectAlone(Path file, ArchiveKey key) throws SQLException {
        try {
            Connection connection = connect(file, key, SQLiteConfig.JournalMode.DELETE,
                    SQLiteConfig.SynchronousMode.FULL, 1_000, false);
            try (var statement = connection.createStatement();
                 var mode = statement.executeQuery("PRAGMA journal_mode")) {
                if (!mode.next() || !"delete".equalsIgnoreCase(mode.getString(1))) {
                    connection.close();
                    throw new IllegalStateException("The archive " + file + " is open; close it first.");
                }
            }
            return connection;
        } catch (SQLException e) {
            if (e.getErrorCode() == SQLITE_BUSY) {
                throw new IllegalStateException("The archive " + file
                        + " is open elsewhere; close every connection to it first. Nothing was changed.", e);
            }
            throw e;
        }
    }

    private static Connection connect(Path file, ArchiveKey key, SQLiteConfig.JournalMode journal,
                                      SQLiteConfig.SynchronousMode sync, int busyMillis, boolean readOnly)
            throws SQLException {
        byte[] raw = key.bytes();
        try {
            SQLiteMCConfig config = SQLiteMCSqlCipherConfig.getV4Defaults().withRawUnsaltedKey(raw).build();
            config.setJournalMode(journal);
            config.setSynchronous(sync);
            config.setTempStore(SQLiteConfig.TempStore.MEMORY);
            config.setBusyTimeout(busyMillis);
            config.enforceForeignKeys(true);
            config.setReadOnly(readOnly);
            Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            pragma(connection, "PRAGMA temp_store = MEMORY"); // sorts and temp tables never spill plaintext files
            return connection;
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static void pragma(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        writeLock.lock();
        try {
            writer.close();
        } finally {
            key.close();
            writeLock.unlock();
        }
    }
}
