package im.parley.archive.db;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PassphraseKdfTest {

    private static final PassphraseKdf.Parameters FAST =
            new PassphraseKdf.Parameters(new byte[PassphraseKdf.Parameters.SALT_BYTES], 8 * 1024, 1, 1);

    @Test
    void theSamePassphraseAndParametersGiveTheSameKeyAndAnotherPassphraseAnother() {
        ArchiveKey a = PassphraseKdf.derive("correct horse battery staple".toCharArray(), FAST);
        ArchiveKey b = PassphraseKdf.derive("correct horse battery staple".toCharArray(), FAST);
        ArchiveKey c = PassphraseKdf.derive("correct horse battery stapler".toCharArray(), FAST);

        assertThat(a.sameAs(b.bytes())).isTrue();
        assertThat(a.sameAs(c.bytes())).isFalse();
    }

    @Test
    void anotherSaltGivesAnotherKey() {
        byte[] salt = new byte[PassphraseKdf.Parameters.SALT_BYTES];
        salt[0] = 1;
        ArchiveKey a = PassphraseKdf.derive("pässwörd 🔑".toCharArray(), FAST);
        ArchiveKey b = PassphraseKdf.derive("pässwörd 🔑".toCharArray(), new PassphraseKdf.Parameters(salt, 8 * 1024, 1, 1));

        assertThat(a.sameAs(b.bytes())).isFalse();
    }

    @Test
    void agreesWithTheReferenceArgon2Implementation() {
        // Expected value from Debian's `argon2` (the reference C implementation):
        // echo -n password | argon2 somesaltsomesalt -id -t 1 -m 13 -p 1 -l 32 -r
        byte[] salt = "somesaltsomesalt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ArchiveKey key = PassphraseKdf.derive("password".toCharArray(), new PassphraseKdf.Parameters(salt, 8 * 1024, 1, 1));
        assertThat(java.util.HexFormat.of().formatHex(key.bytes()))
                .isEqualTo("84fb006bbc3cd69895722b64b5bf735251a9e8e9f3ecb93ff595b98aeb7accb7");
    }

    @Test
    void weakParametersAreRefused() {
        assertThatThrownBy(() -> new PassphraseKdf.Parameters(new byte[16], 1024, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PassphraseKdf.Parameters(new byte[8], 64 * 1024, 3, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDerivedKeyOpensTheArchiveItCreated(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        PassphraseKdf.Parameters parameters = PassphraseKdf.Parameters.fresh();
        Path file = dir.resolve("archive.db");
        try (EncryptedDatabase db = EncryptedDatabase.open(file, PassphraseKdf.derive("s3cret".toCharArray(), parameters))) {
            assertThat(db.schemaVersion()).isPositive();
        }
        try (EncryptedDatabase db = EncryptedDatabase.open(file, PassphraseKdf.derive("s3cret".toCharArray(), parameters))) {
            assertThat(db.schemaVersion()).isPositive();
        }
        assertThatThrownBy(() -> EncryptedDatabase.open(file, PassphraseKdf.derive("s3cret!".toCharArray(), parameters)))
                .isInstanceOf(WrongKeyException.class);
    }
}
