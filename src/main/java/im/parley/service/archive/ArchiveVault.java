package im.parley.service.archive;

/**
 * Port: the encrypted archive's lock. Calls block (key derivation, file checks) and must run off the UI thread;
 * {@link ArchiveService} does that. Passphrase arrays are the caller's to wipe.
 */
public interface ArchiveVault {

    /** True when this profile already has an archive (unlock it) rather than none yet (create it). */
    boolean exists();

    /** How the existing archive's key is kept; only meaningful when {@link #exists()}. */
    KeySource keySource();

    /** True when the OS keychain answers, so the key can be kept there. May block briefly. */
    boolean keychainAvailable();

    /** Creates the archive, its key derived from the passphrase. */
    void create(char[] passphrase) throws ArchiveUnlockException;

    /** Creates the archive with a random key kept in the OS keychain (no passphrase to type at start). */
    void createWithKeychain() throws ArchiveUnlockException;

    /**
     * Opens the existing archive with the passphrase.
     *
     * @throws ArchiveUnlockException with {@link ArchiveUnlockException.Reason#WRONG_PASSPHRASE} when it is not the
     *                                archive's, in which case nothing on disk was touched
     */
    void unlock(char[] passphrase) throws ArchiveUnlockException;

    /** Opens the existing archive with the key kept in the OS keychain. */
    void unlockFromKeychain() throws ArchiveUnlockException;

    /**
     * Changes the passphrase of the open archive. A crash in the middle leaves the old or the new passphrase
     * working. The archive is closed and opened again meanwhile, so everything holding it must be rebuilt after.
     *
     * @throws ArchiveUnlockException with {@link ArchiveUnlockException.Reason#WRONG_PASSPHRASE} when
     *                                {@code current} is not the archive's passphrase; nothing changed then
     */
    void changePassphrase(char[] current, char[] next) throws ArchiveUnlockException;
}
