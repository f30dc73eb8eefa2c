package im.parley.archive.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The data-loss trap of FACTS.md, reproduced for real: a child JVM commits and halts, leaving an un-checkpointed
 * WAL; one wrong-key open of such a file would destroy it for every key. Here the wrong key is refused before SQLite
 * sees the file, nothing changes on disk, and the right key then finds every committed message.
 */
class CrashImageTest {

    private static final int ROWS = 500;

    @TempDir
    Path dir;

    @Test
    void aWrongKeyAfterACrashLeavesEveryCommittedMessageReadableWithTheRightKey() throws Exception {
        Path file = dir.resolve("archive.db");
        byte[] key = new byte[ArchiveKey.BYTES];
        new SecureRandom().nextBytes(key);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), file.toString(), Integer.toString(ROWS))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try (OutputStream stdin = child.getOutputStream()) {
            stdin.write(key);
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the writer halts by itself").isTrue();
        Path wal = dir.resolve("archive.db-wal");
        assertThat(wal).as("the crash left committed pages in the WAL").exists();
        assertThat(Files.size(wal)).isPositive();
        String image = digest(dir);

        byte[] wrong = key.clone();
        wrong[0] ^= 1;
        assertThatThrownBy(() -> EncryptedDatabase.open(file, new ArchiveKey(wrong))).isInstanceOf(WrongKeyException.class);
        assertThat(digest(dir)).as("the crash image, byte for byte, after the wrong key").isEqualTo(image);

        try (EncryptedDatabase db = EncryptedDatabase.open(file, new ArchiveKey(key));
             Statement s = db.writer().createStatement();
             ResultSet count = s.executeQuery("SELECT count(*), count(DISTINCT local_id) FROM message")) {
            count.next();
            assertThat(count.getInt(1)).isEqualTo(ROWS);
            assertThat(count.getInt(2)).isEqualTo(ROWS);
        }
    }

    private static String digest(Path dir) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> all = Files.list(dir)) {
            files = all.filter(p -> p.getFileName().toString().startsWith("archive.db")).sorted().toList();
        }
        for (Path f : files) {
            sha.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(f));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
