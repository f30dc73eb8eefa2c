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
     * characters (so a name cannot flip the surrounding text) and caps its length.
     */
    public static String sanitizeLine(String s, int maxChars) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), maxChars));
        for (int i = 0; i < s.length() && out.length() < maxChars; i++) {
            char c = s.charAt(i);
            if (isBidiControl(c)) {
                continue;
            }
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (out.length() >= maxChars && s.length() > maxChars) {
            out.setLength(maxChars - 1);
            out.append('…');
        }
        return out.toString().strip();
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }
}
