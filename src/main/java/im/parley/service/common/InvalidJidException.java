package im.parley.service.common;

/** A text that is not an XMPP address; the message is written for the user. */
public final class InvalidJidException extends IllegalArgumentException {
    public InvalidJidException(String message) {
        super(message);
    }
}
