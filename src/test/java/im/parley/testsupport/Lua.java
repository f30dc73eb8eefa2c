package im.parley.testsupport;

/** Lua source literals for Prosody's config file and its internal storage files. */
final class Lua {

    private Lua() {
    }

    /**
     * A double-quoted Lua string literal. Non-ASCII text stays as is (the file is written as UTF-8, and Lua
     * strings are byte strings); quotes, backslashes and control characters are escaped.
     */
    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\%03d", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
