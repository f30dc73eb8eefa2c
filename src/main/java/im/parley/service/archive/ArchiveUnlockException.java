package im.parley.service.archive;

import java.util.Objects;

/** Why the archive could not be created or opened, with a message for the user. */
public final class ArchiveUnlockException extends Exception {

    /** The closed set of reasons the unlock screen tells apart. */
    public enum Reason {
        WRONG_PASSPHRASE,
        KEYCHAIN_UNAVAILABLE,
        KEYCHAIN_KEY_MISSING,
        DAMAGED,
        NEWER_VERSION,
        STORAGE
    }

    private final Reason reason;

    public ArchiveUnlockException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public ArchiveUnlockException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
