package im.parley.service.chat;

/** The archive does not know the id a query paged from (item-not-found: expired, deleted or another archive). */
public final class ArchiveCursorUnknownException extends RuntimeException {

    public ArchiveCursorUnknownException(String id, Throwable cause) {
        super("The server's message archive no longer knows the message " + id, cause);
    }
}
