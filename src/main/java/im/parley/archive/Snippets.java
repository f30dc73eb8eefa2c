package im.parley.archive;

import im.parley.service.search.SnippetSegment;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The markers FTS5's {@code snippet()} puts around matches, and the split of its result into segments. A body
 * may itself contain control characters (it came from the network), so each search uses markers with a fresh
 * random part that no stored text can anticipate; leftover control characters are shown as spaces.
 */
record Snippets(String open, String close) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static Snippets fresh() {
        byte[] nonce = new byte[8];
        RANDOM.nextBytes(nonce);
        String tag = HexFormat.of().formatHex(nonce);
        return new Snippets("\u0002" + tag + "\u0003", "\u0004" + tag + "\u0003");
    }

    List<SnippetSegment> split(String snippet) {
        List<SnippetSegment> segments = new ArrayList<>();
        if (snippet == null) {
            return segments;
        }
        int i = 0;
        while (i < snippet.length()) {
            int start = snippet.indexOf(open, i);
            if (start < 0) {
                add(segments, snippet.substring(i), false);
                break;
            }
            add(segments, snippet.substring(i, start), false);
            int from = start + open.length();
            int end = snippet.indexOf(close, from);
            if (end < 0) {
                add(segments, snippet.substring(from), true);
                break;
            }
            add(segments, snippet.substring(from, end), true);
            i = end + close.length();
        }
        return segments;
    }

    private static void add(List<SnippetSegment> segments, String raw, boolean highlighted) {
        String text = shown(raw);
        if (text.isEmpty()) {
            return;
        }
        if (!segments.isEmpty() && segments.getLast().highlighted() == highlighted) {
            SnippetSegment last = segments.removeLast();
            segments.add(new SnippetSegment(last.text() + text, highlighted));
        } else {
            segments.add(new SnippetSegment(text, highlighted));
        }
    }

    /** One line: line breaks, tabs and other control characters become spaces. */
    private static String shown(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "Snippets[markers]";
    }
}
