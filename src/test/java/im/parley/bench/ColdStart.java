package im.parley.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts a JavaFX main class in a new JVM on headless Monocle and times it from process start until its output
 * shows {@value #FIRST_FRAME_MARKER}; the process must then exit by itself (it is told so by
 * {@code -D}{@value #EXIT_PROPERTY}{@code =true}). A process still running after the timeout is killed.
 */
final class ColdStart {

    static final String FIRST_FRAME_MARKER = "parley: first frame";
    static final String EXIT_PROPERTY = "parley.exitAfterFirstFrame";
    static final List<String> HEADLESS_FLAGS = List.of("-Dtestfx.robot=glass", "-Dglass.platform=Monocle",
            "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true");
    private static final int TAIL_LINES = 40;

    private final String classPath;
    private final Duration timeout;

    ColdStart(String classPath, Duration timeout) {
        this.classPath = classPath;
        this.timeout = timeout;
    }

    Duration measure(String mainClass) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("parley-coldstart-");
        try {
            return measure(mainClass, home);
        } finally {
            try (var files = Files.walk(home)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private Duration measure(String mainClass, Path home) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(mainClass, home)).redirectErrorStream(true);
        long deadline = System.nanoTime() + timeout.toNanos();
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            process.getOutputStream().close();
            Output output = Output.follow(process);
            long marker = output.marker().get(remaining(deadline), TimeUnit.NANOSECONDS);
            if (!process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS)) {
                throw failure(mainClass + " showed its first frame but did not exit within " + timeout, output);
            }
            if (process.exitValue() != 0) {
                throw failure(mainClass + " exited with code " + process.exitValue(), output);
            }
            return Duration.ofNanos(marker - start);
        } catch (TimeoutException e) {
            throw new IllegalStateException(mainClass + " logged no '" + FIRST_FRAME_MARKER + "' within " + timeout, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(mainClass + " ended without logging '" + FIRST_FRAME_MARKER + "'",
                    e.getCause());
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private List<String> command(String mainClass, Path home) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(HEADLESS_FLAGS);
        command.add("-D" + EXIT_PROPERTY + "=true");
        command.add("-Dparley.home=" + home);
        command.addAll(List.of("-cp", classPath, mainClass));
        return command;
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static IllegalStateException failure(String message, Output output) {
        return new IllegalStateException(message + "; last output:\n" + output.tail());
    }

    /** Drains the child's output on a virtual thread, noting when the marker line appears. */
    private record Output(CompletableFuture<Long> marker, Deque<String> lines) {

        static Output follow(Process process) {
            Output output = new Output(new CompletableFuture<>(), new ArrayDeque<>());
            Thread.ofVirtual().name("cold-start-output").start(() -> output.drain(process));
            return output;
        }

        private void drain(Process process) {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.contains(FIRST_FRAME_MARKER)) {
                        marker.complete(System.nanoTime());
                    }
                    remember(line);
                }
                marker.completeExceptionally(new IllegalStateException("output ended"));
            } catch (IOException e) {
                marker.completeExceptionally(e);
            }
        }

        private synchronized void remember(String line) {
            lines.addLast(line);
            if (lines.size() > TAIL_LINES) {
                lines.removeFirst();
            }
        }

        synchronized String tail() {
            return String.join("\n", lines);
        }
    }
}
