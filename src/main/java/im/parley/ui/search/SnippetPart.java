package im.parley.ui.search;

/** A piece of a result's snippet, shown bold and in the accent colour when {@code highlighted}. */
public record SnippetPart(String text, boolean highlighted) {

    @Override
    public String toString() {
        return "SnippetPart[" + text.length() + " chars" + (highlighted ? ", highlighted" : "") + "]";
    }
}
