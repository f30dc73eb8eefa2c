package im.parley.archive;

import im.parley.service.archive.ArchiveUnlockException;
import im.parley.service.archive.ArchiveUnlockException.Reason;
import im.parley.service.archive.KeySource;
import im.parley.service.archive.Keychain;
import im.parley.service.common.Jid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The archive's lock on the real SQLCipher driver: passphrase and keychain paths, and every way they can fail. */
class SqlArchiveVaultTest {

    private static final Jid ME = Jid.parse("me@example.org");
    private static final String PASSPHRASE = "tangerine orbit velvet cactus";

    @TempDir
    Path dir;

    private final MapKeychain keychain = new MapKeychain();

    @Test
    void aNewProfileHasNoArchiveAndCreatingOneMakesIt() throws Exception {
        try (SqlArchiveVault vault = new SqlArchiveVault(dir, keychain)) {
            assertThat(vault.exists()).isFalse();
            vault.create(PASSPHRASE.toCharArray());
            assertThat(vault.exists()).isTrue();
            assertThat(vault.keySource()).isEqualTo(KeySource.PASSPHRASE);
            new SqlCertificatePinStore(vault.database(), Clock.systemUTC()).pin(ME, fingerprint());
        }
        try (SqlArchiveVault reopened = new SqlArchiveVault(dir, keychain)) {
            reopened.unlock(PASSPHRASE.toCharArray());
            assertThat(new SqlCertificatePinStore(reopened.database(), Clock.systemUTC()).pinnedFingerprint(ME))
                    .contains(fingerprint());
        }
        assertThat(keychain.entries).as("a passphrase archive keeps nothing in the keychain").isEmpty();
    }

    @Test
    void aWrongPassphraseIsRefusedAndTouchesNothing() throws Exception {
        try (SqlArchiveVault vault = new SqlArchiveVault(dir, keychain)) {
            vault.create(PASSPHRASE.toCharArray());
        }
        String before = digest();
        try (SqlArchiveVault vault = new SqlArchiveVault(dir, keychain)) {
            assertThatThrownBy(() -> vault.unlock("tangerine orbit velvet cactuS".toCharArray()))
                    .isInstanceOfSatisfying(ArchiveUnlockException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSPHRASE);
                        assertThat(e.getMessage()).contains("does not unlock").contains("Nothing was changed");
                    });
            assertThatThrownBy(vault::database).isInstanceOf(IllegalStateException.class);
        }
        assertThat(digest()).isEqualTo(before);
    }

    @Test
    void missingOrBrokenKeySettingsAreReportedAsDamageNotAsAWrongPassphrase() throws Exception {
        try (SqlArchiveVault vault = new SqlArchiveVault(dir, keychain)) {
            vault.create(PASSPHRASE.toCharArray());
        }
        Path settings = dir.resolve("archive.kdf.properties");
        String original = Files.readString(settings);
        Files.writeString(settings, original.replaceAll("salt=.*", "salt=zz"));
        assertThatThrownBy(() -> new SqlArchiveVault(dir, keychain).unlock(PASSPHRASE.toCharArray()))
                .isInstanceOfSatisfying(ArchiveUnlockException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DAMAGED));
        Files.delete(settings);
        assertThatThrownBy(() -> new SqlArchiveVault(dir, keychain).unlock(PASSPHRASE.toCharArray()))
                .isInstanceOfSatisfying(ArchiveUnlockException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DAMAGED);
                    assertThat(e.getMessage()).contains("missing");
                });
        Files.writeString(settings, original);
        try (SqlArchiveVault vault = new SqlArchiveVault(dir, keychain)) {
            vault.unlock(PASSPHRASE.toCharArray());
        }
    }

    @Test
    void thePassphraseChangesOnlyWithTheRightCurrentOneAndTheOldOneThenFails() throws Exception {
        String next = "seven quiet lanterns over the bay";
        try (SqlArchiveVault vault = new SqlArchiveVault(dir, keychain)) {
            vault.create(PASSPHRASE.toCharArray());
            new SqlCertificatePinStore(vault.database(), Clock.systemUTC()).pin(ME, fingerprint());
            String before = digest();
            assertThatThrownBy(() -> vault.changePassphrase("not the passphrase".toCharArray(), next.toCharArray()))
                    .isInstanceOfSatisfying(ArchiveUnlockException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSPHRASE));
            assertThat(vault.database().schemaVersion()).as("still open after a refused change").isPositive();
            assertThatThrownBy(() -> vault.changePassphrase(PASSPHRASE.toCharArray(), PASSPHRASE.toCharArray()))
                    .isInstanceOf(ArchiveUnlockException.class).hasMessageContaining("current one");
            vault.changePassphrase(PASSPHRASE.toCharArray(), next.toCharArray());
            assertThat(new SqlCertificatePinStore(vault.database(), Clock.systemUTC()).pinnedFingerprint(ME))
                    .as("open again, under the new key, with its data").contains(fingerprint());
            assertThat(digest()).isNotEqualTo(before);
        }
        assertThatThrownBy(() -> new SqlArchiveVault(dir, keychain).unlock(PASSPHRASE.toCharArray()))
                .isInstanceOfSatisfying(ArchiveUnlockException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSPHRASE));
        try (SqlArchiveVault vault = new SqlArchiveVault(dir, keychain)) {
            vault.unlock(next.toCharArray());
            assertThat(new SqlCertificatePinStore(vault.database(), Clock.systemUTC()).pinnedFingerprint(ME))
                    .contains(fingerprint());
        }
    }

    @Test
    void anArchiveIsNeverCreatedOverAnExistingOne() throws Exception {
        try (SqlArchiveVault vault = new SqlArchiveVault(dir, keychain)) {
            vault.create(PASSPHRASE.toCharArray());
        }
        String before = digest();
        assertThatThrownBy(() -> new SqlArchiveVault(dir, keychain).create("another passphrase entirely".toCharArray()))
                .isInstanceOf(ArchiveUnlockException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> new SqlArchiveVault(dir, keychain).createWithKeychain())
                .isInstanceOf(ArchiveUnlockException.class);
        assertThat(digest()).isEqualTo(before);
    }

    @Test
    void aKeychainArchiveOpensSilentlyWithTheStoredKeyAndNotWithAPassphrase() throws Exception {
        try (SqlArchiveVault vault = new SqlArchiveVault(dir, keychain)) {
            vault.createWithKeychain();
            assertThat(vault.keySource()).isEqualTo(KeySource.KEYCHAIN);
        }
        assertThat(keychain.entries).hasSize(1);
        assertThat(keychain.entries.values().iterator().next()).matches("[0-9a-f]{64}");
        assertThat(Files.readString(dir.resolve("archive.kdf.properties")))
                .as("the key itself is only in the keychain").doesNotContain(keychain.entries.values().iterator().next());
        try (SqlArchiveVault vault = new SqlArchiveVault(dir, keychain)) {
            assertThat(vault.keySource()).isEqualTo(KeySource.KEYCHAIN);
            vault.unlockFromKeychain();
            assertThat(vault.database().schemaVersion()).isPositive();
        }
        assertThatThrownBy(() -> new SqlArchiveVault(dir, keychain).unlock(PASSPHRASE.toCharArray()))
                .isInstanceOf(ArchiveUnlockException.class).hasMessageContaining("keychain");
    }

    @Test
    void aKeychainKeyThatIsGoneOrUnreachableLeavesTheArchiveLockedAndUntouched() throws Exception {
        try (SqlArchiveVault vault = new SqlArchiveVault(dir, keychain)) {
            vault.createWithKeychain();
        }
        String before = digest();
        String key = keychain.entries.values().iterator().next();

        keychain.failing = true;
        assertThatThrownBy(() -> new SqlArchiveVault(dir, keychain).unlockFromKeychain())
                .isInstanceOfSatisfying(ArchiveUnlockException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.KEYCHAIN_UNAVAILABLE));
        keychain.failing = false;

        keychain.entries.replaceAll((k, v) -> "not hex");
        assertThatThrownBy(() -> new SqlArchiveVault(dir, keychain).unlockFromKeychain())
                .isInstanceOfSatisfying(ArchiveUnlockException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.KEYCHAIN_KEY_MISSING));
        keychain.entries.replaceAll((k, v) -> "ab".repeat(16));
        assertThatThrownBy(() -> new SqlArchiveVault(dir, keychain).unlockFromKeychain())
                .isInstanceOfSatisfying(ArchiveUnlockException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.KEYCHAIN_KEY_MISSING));
        keychain.entries.replaceAll((k, v) -> "00".repeat(32));
        assertThatThrownBy(() -> new SqlArchiveVault(dir, keychain).unlockFromKeychain())
                .isInstanceOfSatisfying(ArchiveUnlockException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSPHRASE));
        keychain.entries.clear();
        assertThatThrownBy(() -> new SqlArchiveVault(dir, keychain).unlockFromKeychain())
                .isInstanceOfSatisfying(ArchiveUnlockException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.KEYCHAIN_KEY_MISSING);
                    assertThat(e.getMessage()).contains("no longer in the system keychain");
                });
        assertThat(digest()).isEqualTo(before);

        keychain.entries.put("archive key for " + dir.resolve("archive.db").toAbsolutePath().normalize(), key);
        try (SqlArchiveVault vault = new SqlArchiveVault(dir, keychain)) {
            vault.unlockFromKeychain();
        }
    }

    @Test
    void aKeychainThatRefusesTheKeyCreatesNothing() {
        keychain.failing = true;
        assertThatThrownBy(() -> new SqlArchiveVault(dir, keychain).createWithKeychain())
                .isInstanceOfSatisfying(ArchiveUnlockException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.KEYCHAIN_UNAVAILABLE));
        assertThat(new SqlArchiveVault(dir, keychain).exists()).isFalse();
    }

    private static String fingerprint() {
        return String.join(":", java.util.Collections.nCopies(32, "AB"));
    }

    private String digest() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A keychain in memory, for this class only; it can be made to refuse. */
    private static final class MapKeychain implements Keychain {
        final Map<String, String> entries = new HashMap<>();
        boolean failing;

        @Override
        public boolean available() {
            return !failing;
        }

        @Override
        public Optional<String> load(String entry) throws KeychainException {
            refuseIfFailing();
            return Optional.ofNullable(entries.get(entry));
        }

        @Override
        public void save(String entry, String secret) throws KeychainException {
            refuseIfFailing();
            entries.put(entry, secret);
        }

        @Override
        public void delete(String entry) throws KeychainException {
            refuseIfFailing();
            entries.remove(entry);
        }

        private void refuseIfFailing() throws KeychainException {
            if (failing) {
                throw new KeychainException("locked", null);
            }
        }
    }
}
