package im.parley.service.archive;

/** Where the archive's key comes from at start. */
public enum KeySource {
    /** Derived from a passphrase the user types (Argon2id). */
    PASSPHRASE,
    /** A random key kept in the OS keychain; unlocks silently. */
    KEYCHAIN
}
