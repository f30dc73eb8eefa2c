package im.parley.ui.unlock;

/** What the archive screen asks for. */
public enum UnlockMode {
    /** No archive yet: choose a passphrase (or the keychain). */
    CREATE,
    /** An archive locked by a passphrase. */
    UNLOCK,
    /** An archive whose key is in the keychain: opening silently, or showing why it could not. */
    KEYCHAIN
}
