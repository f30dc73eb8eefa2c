package im.parley.archive.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finishes or undoes a change of passphrase that was interrupted, from the files alone and without any key, so the
 * database and its key check always agree before anything opens the database. The states, in the order
 * {@link Rekey} passes through them:
 * <ol>
 *   <li>pending key check written, copy absent or partial: not committed, so the copy and the pending check go;</li>
 *   <li>pending key check renamed over the key check (the commit), copy still there: the copy replaces the
 *       database;</li>
 *   <li>neither left: nothing to do.</li>
 * </ol>
 * The pending check exists before the copy is created and is deleted only after the copy is, so "copy without
 * pending check" means committed and nothing else.
 */
final class RekeyRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(RekeyRecovery.class);

    private RekeyRecovery() {
    }

    /** What recovery found and did. */
    enum Outcome { NOTHING_PENDING, ROLLED_BACK, ROLLED_FORWARD }

    static Outcome recover(ArchiveFiles files) throws IOException {
        Outcome outcome;
        if (Files.exists(files.rekeyed())) {
            if (Files.exists(files.pendingKeyCheck())) {
                rollBack(files);
                outcome = Outcome.ROLLED_BACK;
            } else {
                rollForward(files);
                outcome = Outcome.ROLLED_FORWARD;
            }
        } else {
            outcome = Files.exists(files.pendingKeyCheck()) ? Outcome.ROLLED_BACK : Outcome.NOTHING_PENDING;
            rollBack(files);
        }
        Files.deleteIfExists(ArchiveFiles.temporary(files.keyCheck()));
        if (outcome != Outcome.NOTHING_PENDING) {
            LOG.warn("An interrupted change of the archive passphrase was {}; the archive opens with the {} key",
                    outcome == Outcome.ROLLED_BACK ? "undone" : "completed",
                    outcome == Outcome.ROLLED_BACK ? "old" : "new");
        }
        return outcome;
    }

    /** Before the commit: the copy first, the pending check last (see the class comment). */
    static void rollBack(ArchiveFiles files) throws IOException {
        boolean deleted = Files.deleteIfExists(files.rekeyed());
        for (Path companion : files.rekeyedCompanions()) {
            deleted |= Files.deleteIfExists(companion);
        }
        deleted |= Files.deleteIfExists(ArchiveFiles.temporary(files.pendingKeyCheck()));
        deleted |= Files.deleteIfExists(files.pendingKeyCheck());
        if (deleted) {
            Durable.syncDirectory(files.database().getParent());
        }
    }

    /**
     * After the commit the key check already names the new key and the copy holds every row: the old database's
     * WAL and journal belong to the old file (its WAL was checkpointed before the copy), so they go before the
     * copy takes its name.
     */
    static void rollForward(ArchiveFiles files) throws IOException {
        Files.deleteIfExists(files.wal());
        Files.deleteIfExists(files.shm());
        Files.deleteIfExists(files.journal());
        Durable.rename(files.rekeyed(), files.database());
        for (Path companion : files.rekeyedCompanions()) {
            Files.deleteIfExists(companion);
        }
    }
}
