package im.parley.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the {@code prosody} and {@code prosodyctl} executables are; missing Prosody is an error, never a skip. */
record ProsodyInstallation(Path prosody, Path prosodyctl) {

    static final String NOT_INSTALLED =
            "Prosody is not installed. Install it with: sudo apt-get install -y prosody lua-dbi-sqlite3";

    /** Looks in {@code /usr/bin} (the Debian package) first, then on {@code PATH}. */
    static ProsodyInstallation locate() {
        List<Path> dirs = new ArrayList<>();
        dirs.add(Path.of("/usr/bin"));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    dirs.add(Path.of(entry));
                }
            }
        }
        return locate(dirs);
    }

    static ProsodyInstallation locate(List<Path> dirs) {
        for (Path dir : dirs) {
            Path prosody = dir.resolve("prosody");
            Path prosodyctl = dir.resolve("prosodyctl");
            if (Files.isExecutable(prosody) && Files.isExecutable(prosodyctl)) {
                return new ProsodyInstallation(prosody, prosodyctl);
            }
        }
        throw new IllegalStateException(NOT_INSTALLED);
    }
}
