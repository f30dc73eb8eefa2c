package im.parley.archive;

/** The one-line preview of a message body that a conversation list shows. */
final class Previews {

    private static final int PREVIEW_CHARS = 80;

    private Previews() {
    }

    static String of(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= PREVIEW_CHARS ? oneLine : oneLine.substring(0, PREVIEW_CHARS - 1) + "…";
    }
}
