package im.parley.archive.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The archive's schema as numbered steps; {@code PRAGMA user_version} says how far a file has come. Steps are only
 * ever appended: a released step is never edited, so every older archive climbs the same ladder.
 */
final class SchemaLadder {

    static final List<List<String>> STEPS = List.of(
            // 1: conversations and messages, with full-text search over bodies.
            List.of("""
                    CREATE TABLE conversation (
                        id INTEGER PRIMARY KEY,
                        account TEXT NOT NULL,
                        peer TEXT NOT NULL,
                        unread INTEGER NOT NULL DEFAULT 0,
                        last_activity INTEGER NOT NULL,
                        UNIQUE (account, peer))""",
                    """
                    CREATE TABLE message (
                        id INTEGER PRIMARY KEY,
                        conversation_id INTEGER NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
                        local_id TEXT NOT NULL,
                        direction TEXT NOT NULL CHECK (direction IN ('INCOMING', 'OUTGOING')),
                        sender TEXT,
                        body TEXT NOT NULL,
                        sent_at INTEGER NOT NULL,
                        state TEXT NOT NULL,
                        failure TEXT,
                        origin_id TEXT,
                        stanza_id TEXT,
                        UNIQUE (conversation_id, local_id))""",
                    "CREATE INDEX message_by_time ON message (conversation_id, sent_at, id)",
                    "CREATE INDEX message_by_stanza_id ON message (conversation_id, stanza_id) WHERE stanza_id IS NOT NULL",
                    "CREATE INDEX message_by_origin_id ON message (conversation_id, origin_id) WHERE origin_id IS NOT NULL",
                    """
                    CREATE VIRTUAL TABLE message_text USING fts5(
                        body, content='message', content_rowid='id', tokenize='unicode61 remove_diacritics 2')""",
                    """
                    CREATE TRIGGER message_text_insert AFTER INSERT ON message BEGIN
                        INSERT INTO message_text (rowid, body) VALUES (new.id, new.body);
                    END""",
                    """
                    CREATE TRIGGER message_text_delete AFTER DELETE ON message BEGIN
                        INSERT INTO message_text (message_text, rowid, body) VALUES ('delete', old.id, old.body);
                    END""",
                    """
                    CREATE TRIGGER message_text_update AFTER UPDATE OF body ON message BEGIN
                        INSERT INTO message_text (message_text, rowid, body) VALUES ('delete', old.id, old.body);
                        INSERT INTO message_text (rowid, body) VALUES (new.id, new.body);
                    END"""),
            // 2: how a message travelled, correction and retraction links; accounts, roster cache, pinned
            // certificates, settings and history-sync state move into the archive.
            List.of("ALTER TABLE message ADD COLUMN transport TEXT NOT NULL DEFAULT 'PLAINTEXT'",
                    "ALTER TABLE message ADD COLUMN authenticated INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE message ADD COLUMN corrects TEXT",
                    "ALTER TABLE message ADD COLUMN retracted INTEGER NOT NULL DEFAULT 0",
                    "CREATE INDEX message_by_corrects ON message (conversation_id, corrects) WHERE corrects IS NOT NULL",
                    """
                    CREATE TABLE account (
                        jid TEXT PRIMARY KEY,
                        host TEXT,
                        port INTEGER,
                        direct_tls INTEGER NOT NULL DEFAULT 0,
                        remembered INTEGER NOT NULL DEFAULT 0,
                        last_login INTEGER)""",
                    """
                    CREATE TABLE roster_item (
                        account TEXT NOT NULL,
                        jid TEXT NOT NULL,
                        name TEXT,
                        groups TEXT NOT NULL DEFAULT '[]',
                        subscription TEXT NOT NULL,
                        PRIMARY KEY (account, jid))""",
                    """
                    CREATE TABLE pinned_certificate (
                        account TEXT PRIMARY KEY,
                        sha256 TEXT NOT NULL,
                        pinned_at INTEGER NOT NULL)""",
                    """
                    CREATE TABLE setting (
                        scope TEXT NOT NULL,
                        name TEXT NOT NULL,
                        value TEXT NOT NULL,
                        PRIMARY KEY (scope, name))""",
                    """
                    CREATE TABLE sync_state (
                        account TEXT NOT NULL,
                        archive TEXT NOT NULL,
                        last_stanza_id TEXT,
                        last_time INTEGER,
                        complete INTEGER NOT NULL DEFAULT 0,
                        PRIMARY KEY (account, archive))""",
                    """
                    CREATE TABLE sync_gap (
                        id INTEGER PRIMARY KEY,
                        account TEXT NOT NULL,
                        archive TEXT NOT NULL,
                        after_stanza_id TEXT,
                        before_stanza_id TEXT,
                        found_at INTEGER NOT NULL)"""),
            // 3: the search index gets a prefix index for three-character prefixes (the shortest a word is searched
            // by, see SearchTerms) and a column holding the message's conversation as one token, so that a search
            // in one conversation is an FTS5 intersection instead of a filter over every match of the archive.
            List.of("DROP TRIGGER message_text_insert",
                    "DROP TRIGGER message_text_delete",
                    "DROP TRIGGER message_text_update",
                    "DROP TABLE message_text",
                    // External content: FTS5 reads every indexed column from the content table by name. The token
                    // starts with U+E000: unicode61 keeps private-use characters in tokens, but a search word never
                    // holds one (SearchTerms keeps letters, digits and marks), so no word can match a token.
                    """
                    ALTER TABLE message ADD COLUMN conversation_token TEXT
                        GENERATED ALWAYS AS (char(57344) || conversation_id) VIRTUAL""",
                    """
                    CREATE VIRTUAL TABLE message_text USING fts5(
                        body, conversation_token, content='message', content_rowid='id',
                        tokenize='unicode61 remove_diacritics 2', prefix='3')""",
                    """
                    CREATE TRIGGER message_text_insert AFTER INSERT ON message BEGIN
                        INSERT INTO message_text (rowid, body, conversation_token)
                            VALUES (new.id, new.body, new.conversation_token);
                    END""",
                    """
                    CREATE TRIGGER message_text_delete AFTER DELETE ON message BEGIN
                        INSERT INTO message_text (message_text, rowid, body, conversation_token)
                            VALUES ('delete', old.id, old.body, old.conversation_token);
                    END""",
                    """
                    CREATE TRIGGER message_text_update AFTER UPDATE OF body, conversation_id ON message BEGIN
                        INSERT INTO message_text (message_text, rowid, body, conversation_token)
                            VALUES ('delete', old.id, old.body, old.conversation_token);
                        INSERT INTO message_text (rowid, body, conversation_token)
                            VALUES (new.id, new.body, new.conversation_token);
                    END""",
                    "INSERT INTO message_text (message_text) VALUES ('rebuild')"),
            // 4: the roster cache keeps pending subscription requests and the server's roster version (XEP-0237).
            List.of("ALTER TABLE roster_item ADD COLUMN awaiting_approval INTEGER NOT NULL DEFAULT 0",
                    """
                    CREATE TABLE roster_version (
                        account TEXT PRIMARY KEY,
                        version TEXT NOT NULL)"""));

    private SchemaLadder() {
    }

    static int latest() {
        return STEPS.size();
    }

    /** Climbs from the file's version to the latest, one transaction per step. */
    static void climb(Connection connection) throws SQLException {
        climb(connection, latest());
    }

    /** Climbs from the file's version up to {@code target} (tests freeze old schemas with it). */
    static void climb(Connection connection, int target) throws SQLException {
        int version = version(connection);
        if (version > latest()) {
            throw new SQLException("The archive was written by a newer Parley (schema " + version
                    + "; this version knows up to " + latest() + "). Update Parley to open it.");
        }
        for (int step = version + 1; step <= target; step++) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : STEPS.get(step - 1)) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + step);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var result = statement.executeQuery("PRAGMA user_version")) {
            return result.next() ? result.getInt(1) : 0;
        }
    }
}
