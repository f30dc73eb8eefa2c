package im.parley.archive;

import im.parley.service.search.SearchTerms;

import java.util.StringJoiner;

/**
 * Turns parsed search terms into an FTS5 MATCH expression. Every word goes inside a double-quoted FTS5 string,
 * where no character is an operator, so nothing the user typed can become FTS5 syntax; the words contain no
 * double quote (see {@link SearchTerms}), and the tokenizer folds case and accents as it did when indexing.
 *
 * <p>The index also holds each message's conversation as one token in a second column. That token starts with a
 * private-use character, which no search word holds (and none reaches the expression), so the user's words can only
 * ever match the body; binding them to the column with {@code body :} would cost a filter of every matching row's
 * positions (+40% on "the"). Only {@link #inConversation} adds a condition on the conversation column.
 */
final class Fts5Match {

    private Fts5Match() {
    }

    /** The expression, or empty when there is nothing to match. */
    static String of(SearchTerms terms) {
        StringJoiner all = new StringJoiner(" AND ");
        for (SearchTerms.Term term : terms.terms()) {
            all.add(switch (term) {
                case SearchTerms.Word(String text, boolean prefix) -> term(text) + (prefix ? "*" : "");
                case SearchTerms.Phrase(var words, boolean prefixLast) ->
                        term(String.join(" ", words)) + (prefixLast ? "*" : "");
            });
        }
        return all.toString();
    }

    /** The expression limited to the messages of one conversation, or empty when there is nothing to match. */
    static String inConversation(SearchTerms terms, long conversationId) {
        String match = of(terms);
        return match.isEmpty() ? match : match + " AND conversation_token : " + quoted(conversationToken(conversationId));
    }

    /** The token schema step 3 indexes for a conversation ({@code char(57344) || conversation_id}). */
    static String conversationToken(long conversationId) {
        return "\uE000" + conversationId;
    }

    /** A term as an FTS5 string; a private-use character (SearchTerms keeps none) only separates words here. */
    private static String term(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(Character.getType(cp) == Character.PRIVATE_USE ? ' ' : cp));
        return quoted(out.toString());
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
