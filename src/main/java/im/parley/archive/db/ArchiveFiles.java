package im.parley.archive.db;

import java.nio.file.Path;
import java.util.List;

/**
 * Every file that belongs to one archive, by name: the database, SQLite's companions, the key check, and the
 * files of a change of passphrase in progress. Recovery and erasing work from this one list.
 */
public record ArchiveFiles(Path database) {

    public ArchiveFiles {
        database = database.toAbsolutePath().normalize();
    }

    private Path sibling(String suffix) {
        return database.resolveSibling(database.getFileName() + suffix);
    }

    public Path wal() {
        return sibling("-wal");
    }

    public Path shm() {
        return sibling("-shm");
    }

    public Path journal() {
        return sibling("-journal");
    }

    public Path keyCheck() {
        return sibling(".keycheck");
    }

    /** The re-encrypted copy a change of passphrase builds; replaces the database once committed. */
    public Path rekeyed() {
        return sibling(".rekey");
    }

    /** The new key's check, written before the copy exists; renaming it over {@link #keyCheck()} commits. */
    public Path pendingKeyCheck() {
        return sibling(".rekey.keycheck");
    }

    /** SQLite's companions of the re-encrypted copy. */
    List<Path> rekeyedCompanions() {
        return List.of(sibling(".rekey-journal"), sibling(".rekey-wal"), sibling(".rekey-shm"));
    }

    /** Where {@link KeyCheck} writes before its atomic rename. */
    static Path temporary(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    /** Every file of this archive that may exist, the database first. */
    public List<Path> all() {
        return List.of(database, wal(), shm(), journal(), keyCheck(), temporary(keyCheck()), rekeyed(),
                rekeyedCompanions().get(0), rekeyedCompanions().get(1), rekeyedCompanions().get(2),
                pendingKeyCheck(), temporary(pendingKeyCheck()));
    }
}
