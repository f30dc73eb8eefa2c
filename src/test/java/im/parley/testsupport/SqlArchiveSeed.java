package im.parley.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes messages into a user's MAM archive in the SQLite database of a {@link ProsodyServer.Storage#SQL} server
 * (table {@code prosodyarchive}, store {@code archive}), as {@code mod_mam} + {@code mod_storage_sql} archive a
 * message received by the owner: {@code when} in whole seconds, {@code with} the peer's bare JID, type {@code xml}
 * and as value the stanza serialised the way Prosody does ({@code tostring(stanza)}: no {@code jabber:client}
 * namespace, no {@code <stanza-id/>} or {@code <delay/>}; Prosody adds the namespace and the delay from {@code when}
 * to each MAM result and uses {@code key} as its id, i.e. as the stanza-id). Unlike a real client's message, the
 * seeded stanza has no {@code xml:lang}. One transaction, committed by {@link #close()}; works while Prosody runs
 * (WAL). 100,000 messages take about a second.
 */
final class SqlArchiveSeed implements ArchiveSeed {

    private static final int BATCH = 1_000;
    private static final String INSERT = """
            INSERT INTO "prosodyarchive" ("host", "user", "store", "when", "with", "key", "type", "value") \
            VALUES (?, ?, 'archive', ?, ?, ?, 'xml', ?)""";

    private final Connection connection;
    private final PreparedStatement insert;
    private final String host;
    private final TestAccount owner;
    private int pending;

    private SqlArchiveSeed(Connection connection, String host, TestAccount owner) throws SQLException {
        this.connection = connection;
        this.insert = connection.prepareStatement(INSERT);
        this.host = host;
        this.owner = owner;
    }

    static SqlArchiveSeed append(ProsodyServer server, TestAccount owner) {
        try {
            Connection connection = ProsodySqlDatabase.open(server.sqlDatabase());
            try {
                connection.setAutoCommit(false);
                return new SqlArchiveSeed(connection, server.host(), owner);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the archive database of " + server, e);
        }
    }

    @Override
    public void add(Item item) {
        try {
            insert.setString(1, host);
            insert.setString(2, owner.localpart());
            insert.setLong(3, item.when().getEpochSecond());
            insert.setString(4, item.peer(owner.jid()));
            insert.setString(5, item.key());
            insert.setString(6, stanza(item));
            insert.addBatch();
            if (++pending == BATCH) {
                flush();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seed the archive of " + owner, e);
        }
    }

    /** The message as Prosody's {@code tostring(stanza)} writes it (attribute order does not matter). */
    static String stanza(Item item) {
        StringBuilder xml = new StringBuilder(256)
                .append("<message id='").append(escape(item.messageId()))
                .append("' to='").append(escape(item.to()))
                .append("' type='chat' from='").append(escape(item.from()))
                .append("'><body>").append(escape(item.body())).append("</body>");
        if (item.originId() != null) {
            xml.append("<origin-id id='").append(escape(item.originId())).append("' xmlns='urn:xmpp:sid:0'/>");
        }
        return xml.append("</message>").toString();
    }

    /** {@code util.stanza}'s {@code xml_escape}: the same five entities in text and attributes. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\'' -> out.append("&apos;");
                case '"' -> out.append("&quot;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private void flush() throws SQLException {
        insert.executeBatch();
        pending = 0;
    }

    /** Commits everything added (or nothing, if the commit fails) and closes the database. */
    @Override
    public void close() {
        try (Connection closing = connection; PreparedStatement statement = insert) {
            flush();
            closing.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seed the archive of " + owner, e);
        }
    }
}
