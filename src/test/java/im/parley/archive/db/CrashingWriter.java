package im.parley.archive.db;

import java.io.DataInputStream;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link CrashImageTest}: opens the archive (key on stdin), commits {@code rows} messages and
 * dies with {@link Runtime#halt}, leaving the committed pages in an un-checkpointed WAL, as a crash or power loss does.
 */
public final class CrashingWriter {

    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        byte[] key = new DataInputStream(System.in).readNBytes(ArchiveKey.BYTES);
        EncryptedDatabase db = EncryptedDatabase.open(file, new ArchiveKey(key));
        try (Statement s = db.writer().createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint = 0");
            s.execute("INSERT INTO conversation (account, peer, last_activity) VALUES ('me@example.org', 'bob@example.org', 0)");
        }
        try (PreparedStatement insert = db.writer().prepareStatement("""
                INSERT INTO message (conversation_id, local_id, direction, body, sent_at, state)
                VALUES (1, ?, 'INCOMING', ?, ?, 'RECEIVED')""")) {
            for (int i = 0; i < rows; i++) {
                insert.setString(1, "m" + i);
                insert.setString(2, "crash test message " + i);
                insert.setLong(3, i);
                insert.executeUpdate();
            }
        }
        Runtime.getRuntime().halt(0);
    }
}
