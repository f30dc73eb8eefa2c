package im.parley.archive;

import im.parley.testsupport.FileTrees;
import im.parley.archive.db.ArchiveKey;
import im.parley.archive.db.EncryptedDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/** A fresh encrypted archive on the real SQLCipher driver in a temp directory, deleted on close. */
final class TestArchive implements AutoCloseable {

    final Path dir;
    final EncryptedDatabase database;

    TestArchive() {
        try {
            dir = Files.createTempDirectory("parley-archive-");
            byte[] key = new byte[ArchiveKey.BYTES];
            new SecureRandom().nextBytes(key);
            database = EncryptedDatabase.open(dir.resolve("archive.db"), new ArchiveKey(key));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot open a test archive", e);
        }
    }

    @Override
    public void close() throws Exception {
        database.close();
        FileTrees.delete(dir);
    }
}
