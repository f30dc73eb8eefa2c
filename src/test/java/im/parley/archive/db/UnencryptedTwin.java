package im.parley.archive.db;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * For benchmarks only: a plain, unencrypted SQLite file with the archive's schema and the writer's settings (WAL,
 * synchronous NORMAL, temp data in memory, the same page cache), behind the same {@link EncryptedDatabase} API, so
 * the stores run unchanged on it and the cost of encryption is the only difference measured.
 */
public final class UnencryptedTwin {

    private UnencryptedTwin() {
    }

    public static EncryptedDatabase open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setBusyTimeout(5_000);
        config.enforceForeignKeys(true);
        Connection writer = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (var statement = writer.createStatement()) {
            statement.execute("PRAGMA cache_size = -" + EncryptedDatabase.WRITER_CACHE_KIB);
        }
        SchemaLadder.climb(writer);
        return new EncryptedDatabase(file, new ArchiveKey(new byte[ArchiveKey.BYTES]), writer);
    }
}
