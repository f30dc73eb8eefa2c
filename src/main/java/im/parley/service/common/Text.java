package im.parley.service.common;

/** Checks on untrusted text (names, nicknames, status lines) before it reaches the screen. */
public final class Text {

    private Text() {
    }

    public static boolean containsBidiControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isBidiControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Makes untrusted one-line text safe to show: strips bidi overrides/isolates and control
     * characters (so a name cannot flip the surrounding text) and caps its length. Only the
     * characters that are kept count towards {@code maxChars}; text that had to be cut ends in '…'
     * (never in half a surrogate pair).
     */
    public static String sanitizeLine(String s, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1: " + maxChars);
        }
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), maxChars + 1));
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isBidiControl(c)) {
                continue;
            }
            char shown = Character.isISOControl(c) ? ' ' : c;
            boolean blank = Character.isWhitespace(shown) || Character.isSpaceChar(shown);
            if (blank && out.isEmpty()) {
                continue; // leading blanks would be stripped anyway; they must not use up the limit
            }
            out.append(shown);
            if (out.length() > maxChars && !blank) {
                break; // more visible text than fits: it will be cut
            }
        }
        stripTrailing(out);
        if (out.length() > maxChars) {
            int cut = maxChars - 1;
            if (cut > 0 && Character.isHighSurrogate(out.charAt(cut - 1))) {
                cut--;
            }
            out.setLength(cut);
            stripTrailing(out);
            out.append('…');
        }
        return out.toString();
    }

    private static void stripTrailing(StringBuilder out) {
        int end = out.length();
        while (end > 0 && (Character.isWhitespace(out.charAt(end - 1)) || Character.isSpaceChar(out.charAt(end - 1)))) {
            end--;
        }
        out.setLength(end);
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }
}
