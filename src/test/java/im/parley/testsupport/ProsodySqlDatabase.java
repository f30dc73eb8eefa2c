package im.parley.testsupport;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQLite file of {@code mod_storage_sql} (Prosody 0.12) for a {@link ProsodyServer.Storage#SQL} server, opened
 * with the plain (keyless) SQLite driver. Created before Prosody's first start in WAL mode, so that a seed can write
 * while Prosody reads (Prosody's LuaDBI connection has no busy timeout), with the archive table exactly as
 * {@code mod_storage_sql.lua}'s {@code create_table} writes it: Prosody creates its tables with
 * {@code IF NOT EXISTS} on its first connection and so takes this one as its own.
 */
final class ProsodySqlDatabase {

    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private static final String[] ARCHIVE_SCHEMA = {
            """
            CREATE TABLE IF NOT EXISTS "prosodyarchive" ("sort_id" INTEGER PRIMARY KEY AUTOINCREMENT, \
            "host" TEXT NOT NULL, "user" TEXT NOT NULL, "store" TEXT NOT NULL, "key" TEXT NOT NULL, \
            "when" INTEGER NOT NULL, "with" TEXT NOT NULL, "type" TEXT NOT NULL, "value" TEXT NOT NULL);""",
            """
            CREATE UNIQUE INDEX IF NOT EXISTS "prosodyarchive_index" ON "prosodyarchive" \
            ("host", "user", "store", "key");""",
            """
            CREATE INDEX IF NOT EXISTS "prosodyarchive_with_when" ON "prosodyarchive" \
            ("host", "user", "store", "with", "when");""",
            """
            CREATE INDEX IF NOT EXISTS "prosodyarchive_when" ON "prosodyarchive" ("host", "user", "store", "when");""",
            """
            CREATE INDEX IF NOT EXISTS "prosodyarchive_sort" ON "prosodyarchive" ("host", "user", "store", "sort_id");""",
    };

    private ProsodySqlDatabase() {
    }

    /** Creates {@code file} in WAL mode with Prosody's archive table. */
    static void create(Path file) {
        try (Connection connection = open(file); Statement statement = connection.createStatement()) {
            for (String sql : ARCHIVE_SCHEMA) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create Prosody's database " + file, e);
        }
    }

    /** A connection in WAL mode that waits up to 10 s for Prosody's locks; auto-commit on. */
    static Connection open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config.createConnection("jdbc:sqlite:" + file);
    }
}
