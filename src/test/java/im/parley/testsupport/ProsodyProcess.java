package im.parley.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** One run of {@code prosody -F}: started, awaited until its ports accept connections, stopped. */
final class ProsodyProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ProsodyProcess.class);
    private static final long START_TIMEOUT_MILLIS = 10_000;
    private static final long POLL_MILLIS = 5;

    /** Prosody started but could not bind one of its ports (another process took it). */
    static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }

    private final Process process;

    private ProsodyProcess(Process process) {
        this.process = process;
    }

    /**
     * Starts Prosody in the foreground and waits up to 10 s until all {@code ports} accept TCP connections.
     *
     * @throws PortTakenException    if a port was taken
     * @throws IllegalStateException if Prosody exits or times out; the message holds its log, output and config
     */
    static ProsodyProcess start(Path prosody, ServerLayout layout, ProsodyConfig.Ports ports) {
        long begin = System.nanoTime();
        long logOffset = size(layout.logFile());
        ProcessBuilder builder = new ProcessBuilder(prosody.toString(), "--config", layout.configFile().toString(), "-F")
                .directory(layout.directory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.outputFile().toFile()));
        ProsodyProcess started;
        try {
            started = new ProsodyProcess(builder.start());
            started.process.getOutputStream().close();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + prosody + ": " + e.getMessage(), e);
        }
        try {
            started.awaitPorts(layout, ports, logOffset);
        } catch (RuntimeException e) {
            started.stop(1_000);
            throw e;
        }
        LOG.info("Prosody (pid {}) ready in {} ms: c2s {}, direct TLS {}, http {}, in {}", started.pid(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), ports.c2s(), ports.directTls(), ports.http(),
                layout.directory());
        readFrom(layout.logFile(), logOffset).lines().filter(line -> line.contains("\terror\t"))
                .forEach(line -> LOG.warn("Prosody: {}", line));
        return started;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, then SIGKILL if Prosody is still running after {@code graceMillis}. */
    void stop(long graceMillis) {
        process.destroy();
        try {
            if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("Prosody (pid {}) ignored SIGTERM for {} ms, killing it", process.pid(), graceMillis);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitPorts(ServerLayout layout, ProsodyConfig.Ports ports, long logOffset) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        Set<Integer> waiting = new LinkedHashSet<>(List.of(ports.c2s(), ports.directTls(), ports.http()));
        while (true) {
            waiting.removeIf(ProsodyProcess::accepts);
            if (waiting.isEmpty()) {
                return;
            }
            if (readFrom(layout.logFile(), logOffset).contains("Failed to open server port")) {
                throw new PortTakenException("Prosody could not listen on all of " + ports + "\n" + diagnostics(layout, logOffset));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Prosody exited with code " + process.exitValue() + " while starting\n"
                        + diagnostics(layout, logOffset));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Prosody did not accept connections on ports " + waiting + " within "
                        + START_TIMEOUT_MILLIS + " ms\n" + diagnostics(layout, logOffset));
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Prosody", e);
            }
        }
    }

    private static String diagnostics(ServerLayout layout, long logOffset) {
        return "--- " + layout.logFile() + " ---\n" + readFrom(layout.logFile(), logOffset)
                + "--- " + layout.outputFile() + " ---\n" + readFrom(layout.outputFile(), 0)
                + "--- " + layout.configFile() + " ---\n" + readFrom(layout.configFile(), 0);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ProsodyServer.LOOPBACK, port), 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String readFrom(Path file, long offset) {
        if (!Files.exists(file)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(Math.min(offset, Files.size(file)));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")\n";
        }
    }
}
