package im.parley.archive;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Decrypts every page of a SQLCipher 4 file (default layout: 4096-byte pages, each ending in a 16-byte IV and a
 * 64-byte HMAC; page 1 starts with the 16-byte salt; a raw key is the AES-256-CBC key itself), so a test can look
 * for text in live and freed pages alike, which no SQL query shows.
 */
final class DecryptedPages {

    private static final int PAGE = 4096;
    private static final int RESERVED = 80;
    private static final int IV = 16;
    private static final int SALT = 16;

    private DecryptedPages() {
    }

    /** How many pages of {@code file} contain {@code text} once decrypted. */
    static int containing(Path file, byte[] rawKey, String text) throws Exception {
        byte[] all = Files.readAllBytes(file);
        if (all.length % PAGE != 0) {
            throw new IllegalArgumentException(file + " is not made of " + PAGE + "-byte pages");
        }
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        int found = 0;
        for (int offset = 0; offset < all.length; offset += PAGE) {
            int start = offset == 0 ? SALT : 0;
            byte[] iv = Arrays.copyOfRange(all, offset + PAGE - RESERVED, offset + PAGE - RESERVED + IV);
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(rawKey, "AES"), new IvParameterSpec(iv));
            byte[] plain = aes.doFinal(all, offset + start, PAGE - RESERVED - start);
            if (indexOf(plain, needle) >= 0) {
                found++;
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
