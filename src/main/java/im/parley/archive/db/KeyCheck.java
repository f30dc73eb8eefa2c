package im.parley.archive.db;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A small file next to the archive that tells a right key from a wrong one without opening the database: a wrong
 * key's read-write open of an archive with an un-checkpointed WAL destroys it for every key (FACTS.md). It holds a
 * random salt and HMAC-SHA256(key, label ‖ salt), which says nothing about the key itself.
 */
final class KeyCheck {

    private static final byte[] LABEL = "parley archive key check v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int SALT_BYTES = 16;
    private static final int MAC_BYTES = 32;

    private final Path file;

    /** The check stored in {@code file} (for example {@link ArchiveFiles#keyCheck()}). */
    KeyCheck(Path file) {
        this.file = file.toAbsolutePath();
    }

    Path file() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** Writes the check for {@code key} durably and atomically: a crash leaves the old file or the new one. */
    void write(ArchiveKey key) throws IOException {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        Path tmp = ArchiveFiles.temporary(file);
        Durable.write(tmp, concat(salt, mac(key, salt)));
        Durable.rename(tmp, file);
    }

    /** @throws WrongKeyException when the key is not the one the archive was made with */
    void verify(ArchiveKey key) throws IOException, WrongKeyException {
        byte[] content = Files.readAllBytes(file);
        if (content.length != SALT_BYTES + MAC_BYTES) {
            throw new IOException("The key check file " + file + " is damaged (" + content.length + " bytes)");
        }
        byte[] salt = Arrays.copyOf(content, SALT_BYTES);
        byte[] expected = Arrays.copyOfRange(content, SALT_BYTES, content.length);
        if (!MessageDigest.isEqual(expected, mac(key, salt))) {
            throw new WrongKeyException("This passphrase does not open the archive. Nothing was changed.");
        }
    }

    private static byte[] mac(ArchiveKey key, byte[] salt) {
        byte[] raw = key.bytes();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(raw, "HmacSHA256"));
            mac.update(LABEL);
            return mac.doFinal(salt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
