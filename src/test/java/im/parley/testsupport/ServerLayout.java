package im.parley.testsupport;

import java.nio.file.Path;

/** The files of one test server, all inside its own directory. */
record ServerLayout(Path directory) {

    static final String DIRECTORY_PREFIX = "parley-prosody-";

    Path configFile() {
        return directory.resolve("prosody.cfg.lua");
    }

    Path dataDir() {
        return directory.resolve("data");
    }

    /** The SQLite database of {@link ProsodyServer.Storage#SQL} (the MAM archive store). */
    Path sqlDatabaseFile() {
        return dataDir().resolve("prosody.sqlite");
    }

    /** Prosody's own log, appended to across restarts. */
    Path logFile() {
        return directory.resolve("prosody.log");
    }

    /** Prosody's stdout and stderr. */
    Path outputFile() {
        return directory.resolve("prosody.out");
    }

    /** Written by Prosody's {@code mod_posix}, removed on a clean stop. */
    Path pidFile() {
        return directory.resolve("prosody.pid");
    }

    /** The pid of the JVM that owns this server, for cleaning up after a killed JVM. */
    Path ownerFile() {
        return directory.resolve("owner.pid");
    }

    /** Present when the directory should survive {@link ProsodyServer#close()}. */
    Path keepFile() {
        return directory.resolve("keep");
    }

    Path certificateDir() {
        return directory.resolve("certs");
    }

    Path certificateFile() {
        return certificateDir().resolve("server.crt");
    }

    Path keyFile() {
        return certificateDir().resolve("server.key");
    }
}
