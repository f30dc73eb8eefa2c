package im.parley.archive.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static im.parley.archive.db.ArchiveSample.copy;
import static im.parley.archive.db.ArchiveSample.randomKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Changing the archive's key in one process on the real driver; {@link RekeyCrashTest} kills it half-way. */
class RekeyTest {

    private static final ArchiveSample SAMPLE = new ArchiveSample(2_000);

    @TempDir
    Path dir;

    private Path archive() {
        return dir.resolve("archive.db");
    }

    @Test
    void theNewKeyOpensEveryRowAndTheOldOneIsRefused() throws Exception {
        ArchiveKey old = randomKey();
        ArchiveKey next = randomKey();
        SAMPLE.create(archive(), old);

        Rekey.rekey(archive(), copy(old), copy(next));

        assertThat(names()).containsExactlyInAnyOrder("archive.db", "archive.db.keycheck");
        try (EncryptedDatabase db = EncryptedDatabase.open(archive(), copy(next))) {
            SAMPLE.assertIntact(db.writer());
            assertThat(db.schemaVersion()).isEqualTo(SchemaLadder.latest());
            assertThat(single(db, "PRAGMA journal_mode")).as("back in WAL mode once opened").isEqualTo("wal");
        }
        assertThatThrownBy(() -> EncryptedDatabase.open(archive(), copy(old))).isInstanceOf(WrongKeyException.class);
    }

    @Test
    void theKeyCanBeChangedAgainAndTheArchiveKeepsTakingWrites() throws Exception {
        ArchiveKey first = randomKey();
        ArchiveKey second = randomKey();
        ArchiveKey third = randomKey();
        SAMPLE.create(archive(), first);
        Rekey.rekey(archive(), copy(first), copy(second));
        try (EncryptedDatabase db = EncryptedDatabase.open(archive(), copy(second))) {
            db.write(c -> {
                try (var s = c.createStatement()) {
                    return s.executeUpdate("DELETE FROM message WHERE local_id = 'm0'");
                }
            });
        }
        Rekey.rekey(archive(), copy(second), copy(third));
        try (EncryptedDatabase db = EncryptedDatabase.open(archive(), copy(third))) {
            assertThat(single(db, "SELECT count(*) FROM message")).isEqualTo(Integer.toString(SAMPLE.messages() - 1));
        }
    }

    @Test
    void aWrongCurrentKeyIsRefusedAndNothingIsTouched() throws Exception {
        ArchiveKey old = randomKey();
        SAMPLE.create(archive(), old);
        String before = digest();

        assertThatThrownBy(() -> Rekey.rekey(archive(), randomKey(), randomKey()))
                .isInstanceOf(WrongKeyException.class).hasMessageContaining("Nothing was changed");

        assertThat(digest()).as("every file, byte for byte").isEqualTo(before);
        try (EncryptedDatabase db = EncryptedDatabase.open(archive(), copy(old))) {
            SAMPLE.assertIntact(db.writer());
        }
    }

    @Test
    void anOpenArchiveIsRefusedAndKeepsItsKey() throws Exception {
        ArchiveKey old = randomKey();
        SAMPLE.create(archive(), old);
        ArchiveKey next = randomKey();
        try (EncryptedDatabase db = EncryptedDatabase.open(archive(), copy(old))) {
            assertThatThrownBy(() -> Rekey.rekey(archive(), copy(old), copy(next)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("close every connection");
            assertThat(names()).doesNotContain("archive.db.rekey", "archive.db.rekey.keycheck");
            SAMPLE.assertIntact(db.writer());
        }
        assertThatThrownBy(() -> EncryptedDatabase.open(archive(), copy(next))).isInstanceOf(WrongKeyException.class);
        try (EncryptedDatabase db = EncryptedDatabase.open(archive(), copy(old))) {
            SAMPLE.assertIntact(db.writer());
        }
    }

    @Test
    void theSameKeyAMissingArchiveAndAMissingKeyCheckGetClearErrors() throws Exception {
        ArchiveKey key = randomKey();
        assertThatThrownBy(() -> Rekey.rekey(archive(), copy(key), randomKey()))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("no archive");

        SAMPLE.create(archive(), key);
        assertThatThrownBy(() -> Rekey.rekey(archive(), copy(key), copy(key)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different passphrase");

        Files.delete(new ArchiveFiles(archive()).keyCheck());
        assertThatThrownBy(() -> Rekey.rekey(archive(), copy(key), randomKey()))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("no key check file");
        assertThat(names()).containsExactly("archive.db");
    }

    @Test
    void aFailureBeforeTheCommitUndoesTheCopyAndKeepsTheOldKey() throws Exception {
        ArchiveKey old = randomKey();
        ArchiveKey next = randomKey();
        SAMPLE.create(archive(), old);

        assertThatThrownBy(() -> Rekey.rekey(archive(), copy(old), copy(next), step -> {
            if (step == Rekey.Step.COPY_REKEYED) {
                throw new IllegalStateException("simulated failure");
            }
        })).hasMessage("simulated failure");

        assertThat(names()).containsExactlyInAnyOrder("archive.db", "archive.db.keycheck");
        try (EncryptedDatabase db = EncryptedDatabase.open(archive(), copy(old))) {
            SAMPLE.assertIntact(db.writer());
        }
    }

    private static String single(EncryptedDatabase db, String sql) throws Exception {
        return db.read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery(sql)) {
                r.next();
                return r.getString(1);
            }
        });
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private String digest() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String name : names()) {
            sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(dir.resolve(name)));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
