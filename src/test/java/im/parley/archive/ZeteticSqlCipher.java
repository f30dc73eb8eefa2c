package im.parley.archive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Zetetic's SQLCipher through node ({@code @journeyapps/sqlcipher}, built from source against the system OpenSSL),
 * installed with {@code npm ci} under {@code target/} when missing, and the script in
 * {@code src/test/node/sqlcipher-check} that reads an archive with it. A missing tool fails with what to install.
 */
final class ZeteticSqlCipher {

    private static final Logger LOG = LoggerFactory.getLogger(ZeteticSqlCipher.class);
    static final String INSTALL_HINT = "Install the native build tools with: sudo apt-get install -y libssl-dev "
            + "python3 make g++ (and nodejs npm if node is missing; node 18 or newer)";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "read-archive.js");

    /** What the script said: exit 0 with JSON on stdout, or exit 2 with the error on stderr. */
    record Result(int exit, String stdout, String stderr) {
    }

    private final Path work;
    private final Path node;

    private ZeteticSqlCipher(Path work, Path node) {
        this.work = work;
        this.node = node;
    }

    /** Checks the tools, then runs {@code npm ci} in {@code target/sqlcipher-check} unless it is already done. */
    static ZeteticSqlCipher installed() throws IOException, InterruptedException {
        Path source = Path.of("src", "test", "node", "sqlcipher-check").toAbsolutePath();
        Path work = Path.of("target", "sqlcipher-check").toAbsolutePath();
        List<String> missing = new ArrayList<>();
        Path node = onPath("node", missing);
        Path npm = onPath("npm", missing);
        onPath("python3", missing);
        onPath("make", missing);
        onPath("g++", missing);
        if (isLinux() && !Files.exists(Path.of("/usr/include/openssl/evp.h"))) {
            missing.add("OpenSSL headers (/usr/include/openssl/evp.h)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Cannot build Zetetic's SQLCipher for the independent check: missing "
                    + missing + ". " + INSTALL_HINT);
        }
        Files.createDirectories(work);
        boolean changed = false;
        for (String name : FILES) {
            byte[] wanted = Files.readAllBytes(source.resolve(name));
            Path target = work.resolve(name);
            if (!Files.exists(target) || !Arrays.equals(wanted, Files.readAllBytes(target))) {
                Files.write(target, wanted);
                changed = true;
            }
        }
        Path binding = work.resolve("node_modules/@journeyapps/sqlcipher/build/Release/node_sqlite3.node");
        if (changed || !Files.exists(binding)) {
            npmCi(npm, work);
        }
        return new ZeteticSqlCipher(work, node);
    }

    private static void npmCi(Path npm, Path work) throws IOException, InterruptedException {
        Path log = work.resolve("npm-ci.log");
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(npm.toString(), "ci", "--no-audit", "--no-fund")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("npm ci of @journeyapps/sqlcipher did not finish within "
                    + INSTALL_TIMEOUT.toMinutes() + " min; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("npm ci of @journeyapps/sqlcipher failed (exit " + process.exitValue()
                    + "). " + INSTALL_HINT + ". Last output:\n" + tail(log));
        }
        LOG.info("npm ci of @journeyapps/sqlcipher (native build) took {} s",
                Duration.ofNanos(System.nanoTime() - begin).toSeconds());
    }

    /** Runs {@code query} on {@code file} with {@code hexKey} (64 or 96 hex digits) or with no key (null). */
    Result read(Path file, String hexKey, String query) throws IOException, InterruptedException {
        String request = "{\"file\": " + json(file.toAbsolutePath().toString()) + ", \"key\": "
                + (hexKey == null ? "null" : json(hexKey)) + ", \"query\": " + json(query) + "}";
        Path out = Files.createTempFile(work, "out-", ".json");
        Path err = Files.createTempFile(work, "err-", ".txt");
        try {
            Process process = new ProcessBuilder(node.toString(), "read-archive.js").directory(work.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(request.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("The SQLCipher check did not finish within " + RUN_TIMEOUT.toSeconds() + " s");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Path onPath(String tool, List<String> missing) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isBlank() ? "." : dir, tool);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        missing.add(tool);
        return null;
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
