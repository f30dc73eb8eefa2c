package im.parley.archive.db;

import im.parley.testsupport.FileTrees;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static im.parley.archive.db.ArchiveSample.copy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * A child JVM changes the key of a 50,000-message archive and dies: halted at every step boundary, and SIGKILLed
 * at spread moments before, during and right after. After each death, exactly one of the two keys opens the
 * archive, with every row and a working full-text index, and the other key is refused by the key check.
 */
class RekeyCrashTest {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RekeyCrashTest.class);

    private static final ArchiveSample SAMPLE = new ArchiveSample(50_000);
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(30);
    /** Kill moments as fractions of the uninterrupted rekey's duration, counted from its key check. */
    private static final double[] KILL_AT = {0.0, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 1.05, 1.25};

    private static Path template;
    private static ArchiveKey oldKey;
    private static ArchiveKey newKey;
    private static ExecutorService pipes;

    @BeforeAll
    static void createTemplate() throws Exception {
        template = Files.createTempDirectory("parley-rekey-template-");
        oldKey = ArchiveSample.randomKey();
        newKey = ArchiveSample.randomKey();
        SAMPLE.create(template.resolve("archive.db"), oldKey);
        pipes = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        pipes.shutdownNow();
        FileTrees.delete(template);
    }

    private enum Opened { OLD_KEY, NEW_KEY }

    @Test
    void haltedAtEveryStepTheArchiveOpensWithExactlyOneKeyAndEveryRow() throws Exception {
        for (Rekey.Step step : Rekey.Step.values()) {
            Path dir = freshCopy("halt-" + step);
            Process child = start(dir, "halt:" + step);
            assertThat(child.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("child halts at " + step).isTrue();
            assertThat(child.exitValue()).as("halted at " + step + ", see " + dir.resolve("child.log")).isEqualTo(3);

            Opened opened = openAndCheck(dir);

            Opened expected = step.compareTo(Rekey.Step.COMMITTED) >= 0 ? Opened.NEW_KEY : Opened.OLD_KEY;
            assertThat(opened).as("after a halt at " + step).isEqualTo(expected);
            FileTrees.delete(dir);
        }
    }

    @Test
    void killedAtSpreadMomentsTheArchiveOpensWithExactlyOneKeyAndEveryRow() throws Exception {
        Path calibration = freshCopy("calibration");
        Process uninterrupted = start(calibration, "run");
        LinkedBlockingQueue<String> lines = lines(uninterrupted);
        awaitLine(lines, RekeyingChild.STARTED);
        List<String> steps = new ArrayList<>();
        String done = awaitLine(lines, RekeyingChild.DONE, steps);
        long verifiedAt = steps.stream().filter(l -> l.startsWith(Rekey.Step.KEY_VERIFIED.name()))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(' ') + 1))).findFirst().orElseThrow();
        long rekeyMillis = Long.parseLong(done.substring(RekeyingChild.DONE.length()).trim()) - verifiedAt;
        assertThat(uninterrupted.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(uninterrupted.exitValue()).isZero();
        assertThat(openAndCheck(calibration)).isEqualTo(Opened.NEW_KEY);
        FileTrees.delete(calibration);

        List<String> outcomes = new ArrayList<>();
        int interrupted = 0;
        interrupted += killRound("before start", outcomes, child -> { });
        interrupted += killRound("at start", outcomes, child -> awaitLine(lines(child), RekeyingChild.STARTED));
        for (double fraction : KILL_AT) {
            long delay = Math.round(fraction * rekeyMillis);
            interrupted += killRound(String.format("%.0f%% (%d ms)", fraction * 100, delay), outcomes, child -> {
                awaitLine(lines(child), RekeyingChild.STEP + Rekey.Step.KEY_VERIFIED);
                Thread.sleep(delay);
            });
        }
        interrupted += killRound("right after done", outcomes, child -> awaitLine(lines(child), RekeyingChild.DONE));

        LOG.info("Uninterrupted rekey of {} messages: {} ms, steps at {}; kills: {}", SAMPLE.messages(), rekeyMillis,
                steps, outcomes);
        assertThat(outcomes).as("kill outcomes (rekey took %d ms): %s", rekeyMillis, outcomes)
                .anyMatch(o -> o.endsWith(Opened.OLD_KEY.name())).anyMatch(o -> o.endsWith(Opened.NEW_KEY.name()));
        assertThat(interrupted).as("kills that left a rekey half-done (recovery had work), of %s", outcomes)
                .isGreaterThanOrEqualTo(3);
    }

    @FunctionalInterface
    private interface Wait {
        void until(Process child) throws Exception;
    }

    /** Returns 1 when the kill left files of an unfinished rekey behind. */
    private int killRound(String moment, List<String> outcomes, Wait wait) throws Exception {
        Path dir = freshCopy("kill-" + outcomes.size());
        Process child = start(dir, "run");
        wait.until(child);
        child.destroyForcibly();
        assertThat(child.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        ArchiveFiles files = new ArchiveFiles(dir.resolve("archive.db"));
        boolean halfDone = Files.exists(files.rekeyed()) || Files.exists(files.pendingKeyCheck());
        Opened opened = openAndCheck(dir);
        outcomes.add(moment + (halfDone ? " half-done" : "") + " -> " + opened);
        FileTrees.delete(dir);
        return halfDone ? 1 : 0;
    }

    /** Opens with whichever key the key check accepts, checks every row, and that the other key is refused. */
    private static Opened openAndCheck(Path dir) throws Exception {
        Path file = dir.resolve("archive.db");
        Opened opened;
        ArchiveKey other;
        try {
            try (EncryptedDatabase db = EncryptedDatabase.open(file, copy(newKey))) {
                SAMPLE.assertIntact(db.writer());
            }
            opened = Opened.NEW_KEY;
            other = oldKey;
        } catch (WrongKeyException refused) {
            try (EncryptedDatabase db = EncryptedDatabase.open(file, copy(oldKey))) {
                SAMPLE.assertIntact(db.writer());
            }
            opened = Opened.OLD_KEY;
            other = newKey;
        }
        ArchiveFiles files = new ArchiveFiles(file);
        assertThat(files.rekeyed()).doesNotExist();
        assertThat(files.pendingKeyCheck()).doesNotExist();
        ArchiveKey refused = other;
        assertThatThrownBy(() -> EncryptedDatabase.open(file, copy(refused))).isInstanceOf(WrongKeyException.class);
        return opened;
    }

    private static Path freshCopy(String name) throws IOException {
        Path dir = Files.createTempDirectory("parley-rekey-" + name.replaceAll("[^A-Za-z0-9-]", "") + "-");
        try (Stream<Path> files = Files.list(template)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    private static Process start(Path dir, String mode) throws IOException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                RekeyingChild.class.getName(), dir.resolve("archive.db").toString(), mode)
                .redirectError(dir.resolve("child.log").toFile()).start();
        try (OutputStream stdin = child.getOutputStream()) {
            stdin.write(ArchiveSample.raw(oldKey));
            stdin.write(ArchiveSample.raw(newKey));
        }
        return child;
    }

    private static final java.util.Map<Process, LinkedBlockingQueue<String>> LINES = new java.util.concurrent.ConcurrentHashMap<>();

    private static LinkedBlockingQueue<String> lines(Process child) {
        return LINES.computeIfAbsent(child, p -> {
            LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
            pipes.submit(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        queue.add(line);
                    }
                } catch (IOException ignored) {
                    // the child was killed
                }
                return null;
            });
            return queue;
        });
    }

    private static String awaitLine(LinkedBlockingQueue<String> lines, String prefix) throws InterruptedException {
        return awaitLine(lines, prefix, new ArrayList<>());
    }

    private static String awaitLine(LinkedBlockingQueue<String> lines, String prefix, List<String> seen)
            throws InterruptedException {
        long deadline = System.nanoTime() + CHILD_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line != null && line.startsWith(RekeyingChild.STEP) && !prefix.startsWith(RekeyingChild.STEP)) {
                seen.add(line.substring(RekeyingChild.STEP.length()));
            }
        }
        return fail("The child never said " + prefix);
    }
}
