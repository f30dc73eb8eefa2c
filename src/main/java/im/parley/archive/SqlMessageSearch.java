package im.parley.archive;

import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.chat.Direction;
import im.parley.service.common.Jid;
import im.parley.service.search.MessageSearch;
import im.parley.service.search.SearchHit;
import im.parley.service.search.SearchQuery;
import im.parley.service.search.SearchTerms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.List;

/**
 * Full-text search over one account's messages in the encrypted archive (FTS5, {@code unicode61
 * remove_diacritics 2}), on reader connections of its own, never on the writer. Retracted messages are never found.
 *
 * <p>Ranking: best match first (bm25), then the newest. A word like "the" matches most of an archive, and ranking
 * every match costs time in proportion to the archive; so the candidates are the {@code maxCandidates} most
 * recently stored matches of this account, which FTS5 streams newest first and stops early (in one conversation:
 * FTS5 intersects the words with the conversation's token), and only those are ranked. Below that many matches
 * (nearly every real search) the ranking is exact. Snippets are made for the hits returned only.
 */
public final class SqlMessageSearch implements MessageSearch, AutoCloseable {

    /** Words of context around the matches in a snippet. */
    static final int SNIPPET_TOKENS = 16;
    static final int DEFAULT_MAX_CANDIDATES = 1_000;
    private static final int DEFAULT_READERS = 2;

    // CROSS JOIN keeps the FTS table as the outer loop, so its rowid order serves ORDER BY and LIMIT stops early;
    // the account's conversations are looked up once (a small set), not joined per matching row. The conversation
    // token column weighs nothing in the rank: every candidate in a conversation has its token, and scored it would
    // only favour short messages a second time.
    private static final String CANDIDATES = """
            SELECT message_text.rowid, bm25(message_text, 1.0, 0.0), m.sent_at
            FROM message_text
            CROSS JOIN message m ON m.id = message_text.rowid
            WHERE message_text MATCH ? AND m.retracted = 0
              AND m.conversation_id IN (SELECT id FROM conversation WHERE account = ?)
            ORDER BY message_text.rowid DESC
            LIMIT ?""";
    private static final String CONVERSATION = "SELECT id FROM conversation WHERE account = ? AND peer = ?";
    // One pass over the hits' rowid range; "+" keeps the IN list a filter, so FTS5 sets up the match only once
    // (a prefix term costs a merge of every word it starts) and snippet() runs for the chosen rows only.
    private static final String HITS = """
            SELECT message_text.rowid, c.peer, m.local_id, m.direction, m.sender, m.sent_at,
                   snippet(message_text, 0, ?, ?, '…', %d)
            FROM message_text
            CROSS JOIN message m ON m.id = message_text.rowid
            CROSS JOIN conversation c ON c.id = m.conversation_id
            WHERE message_text MATCH ? AND message_text.rowid BETWEEN ? AND ?
              AND +message_text.rowid IN (SELECT value FROM json_each(?))""".formatted(SNIPPET_TOKENS);

    private final ReaderPool readers;
    private final String account;
    private final int maxCandidates;

    public SqlMessageSearch(EncryptedDatabase database, Jid account) {
        this(database, account, DEFAULT_READERS, DEFAULT_MAX_CANDIDATES);
    }

    SqlMessageSearch(EncryptedDatabase database, Jid account, int readers, int maxCandidates) {
        this.readers = new ReaderPool(database, readers);
        this.account = account.asBareString();
        this.maxCandidates = maxCandidates;
    }

    private record Candidate(long rowId, double score, long sentAt) {
    }

    private static final Comparator<Candidate> BEST_THEN_NEWEST = Comparator.comparingDouble(Candidate::score)
            .thenComparing(Comparator.comparingLong(Candidate::sentAt).reversed())
            .thenComparing(Comparator.comparingLong(Candidate::rowId).reversed());

    @Override
    public List<SearchHit> search(SearchQuery query) {
        SearchTerms terms = query.terms();
        if (terms.isEmpty()) {
            return List.of();
        }
        String match = Fts5Match.of(terms);
        try {
            return readers.read(connection -> {
                List<Candidate> best = candidates(connection, query).stream()
                        .sorted(BEST_THEN_NEWEST).limit(query.limit()).toList();
                return hits(connection, match, best);
            });
        } catch (SQLException e) {
            // SQLite's message may quote the MATCH expression, i.e. the user's search text: keep only the code.
            throw new ArchiveException("The search could not be run (SQLite error " + e.getErrorCode() + ")", null);
        }
    }

    private List<Candidate> candidates(Connection connection, SearchQuery query) throws SQLException {
        if (query.conversation().isEmpty()) {
            return candidates(connection, Fts5Match.of(query.terms()));
        }
        OptionalLong conversation = conversationId(connection, query.conversation().get());
        return conversation.isEmpty() ? List.of()
                : candidates(connection, Fts5Match.inConversation(query.terms(), conversation.getAsLong()));
    }

    private List<Candidate> candidates(Connection connection, String match) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(CANDIDATES)) {
            select.setString(1, match);
            select.setString(2, account);
            select.setInt(3, maxCandidates);
            List<Candidate> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Candidate(rows.getLong(1), rows.getDouble(2), rows.getLong(3)));
                }
            }
            return found;
        }
    }

    private OptionalLong conversationId(Connection connection, Jid peer) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(CONVERSATION)) {
            select.setString(1, account);
            select.setString(2, peer.asBareString());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private static String jsonList(List<Long> rowIds) {
        return rowIds.stream().map(Object::toString).collect(Collectors.joining(",", "[", "]"));
    }

    private static List<SearchHit> hits(Connection connection, String match, List<Candidate> best)
            throws SQLException {
        if (best.isEmpty()) {
            return List.of();
        }
        Snippets markers = Snippets.fresh();
        Map<Long, SearchHit> byRow = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(HITS)) {
            select.setString(1, markers.open());
            select.setString(2, markers.close());
            select.setString(3, match);
            select.setLong(4, best.stream().mapToLong(Candidate::rowId).min().orElseThrow());
            select.setLong(5, best.stream().mapToLong(Candidate::rowId).max().orElseThrow());
            select.setString(6, jsonList(best.stream().map(Candidate::rowId).toList()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byRow.put(rows.getLong(1), hit(rows, markers));
                }
            }
        }
        // A message deleted between the two reads is left out.
        return best.stream().map(c -> byRow.get(c.rowId())).filter(Objects::nonNull).toList();
    }

    private static SearchHit hit(ResultSet row, Snippets markers) throws SQLException {
        String sender = row.getString(5);
        return new SearchHit(Jid.parse(row.getString(2)), row.getString(3), Direction.valueOf(row.getString(4)),
                sender == null ? null : Jid.parse(sender), instant(row.getLong(6)), markers.split(row.getString(7)));
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
