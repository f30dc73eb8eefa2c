package im.parley.archive;

import im.parley.archive.db.ArchiveKey;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.archive.db.PassphraseKdf;
import im.parley.archive.db.Rekey;
import im.parley.archive.db.WrongKeyException;
import im.parley.service.archive.ArchiveUnlockException;
import im.parley.service.archive.ArchiveUnlockException.Reason;
import im.parley.service.archive.ArchiveVault;
import im.parley.service.archive.KeySource;
import im.parley.service.archive.Keychain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The profile's archive file and how its key is found: derived from a passphrase with the Argon2id parameters in
 * {@code archive.kdf.properties}, or a random key in the OS keychain. Once unlocked it holds the open
 * {@link EncryptedDatabase} for the stores.
 */
public final class SqlArchiveVault implements ArchiveVault, AutoCloseable {

    public static final String FILE_NAME = "archive.db";

    private final Path file;
    private final KeyDerivationFile settings;
    private final Keychain keychain;
    private final String keychainEntry;
    private volatile EncryptedDatabase database;

    public SqlArchiveVault(Path directory, Keychain keychain) {
        this.file = directory.resolve(FILE_NAME);
        this.settings = new KeyDerivationFile(directory.resolve("archive.kdf.properties"));
        this.keychain = keychain;
        this.keychainEntry = "archive key for " + file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    @Override
    public boolean exists() {
        return Files.exists(file);
    }

    @Override
    public KeySource keySource() {
        try {
            return settings.read().map(KeyDerivationFile.Settings::source).orElse(KeySource.PASSPHRASE);
        } catch (IOException e) {
            return KeySource.PASSPHRASE;
        }
    }

    @Override
    public boolean keychainAvailable() {
        return keychain.available();
    }

    @Override
    public void create(char[] passphrase) throws ArchiveUnlockException {
        refuseIfExists();
        PassphraseKdf.Parameters parameters = PassphraseKdf.Parameters.fresh();
        storeSettings(new KeyDerivationFile.Settings(KeySource.PASSPHRASE, parameters));
        open(PassphraseKdf.derive(passphrase, parameters));
    }

    @Override
    public void createWithKeychain() throws ArchiveUnlockException {
        refuseIfExists();
        byte[] raw = new byte[ArchiveKey.BYTES];
        new SecureRandom().nextBytes(raw);
        try {
            keychain.save(keychainEntry, HexFormat.of().formatHex(raw));
            storeSettings(new KeyDerivationFile.Settings(KeySource.KEYCHAIN, null));
            open(new ArchiveKey(raw));
        } catch (Keychain.KeychainException e) {
            throw new ArchiveUnlockException(Reason.KEYCHAIN_UNAVAILABLE,
                    "The system keychain did not take the key (" + e.getMessage() + "). Choose a passphrase instead.", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    @Override
    public void unlock(char[] passphrase) throws ArchiveUnlockException {
        KeyDerivationFile.Settings found = readSettings();
        if (found.source() != KeySource.PASSPHRASE) {
            throw new ArchiveUnlockException(Reason.WRONG_PASSPHRASE,
                    "This archive is unlocked by the system keychain, not by a passphrase.");
        }
        open(PassphraseKdf.derive(passphrase, found.parameters()));
    }

    @Override
    public void unlockFromKeychain() throws ArchiveUnlockException {
        if (readSettings().source() != KeySource.KEYCHAIN) {
            throw new ArchiveUnlockException(Reason.KEYCHAIN_KEY_MISSING, "This archive is locked by a passphrase.");
        }
        Optional<String> stored;
        try {
            stored = keychain.load(keychainEntry);
        } catch (Keychain.KeychainException e) {
            throw new ArchiveUnlockException(Reason.KEYCHAIN_UNAVAILABLE,
                    "The system keychain cannot be reached (" + e.getMessage() + "), so the archive stays locked. "
                            + "Unlock the keychain (log in to your desktop session) and try again.", e);
        }
        if (stored.isEmpty()) {
            throw new ArchiveUnlockException(Reason.KEYCHAIN_KEY_MISSING,
                    "The archive's key is no longer in the system keychain, so the archive cannot be opened. "
                            + "Nothing was changed; if you restore the keychain entry it will open again.");
        }
        byte[] raw;
        try {
            raw = HexFormat.of().parseHex(stored.get());
        } catch (IllegalArgumentException e) {
            throw new ArchiveUnlockException(Reason.KEYCHAIN_KEY_MISSING, "The keychain entry for the archive is not a key.");
        }
        try {
            if (raw.length != ArchiveKey.BYTES) {
                throw new ArchiveUnlockException(Reason.KEYCHAIN_KEY_MISSING, "The keychain entry for the archive is not a key.");
            }
            open(new ArchiveKey(raw), "The key in the system keychain");
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    @Override
    public void changePassphrase(char[] current, char[] next) throws ArchiveUnlockException {
        KeyDerivationFile.Settings found = readSettings();
        if (found.source() != KeySource.PASSPHRASE) {
            throw new ArchiveUnlockException(Reason.STORAGE,
                    "This archive's key is kept in the system keychain; it has no passphrase to change.");
        }
        // The salt and cost stay: the key check is the one commit point of a rekey, and a second file changing
        // alongside it could not change in the same atomic step.
        try (ArchiveKey currentKey = PassphraseKdf.derive(current, found.parameters());
             ArchiveKey nextKey = PassphraseKdf.derive(next, found.parameters())) {
            EncryptedDatabase open = database();
            if (!open.hasKey(currentKey)) {
                throw new ArchiveUnlockException(Reason.WRONG_PASSPHRASE,
                        "The current passphrase is not right. Nothing was changed.");
            }
            if (open.hasKey(nextKey)) {
                throw new ArchiveUnlockException(Reason.STORAGE, "The new passphrase is the current one.");
            }
            try {
                close();
            } catch (SQLException e) {
                throw new ArchiveUnlockException(Reason.STORAGE, "The archive could not be closed for the change: "
                        + e.getMessage(), e);
            }
            try {
                Rekey.rekey(file, currentKey, nextKey);
            } catch (WrongKeyException | IOException | SQLException | RuntimeException e) {
                open(currentKey.copy(), "The current passphrase");
                throw new ArchiveUnlockException(Reason.STORAGE,
                        "The passphrase was not changed (" + e.getMessage() + "). The archive still opens with the "
                                + "current one.", e);
            }
            open(nextKey.copy(), "The new passphrase");
        }
    }

    /** The open archive; only after a successful create or unlock. */
    public EncryptedDatabase database() {
        EncryptedDatabase open = database;
        if (open == null) {
            throw new IllegalStateException("The archive is locked");
        }
        return open;
    }

    private void open(ArchiveKey key) throws ArchiveUnlockException {
        open(key, "That passphrase");
    }

    private void open(ArchiveKey key, String what) throws ArchiveUnlockException {
        try (key) {
            database = EncryptedDatabase.open(file, key);
        } catch (WrongKeyException e) {
            throw new ArchiveUnlockException(Reason.WRONG_PASSPHRASE,
                    what + " does not unlock this archive. Nothing was changed; try again.", e);
        } catch (SQLException e) {
            boolean newer = e.getMessage() != null && e.getMessage().contains("newer Parley");
            throw new ArchiveUnlockException(newer ? Reason.NEWER_VERSION : Reason.DAMAGED,
                    newer ? e.getMessage() : "The archive could not be opened: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ArchiveUnlockException(Reason.STORAGE, "The archive could not be read: " + e.getMessage(), e);
        }
    }

    private void refuseIfExists() throws ArchiveUnlockException {
        if (exists()) {
            throw new ArchiveUnlockException(Reason.STORAGE, "An archive already exists at " + file + ".");
        }
    }

    private void storeSettings(KeyDerivationFile.Settings value) throws ArchiveUnlockException {
        try {
            settings.write(value);
        } catch (IOException e) {
            throw new ArchiveUnlockException(Reason.STORAGE, "Cannot write " + settings.file() + ": " + e.getMessage(), e);
        }
    }

    private KeyDerivationFile.Settings readSettings() throws ArchiveUnlockException {
        try {
            return settings.read().orElseThrow(() -> new ArchiveUnlockException(Reason.DAMAGED,
                    "The archive's key settings (" + settings.file().getFileName()
                            + ") are missing, so no passphrase can open it. Restore that file from a backup."));
        } catch (IOException | IllegalArgumentException e) {
            throw new ArchiveUnlockException(Reason.DAMAGED,
                    "The archive's key settings (" + settings.file().getFileName() + ") cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        EncryptedDatabase open = database;
        database = null;
        if (open != null) {
            open.close();
        }
    }
}
