package im.parley.service.search;

import java.util.Objects;

/** A piece of a hit's snippet; {@code highlighted} when it matched the query. The text stays out of toString. */
public record SnippetSegment(String text, boolean highlighted) {

    public SnippetSegment {
        Objects.requireNonNull(text);
    }

    @Override
    public String toString() {
        return "SnippetSegment[" + text.length() + " chars" + (highlighted ? ", highlighted" : "") + "]";
    }
}
