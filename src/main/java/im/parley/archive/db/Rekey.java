package im.parley.archive.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * Changes the archive's key so that a crash or kill at any moment leaves either the old key or the new one working
 * with every row, and the key check agreeing with it. The old file is never written to: a copy is made
 * ({@code VACUUM INTO}, still under the old key) and re-encrypted ({@code PRAGMA rekey}, which needs a rollback
 * journal, so it runs on the private copy); the one commit point is the atomic rename of the new key check over the
 * old one; the copy then replaces the database. {@link RekeyRecovery} finishes or undoes an interrupted change
 * from the files alone, and {@link EncryptedDatabase#open} runs it before anything else.
 *
 * <p>The archive must be closed (no {@link EncryptedDatabase}, no reader) while this runs; an open archive is
 * refused before anything changes. This blocks for as long as copying the archive takes: call it off the UI thread.
 */
public final class Rekey {

    private static final Logger LOG = LoggerFactory.getLogger(Rekey.class);

    /** The steps, in order; tests halt the process at each to prove every one of them is safe. */
    enum Step { KEY_VERIFIED, PENDING_CHECK_WRITTEN, COPIED, COPY_REKEYED, COPY_VERIFIED, COMMITTED, DONE }

    /** Told when a step is reached. */
    @FunctionalInterface
    interface Observer {
        void reached(Step step);
    }

    private Rekey() {
    }

    /**
     * Re-encrypts the closed archive at {@code file} from {@code current} to {@code next}.
     *
     * @throws WrongKeyException     when {@code current} is not the archive's key; nothing was changed then
     * @throws IllegalStateException when the archive is open; nothing was changed then
     */
    public static void rekey(Path file, ArchiveKey current, ArchiveKey next)
            throws WrongKeyException, IOException, SQLException {
        rekey(file, current, next, step -> { });
    }

    static void rekey(Path file, ArchiveKey current, ArchiveKey next, Observer observer)
            throws WrongKeyException, IOException, SQLException {
        ArchiveFiles files = new ArchiveFiles(file);
        if (!Files.exists(files.database())) {
            throw new IOException("There is no archive at " + files.database() + " to change the passphrase of.");
        }
        if (current.sameAs(next.bytes())) {
            throw new IllegalArgumentException("The new key is the current key; choose a different passphrase.");
        }
        RekeyRecovery.recover(files);
        KeyCheck check = new KeyCheck(files.keyCheck());
        if (!check.exists()) {
            throw new IOException("The archive " + files.database() + " has no key check file (" + check.file()
                    + "); refusing to change a key that cannot be verified.");
        }
        check.verify(current);
        observer.reached(Step.KEY_VERIFIED);
        long begin = System.nanoTime();

        boolean committed = false;
        try (Connection source = EncryptedDatabase.connectAlone(files.database(), current)) {
            holdAgainstWriters(source);
            new KeyCheck(files.pendingKeyCheck()).write(next);
            Durable.syncDirectory(files.database().getParent());
            observer.reached(Step.PENDING_CHECK_WRITTEN);

            try (PreparedStatement copy = source.prepareStatement("VACUUM INTO ?")) {
                copy.setString(1, files.rekeyed().toString());
                copy.execute();
            }
            observer.reached(Step.COPIED);
            reencrypt(files.rekeyed(), current, next);
            observer.reached(Step.COPY_REKEYED);
            verifyCopy(source, files.rekeyed(), next);
            Durable.sync(files.rekeyed());
            Durable.syncDirectory(files.database().getParent());
            observer.reached(Step.COPY_VERIFIED);

            Durable.rename(files.pendingKeyCheck(), files.keyCheck());
            committed = true;
            observer.reached(Step.COMMITTED);
        } catch (IOException | SQLException | RuntimeException e) {
            if (!committed) {
                RekeyRecovery.rollBack(files);
            }
            throw e;
        }
        RekeyRecovery.rollForward(files);
        observer.reached(Step.DONE);
        LOG.info("Archive passphrase changed in {} ms", (System.nanoTime() - begin) / 1_000_000);
    }

    /**
     * Exclusive locking keeps the shared lock of the first read until the connection closes, so no other
     * connection can commit to the old file while its copy is made and committed.
     */
    private static void holdAgainstWriters(Connection source) throws SQLException {
        try (Statement s = source.createStatement()) {
            s.execute("PRAGMA locking_mode = EXCLUSIVE");
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
                r.next();
            }
        }
    }

    private static void reencrypt(Path copy, ArchiveKey current, ArchiveKey next) throws SQLException {
        byte[] raw = next.bytes();
        try (Connection c = EncryptedDatabase.connectAlone(copy, current); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA rekey = \"x'" + HexFormat.of().formatHex(raw) + "'\"")) {
            String result = r.next() ? r.getString(1) : null;
            if (!"ok".equalsIgnoreCase(result)) {
                throw new SQLException("Re-encrypting the copy of the archive failed (" + result + ")");
            }
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }

    /** Every page of the copy must authenticate under the new key and hold what the old file holds. */
    private static void verifyCopy(Connection source, Path copy, ArchiveKey next) throws SQLException {
        try (Connection c = EncryptedDatabase.connectAlone(copy, next)) {
            String check = single(c, "PRAGMA quick_check");
            if (!"ok".equals(check)) {
                throw new SQLException("The re-encrypted copy of the archive is damaged (" + check + ")");
            }
            for (String sql : new String[]{"PRAGMA user_version", "SELECT count(*) FROM sqlite_master"}) {
                if (!single(c, sql).equals(single(source, sql))) {
                    throw new SQLException("The re-encrypted copy of the archive differs from it (" + sql + ")");
                }
            }
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : "";
        }
    }
}
