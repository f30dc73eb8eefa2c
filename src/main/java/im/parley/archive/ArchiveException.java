package im.parley.archive;

/** The encrypted archive could not do what was asked; the message says what, never with message content. */
public final class ArchiveException extends RuntimeException {

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
