package im.parley.archive;

import im.parley.service.search.SearchTerms;

import java.util.StringJoiner;

/**
 * Turns parsed search terms into an FTS5 MATCH expression. Every word goes inside a double-quoted FTS5 string,
 * where no character is an operator, so nothing the user typed can become FTS5 syntax; the words contain no
 * double quote (see {@link SearchTerms}), and the tokenizer folds case and accents as it did when indexing.
 */
final class Fts5Match {

    private Fts5Match() {
    }

    /** The expression, or empty when there is nothing to match. */
    static String of(SearchTerms terms) {
        StringJoiner all = new StringJoiner(" AND ");
        for (SearchTerms.Term term : terms.terms()) {
            all.add(switch (term) {
                case SearchTerms.Word(String text, boolean prefix) -> quoted(text) + (prefix ? "*" : "");
                case SearchTerms.Phrase(var words, boolean prefixLast) ->
                        quoted(String.join(" ", words)) + (prefixLast ? "*" : "");
            });
        }
        return all.toString();
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
