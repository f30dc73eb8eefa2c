package im.parley.archive.db;

/** The key does not open this archive; nothing in the archive was touched. */
public final class WrongKeyException extends Exception {

    public WrongKeyException(String message) {
        super(message);
    }
}
