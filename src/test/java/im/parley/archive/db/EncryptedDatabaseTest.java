package im.parley.archive.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real SQLCipher driver on a temp file: encrypted at rest, right key opens, wrong key touches nothing. */
class EncryptedDatabaseTest {

    private static final String MARKER = "parley-plaintext-marker-7f3a";

    @TempDir
    Path dir;

    private static ArchiveKey randomKey() {
        byte[] bytes = new byte[ArchiveKey.BYTES];
        new SecureRandom().nextBytes(bytes);
        return new ArchiveKey(bytes);
    }

    private static ArchiveKey copy(ArchiveKey key) {
        return new ArchiveKey(key.bytes());
    }

    private static void insertMessage(Connection c, String body) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT OR IGNORE INTO conversation (account, peer, last_activity) VALUES ('me@example.org', 'bob@example.org', 0)");
        }
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO message (conversation_id, local_id, direction, body, sent_at, state)
                VALUES ((SELECT id FROM conversation WHERE peer = 'bob@example.org'), ?, 'INCOMING', ?, 0, 'RECEIVED')""")) {
            p.setString(1, java.util.UUID.randomUUID().toString());
            p.setString(2, body);
            p.executeUpdate();
        }
    }

    private static List<String> bodies(Connection c, String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                found.add(r.getString(1));
            }
        }
        return found;
    }

    private List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private String digestOf(Path root) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Path file : filesUnder(root).stream().sorted().toList()) {
            sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(file));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void nothingIsReadableOnDiskAndTheSameKeyReadsItBack() throws Exception {
        Path file = dir.resolve("archive.db");
        ArchiveKey key = randomKey();
        try (EncryptedDatabase db = EncryptedDatabase.open(file, copy(key))) {
            insertMessage(db.writer(), "hello " + MARKER);
            assertThat(db.schemaVersion()).isEqualTo(SchemaLadder.latest());
            for (Path onDisk : filesUnder(dir)) {
                String content = new String(Files.readAllBytes(onDisk), StandardCharsets.ISO_8859_1);
                assertThat(content).as(onDisk.getFileName() + " while open").doesNotContain(MARKER);
            }
        }
        byte[] header = Arrays16.first16(file);
        assertThat(new String(header, StandardCharsets.ISO_8859_1)).doesNotStartWith("SQLite format 3");
        for (Path onDisk : filesUnder(dir)) {
            assertThat(new String(Files.readAllBytes(onDisk), StandardCharsets.ISO_8859_1))
                    .as(onDisk.getFileName() + " after close").doesNotContain(MARKER);
        }

        try (EncryptedDatabase db = EncryptedDatabase.open(file, copy(key))) {
            assertThat(bodies(db.writer(), "SELECT body FROM message")).containsExactly("hello " + MARKER);
        }
    }

    @Test
    void aWrongKeyIsRefusedBeforeTheDatabaseIsTouched() throws Exception {
        Path file = dir.resolve("archive.db");
        ArchiveKey key = randomKey();
        try (EncryptedDatabase db = EncryptedDatabase.open(file, copy(key))) {
            insertMessage(db.writer(), "kept");
        }
        String before = digestOf(dir);

        assertThatThrownBy(() -> EncryptedDatabase.open(file, randomKey()))
                .isInstanceOf(WrongKeyException.class)
                .hasMessageContaining("does not open the archive");

        assertThat(digestOf(dir)).as("every file under the profile, byte for byte").isEqualTo(before);
        try (EncryptedDatabase db = EncryptedDatabase.open(file, copy(key))) {
            assertThat(bodies(db.writer(), "SELECT body FROM message")).containsExactly("kept");
        }
    }

    @Test
    void anArchiveWithoutItsKeyCheckIsNotOpenedWithAnUncheckedKey() throws Exception {
        Path file = dir.resolve("archive.db");
        try (EncryptedDatabase db = EncryptedDatabase.open(file, randomKey())) {
            insertMessage(db.writer(), "x");
        }
        Files.delete(new ArchiveFiles(file).keyCheck());

        assertThatThrownBy(() -> EncryptedDatabase.open(file, randomKey()))
                .isInstanceOf(IOException.class).hasMessageContaining("no key check file");
    }

    @Test
    void fullTextSearchIgnoresDiacriticsAndFindsPrefixesInsideTheEncryptedFile() throws Exception {
        try (EncryptedDatabase db = EncryptedDatabase.open(dir.resolve("archive.db"), randomKey())) {
            insertMessage(db.writer(), "Rendez-vous au café à midi");
            insertMessage(db.writer(), "nothing to see");
            String search = "SELECT m.body FROM message_text t JOIN message m ON m.id = t.rowid WHERE message_text MATCH ";
            assertThat(bodies(db.writer(), search + "'cafe'")).containsExactly("Rendez-vous au café à midi");
            assertThat(bodies(db.writer(), search + "'rende*'")).containsExactly("Rendez-vous au café à midi");
            assertThat(bodies(db.writer(), search + "'\"au cafe\"'")).containsExactly("Rendez-vous au café à midi");
        }
    }

    @Test
    void readersHaveTheirOwnReadOnlyConnection() throws Exception {
        try (EncryptedDatabase db = EncryptedDatabase.open(dir.resolve("archive.db"), randomKey())) {
            insertMessage(db.writer(), "shared");
            try (Connection reader = db.openReader()) {
                assertThat(bodies(reader, "SELECT body FROM message")).containsExactly("shared");
                assertThatThrownBy(() -> insertMessage(reader, "not allowed")).isInstanceOf(SQLException.class);
            }
        }
    }

    @Test
    void anArchiveFromANewerParleyIsRefusedWithAClearMessage() throws Exception {
        Path file = dir.resolve("archive.db");
        ArchiveKey key = randomKey();
        try (EncryptedDatabase db = EncryptedDatabase.open(file, copy(key));
             Statement s = db.writer().createStatement()) {
            s.execute("PRAGMA user_version = " + (SchemaLadder.latest() + 1));
        }
        assertThatThrownBy(() -> EncryptedDatabase.open(file, copy(key)))
                .isInstanceOf(SQLException.class).hasMessageContaining("newer Parley");
    }

    /** Reads a file's first bytes. */
    private static final class Arrays16 {
        static byte[] first16(Path file) throws IOException {
            try (var in = Files.newInputStream(file)) {
                return in.readNBytes(16);
            }
        }
    }
}
