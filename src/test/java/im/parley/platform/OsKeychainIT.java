package im.parley.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The keychain option against a real Secret Service: GNOME Keyring on a private D-Bus session that this test starts
 * (and that ends with it), in a throw-away home directory. A child JVM gets that bus in its environment.
 */
class OsKeychainIT {

    @TempDir
    Path dir;

    @Test
    void theArchiveKeyGoesIntoTheSecretServiceAndOpensTheArchiveAgain() throws Exception {
        requireTool("dbus-run-session", "dbus");
        requireTool("gnome-keyring-daemon", "gnome-keyring");
        Path home = Files.createDirectories(dir.resolve("home"));
        Path runtime = Files.createDirectories(dir.resolve("run"));
        String script = "printf 'keyring-password' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; "
                + "exec \"$0\" \"$@\"";
        List<String> command = new ArrayList<>(List.of("dbus-run-session", "--", "sh", "-c", script));
        command.addAll(childJvm(dir.resolve("archive").toString()));
        List<String> report = run(command, Map.of("HOME", home.toString(), "XDG_RUNTIME_DIR", runtime.toString()));

        assertThat(report).containsExactly("available=true", "loaded=s3cret-value", "deleted=true",
                "source=KEYCHAIN", "reopened=true");
        assertThat(Files.readString(dir.resolve("archive").resolve("archive.kdf.properties")))
                .contains("source=KEYCHAIN").doesNotContainPattern("[0-9a-f]{64}");
    }

    @Test
    void withoutASessionBusTheKeychainIsReportedUnavailableQuickly() throws Exception {
        long start = System.nanoTime();
        List<String> report = run(childJvm(), Map.of("HOME", dir.toString(), "DBUS_SESSION_BUS_ADDRESS",
                "unix:path=" + dir.resolve("no-bus-here")));
        assertThat(report).containsExactly("available=false");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
    }

    private static List<String> childJvm(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                KeychainRoundTrip.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static List<String> run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().remove("DBUS_SESSION_BUS_ADDRESS");
        builder.environment().putAll(env);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("The keychain child did not finish within 90 s");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines().filter(l -> l.matches("[a-z]+=.*")).toList();
    }

    private static void requireTool(String tool, String debianPackage) throws IOException, InterruptedException {
        Process which = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
        if (which.waitFor() != 0) {
            fail(tool + " is missing: install the Debian package '" + debianPackage
                    + "' (sudo apt-get install " + debianPackage + ") to run the keychain test");
        }
    }
}
