package im.parley.archive;

import im.parley.archive.db.EncryptedDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;

/**
 * A few read-only connections to the archive, opened when first needed and reused, so reads run beside the
 * writer (WAL) instead of waiting for its lock. At most {@code size} readers are in use at once.
 */
final class ReaderPool implements AutoCloseable {

    private static final int CACHE_KIB = 32_768;

    private final EncryptedDatabase database;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ReaderPool(EncryptedDatabase database, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("A reader pool needs at least one connection: " + size);
        }
        this.database = database;
        this.permits = new Semaphore(size, true);
    }

    <T> T read(EncryptedDatabase.SqlWork<T> work) throws SQLException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for an archive reader", e);
        }
        try {
            Connection connection = borrow();
            boolean healthy = false;
            try {
                T result = work.run(connection);
                healthy = true;
                return result;
            } finally {
                giveBack(connection, healthy);
            }
        } finally {
            permits.release();
        }
    }

    private synchronized Connection borrow() throws SQLException {
        if (closed) {
            throw new SQLException("The archive is closed");
        }
        Connection connection = idle.pollFirst();
        return connection != null ? connection : open();
    }

    private Connection open() throws SQLException {
        Connection connection = database.openReader();
        try (Statement pragma = connection.createStatement()) {
            // Decrypting a page costs more than reading it: keep a search's working set in this reader's cache.
            pragma.execute("PRAGMA cache_size = -" + CACHE_KIB);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** A connection whose work failed is closed rather than reused: its state is not known. */
    private void giveBack(Connection connection, boolean healthy) throws SQLException {
        synchronized (this) {
            if (healthy && !closed) {
                idle.addFirst(connection);
                return;
            }
        }
        connection.close();
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        synchronized (this) {
            closed = true;
            for (Connection connection : idle) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    first = first == null ? e : first;
                }
            }
            idle.clear();
        }
        if (first != null) {
            throw first;
        }
    }
}
