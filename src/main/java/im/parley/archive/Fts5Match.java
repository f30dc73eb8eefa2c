package im.parley.archive;

import im.parley.service.search.SearchTerms;

import java.util.StringJoiner;

/**
 * Turns parsed search terms into an FTS5 MATCH expression. Every word goes inside a double-quoted FTS5 string,
 * where no character is an operator, so nothing the user typed can become FTS5 syntax; the words contain no
 * double quote (see {@link SearchTerms}), and the tokenizer folds case and accents as it did when indexing.
 *
 * <p>Every term is bound to the {@code body} column: the index also holds each message's conversation as a token,
 * which the user's words must never match; only {@link #inConversation} adds a condition on that column.
 */
final class Fts5Match {

    private Fts5Match() {
    }

    /** The expression, or empty when there is nothing to match. */
    static String of(SearchTerms terms) {
        StringJoiner all = new StringJoiner(" AND ");
        for (SearchTerms.Term term : terms.terms()) {
            all.add("body : " + switch (term) {
                case SearchTerms.Word(String text, boolean prefix) -> quoted(text) + (prefix ? "*" : "");
                case SearchTerms.Phrase(var words, boolean prefixLast) ->
                        quoted(String.join(" ", words)) + (prefixLast ? "*" : "");
            });
        }
        return all.toString();
    }

    /** The expression limited to the messages of one conversation, or empty when there is nothing to match. */
    static String inConversation(SearchTerms terms, long conversationId) {
        String match = of(terms);
        return match.isEmpty() ? match : match + " AND conversation_token : " + quoted(conversationToken(conversationId));
    }

    /** The token schema step 3 indexes for a conversation ({@code 'c' || conversation_id}). */
    static String conversationToken(long conversationId) {
        return "c" + conversationId;
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
