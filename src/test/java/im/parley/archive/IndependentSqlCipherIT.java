package im.parley.archive;

import im.parley.archive.db.ArchiveKey;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.archive.db.Rekey;
import im.parley.service.chat.ChatMessage;
import im.parley.service.chat.DeliveryState;
import im.parley.service.chat.Direction;
import im.parley.service.common.Jid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive is real SQLCipher 4, not merely something the JDBC driver reads back: Zetetic's own SQLCipher (a
 * different implementation from the driver's SQLite3 Multiple Ciphers) reads what Parley wrote given only the raw
 * key, and refuses without it or with another key. A raw key is {@code PRAGMA key = "x'<64 hex>'"} (the salt comes
 * from the file's first 16 bytes); {@code x'<96 hex>'} carries the salt as well and must then match the file.
 */
class IndependentSqlCipherIT {

    private static final Jid ME = Jid.parse("alice@example.org");
    private static final Jid BOB = Jid.parse("bob@example.org");
    private static final String[] MARKERS = {"independent-marker-one", "zweiter Marker mit Umlaut: äöü", "third ✓"};
    private static final String BODIES = "SELECT m.body FROM message m ORDER BY m.id";

    private static ZeteticSqlCipher zetetic;

    @TempDir
    Path dir;

    @BeforeAll
    static void install() throws Exception {
        zetetic = ZeteticSqlCipher.installed();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[ArchiveKey.BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private Path archiveWithMarkers(byte[] key) throws Exception {
        Path file = dir.resolve("archive.db");
        try (EncryptedDatabase db = EncryptedDatabase.open(file, new ArchiveKey(key))) {
            SqlMessageStore store = new SqlMessageStore(db, ME, Clock.systemUTC());
            for (int i = 0; i < MARKERS.length; i++) {
                store.append(new ChatMessage("m" + i, BOB, Direction.INCOMING, BOB, MARKERS[i],
                        Instant.ofEpochSecond(1_700_000_000L + i), DeliveryState.RECEIVED, null, null, null));
            }
        }
        return file;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] salt(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(16);
        }
    }

    private static void assertReadsMarkers(ZeteticSqlCipher.Result result) {
        assertThat(result.exit()).as("exit code, stderr: " + result.stderr()).isZero();
        assertThat(result.stdout()).as("Zetetic SQLCipher 4").containsPattern("\"cipher\":\"4\\.");
        for (String marker : MARKERS) {
            assertThat(result.stdout()).contains("\"body\":\"" + marker + "\"");
        }
    }

    private static void assertRefused(ZeteticSqlCipher.Result result) {
        assertThat(result.exit()).as("stdout: " + result.stdout()).isEqualTo(2);
        assertThat(result.stdout()).doesNotContain(MARKERS[0]);
        assertThat(result.stderr()).contains("file is not a database");
    }

    @Test
    void zeteticSqlCipherReadsParleysArchiveWithTheRawKeyAlone() throws Exception {
        byte[] key = randomKey();
        Path file = archiveWithMarkers(key);

        assertReadsMarkers(zetetic.read(file, hex(key), BODIES));

        ZeteticSqlCipher.Result search = zetetic.read(file, hex(key),
                "SELECT m.body FROM message_text t JOIN message m ON m.id = t.rowid WHERE message_text MATCH 'independent'");
        assertThat(search.exit()).as(search.stderr()).isZero();
        assertThat(search.stdout()).contains(MARKERS[0]).doesNotContain(MARKERS[1]);
    }

    @Test
    void aKeyWithTheFilesSaltAlsoWorksAndADifferentSaltDoesNot() throws Exception {
        byte[] key = randomKey();
        Path file = archiveWithMarkers(key);
        byte[] salt = salt(file);

        assertReadsMarkers(zetetic.read(file, hex(key) + hex(salt), BODIES));

        salt[0] ^= 1;
        assertRefused(zetetic.read(file, hex(key) + hex(salt), BODIES));
    }

    @Test
    void withoutAKeyOrWithAnotherKeyNothingIsReadAndTheArchiveIsUnharmed() throws Exception {
        byte[] key = randomKey();
        Path file = archiveWithMarkers(key);
        String before = digest(file);

        assertRefused(zetetic.read(file, null, BODIES));
        assertRefused(zetetic.read(file, hex(randomKey()), BODIES));

        assertThat(digest(file)).isEqualTo(before);
        try (EncryptedDatabase db = EncryptedDatabase.open(file, new ArchiveKey(key))) {
            assertThat(new SqlMessageStore(db, ME, Clock.systemUTC()).latest(BOB, 10)).hasSize(MARKERS.length);
        }
    }

    @Test
    void aRekeyedArchiveIsStillSqlCipher4UnderTheNewKeyOnly() throws Exception {
        byte[] old = randomKey();
        byte[] next = randomKey();
        Path file = archiveWithMarkers(old);

        Rekey.rekey(file, new ArchiveKey(old), new ArchiveKey(next));

        assertReadsMarkers(zetetic.read(file, hex(next), BODIES));
        assertRefused(zetetic.read(file, hex(old), BODIES));
    }

    private static String digest(Path file) throws Exception {
        return hex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
