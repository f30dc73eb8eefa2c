package im.parley.service.search;

import im.parley.service.chat.Direction;
import im.parley.service.common.Jid;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message that matched: where it is ({@code conversation}, {@code messageId} as the store knows it), who
 * wrote it and when, and a snippet of its body around the match. {@code sender} may be null (unknown).
 * {@code toString()} leaves out the snippet, which is message text.
 */
public record SearchHit(Jid conversation, String messageId, Direction direction, Jid sender, Instant timestamp,
                        List<SnippetSegment> snippet) {

    public SearchHit {
        conversation = conversation.bare();
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(direction);
        Objects.requireNonNull(timestamp);
        snippet = List.copyOf(snippet);
    }

    /** The snippet as plain text (for accessibility and tests). */
    public String snippetText() {
        StringBuilder out = new StringBuilder();
        snippet.forEach(s -> out.append(s.text()));
        return out.toString();
    }

    @Override
    public String toString() {
        return "SearchHit[conversation=" + conversation + ", id=" + messageId + ", " + direction + ", " + timestamp
                + ", " + snippet.size() + " segments]";
    }
}
