package im.parley.archive.db;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Turns the user's passphrase into the archive key with Argon2id (memory-hard), once per unlock; every database
 * connection then uses the raw key, so SQLCipher's own PBKDF2 never runs on top.
 */
public final class PassphraseKdf {

    /** How a key was derived; stored next to the archive (none of it is secret). */
    public record Parameters(byte[] salt, int memoryKiB, int iterations, int parallelism) {

        public static final int SALT_BYTES = 16;

        public Parameters {
            if (salt == null || salt.length != SALT_BYTES) {
                throw new IllegalArgumentException("The salt has " + SALT_BYTES + " bytes");
            }
            if (memoryKiB < 8 * 1024 || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("Argon2id parameters too weak: " + memoryKiB + " KiB, "
                        + iterations + " passes, " + parallelism + " lanes");
            }
            salt = salt.clone();
        }

        /** Fresh parameters for a new archive: 64 MiB, 3 passes, 2 lanes, a random salt. */
        public static Parameters fresh() {
            byte[] salt = new byte[SALT_BYTES];
            new SecureRandom().nextBytes(salt);
            return new Parameters(salt, 64 * 1024, 3, 2);
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }
    }

    private PassphraseKdf() {
    }

    public static ArchiveKey derive(char[] passphrase, Parameters parameters) {
        Argon2Parameters argon = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(parameters.salt())
                .withMemoryAsKB(parameters.memoryKiB())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(argon);
        byte[] secret = utf8(passphrase);
        byte[] key = new byte[ArchiveKey.BYTES];
        try {
            generator.generateBytes(secret, key);
            return new ArchiveKey(key);
        } finally {
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }

    /** UTF-8 bytes of the passphrase without an intermediate String (which could not be wiped). */
    private static byte[] utf8(char[] passphrase) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
