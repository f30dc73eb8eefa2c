package im.parley.archive.db;

import java.security.MessageDigest;
import java.util.Arrays;

/** The 256-bit key of the archive, already derived; SQLCipher uses it raw, so its own KDF never runs. */
public final class ArchiveKey implements AutoCloseable {

    public static final int BYTES = 32;

    private final byte[] bytes;

    public ArchiveKey(byte[] bytes) {
        if (bytes == null || bytes.length != BYTES) {
            throw new IllegalArgumentException("An archive key has " + BYTES + " bytes");
        }
        this.bytes = bytes.clone();
    }

    byte[] bytes() {
        return bytes.clone();
    }

    boolean sameAs(byte[] other) {
        return MessageDigest.isEqual(bytes, other);
    }

    /** An independent copy (closing one does not wipe the other). */
    public ArchiveKey copy() {
        return new ArchiveKey(bytes());
    }

    /** Overwrites the key in memory. */
    @Override
    public void close() {
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public String toString() {
        return "ArchiveKey[hidden]";
    }
}
