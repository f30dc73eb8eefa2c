package im.parley.archive;

import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.chat.Direction;
import im.parley.service.common.Jid;
import im.parley.service.search.MessageSearch;
import im.parley.service.search.SearchHit;
import im.parley.service.search.SearchQuery;
import im.parley.service.search.SearchTerms;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Full-text search over one account's messages in the encrypted archive (FTS5, {@code unicode61
 * remove_diacritics 2}), on reader connections of its own, never on the writer. Best matches first (bm25),
 * then the newest; retracted messages are never found.
 */
public final class SqlMessageSearch implements MessageSearch, AutoCloseable {

    /** Words of context around the matches in a snippet. */
    static final int SNIPPET_TOKENS = 16;
    private static final int DEFAULT_READERS = 2;

    private static final String SQL = """
            SELECT c.peer, m.local_id, m.direction, m.sender, m.sent_at,
                   snippet(message_text, 0, ?, ?, '…', %d)
            FROM message_text
            JOIN message m ON m.id = message_text.rowid
            JOIN conversation c ON c.id = m.conversation_id
            WHERE message_text MATCH ? AND c.account = ? AND m.retracted = 0 %s
            ORDER BY bm25(message_text), m.sent_at DESC, m.id DESC
            LIMIT ?""";
    private static final String EVERYWHERE = SQL.formatted(SNIPPET_TOKENS, "");
    private static final String IN_CONVERSATION = SQL.formatted(SNIPPET_TOKENS, "AND c.peer = ?");

    private final ReaderPool readers;
    private final String account;

    public SqlMessageSearch(EncryptedDatabase database, Jid account) {
        this(database, account, DEFAULT_READERS);
    }

    public SqlMessageSearch(EncryptedDatabase database, Jid account, int readers) {
        this.readers = new ReaderPool(database, readers);
        this.account = account.asBareString();
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        SearchTerms terms = query.terms();
        if (terms.isEmpty()) {
            return List.of();
        }
        String match = Fts5Match.of(terms);
        Snippets markers = Snippets.fresh();
        try {
            return readers.read(connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        query.conversation().isPresent() ? IN_CONVERSATION : EVERYWHERE)) {
                    int i = 1;
                    select.setString(i++, markers.open());
                    select.setString(i++, markers.close());
                    select.setString(i++, match);
                    select.setString(i++, account);
                    if (query.conversation().isPresent()) {
                        select.setString(i++, query.conversation().get().asBareString());
                    }
                    select.setInt(i, query.limit());
                    List<SearchHit> hits = new ArrayList<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            hits.add(hit(rows, markers));
                        }
                    }
                    return List.copyOf(hits);
                }
            });
        } catch (SQLException e) {
            // SQLite's message may quote the MATCH expression, i.e. the user's search text: keep only the code.
            throw new ArchiveException("The search could not be run (SQLite error " + e.getErrorCode() + ")", null);
        }
    }

    private static SearchHit hit(ResultSet row, Snippets markers) throws SQLException {
        String sender = row.getString(4);
        return new SearchHit(Jid.parse(row.getString(1)), row.getString(2), Direction.valueOf(row.getString(3)),
                sender == null ? null : Jid.parse(sender), instant(row.getLong(5)), markers.split(row.getString(6)));
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** Closes the reader connections; the archive itself stays open. */
    @Override
    public void close() {
        try {
            readers.close();
        } catch (SQLException e) {
            throw new ArchiveException("The archive's search readers could not be closed", e);
        }
    }
}
