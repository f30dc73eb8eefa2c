package im.parley.service.search;

import im.parley.service.common.Jid;

import java.util.Objects;
import java.util.Optional;

/**
 * What the user asked for: their text (see {@link SearchTerms} for how it is read), optionally one
 * conversation, and how many hits at most. {@code toString()} leaves the text out so it never reaches a log.
 */
public record SearchQuery(String text, Optional<Jid> conversation, int limit) {

    public static final int MAX_LIMIT = 1_000;

    public SearchQuery {
        text = text == null ? "" : text;
        conversation = Objects.requireNonNull(conversation).map(Jid::bare);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
    }

    public static SearchQuery everywhere(String text, int limit) {
        return new SearchQuery(text, Optional.empty(), limit);
    }

    public static SearchQuery in(Jid conversation, String text, int limit) {
        return new SearchQuery(text, Optional.of(conversation), limit);
    }

    public SearchTerms terms() {
        return SearchTerms.parse(text);
    }

    @Override
    public String toString() {
        return "SearchQuery[" + text.length() + " chars, conversation=" + conversation.map(Jid::toString).orElse("all")
                + ", limit=" + limit + "]";
    }
}
