package im.parley.platform;

import dev.dirs.ProjectDirectories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where Parley keeps its files: the OS's own data and config directories (XDG on Linux,
 * %APPDATA% on Windows, ~/Library/Application Support on macOS), or one directory given with
 * {@code -Dparley.home=...} or the environment variable {@code PARLEY_HOME} (tests, portable installs, a
 * second profile for the demo).
 */
public record AppDirectories(Path config, Path data) {

    public static AppDirectories forCurrentUser() {
        String home = System.getProperty("parley.home", System.getenv("PARLEY_HOME"));
        if (home != null && !home.isBlank()) {
            Path root = Path.of(home);
            return new AppDirectories(root.resolve("config"), root.resolve("data"));
        }
        ProjectDirectories dirs = ProjectDirectories.from("im", "parley", "Parley");
        return new AppDirectories(Path.of(dirs.configDir), Path.of(dirs.dataDir));
    }

    /** Creates the directories, readable by the user only where the file system allows it. */
    public AppDirectories ensureExist() {
        createPrivate(config);
        createPrivate(data);
        return this;
    }

    private static void createPrivate(Path dir) {
        try {
            Files.createDirectories(dir);
            if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }
}
