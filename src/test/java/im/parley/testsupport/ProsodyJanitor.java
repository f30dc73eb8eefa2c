package im.parley.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Makes sure no test Prosody outlives its JVM: a shutdown hook stops the running ones, and servers left behind by
 * a JVM that was killed outright (no hooks run) are stopped and deleted when the next server starts.
 */
final class ProsodyJanitor {

    private static final Logger LOG = LoggerFactory.getLogger(ProsodyJanitor.class);
    private static final Set<ProsodyServer> RUNNING = ConcurrentHashMap.newKeySet();

    private ProsodyJanitor() {
    }

    private static final class Hook {
        static {
            // Runtime.addShutdownHook only takes a Thread.
            Runtime.getRuntime().addShutdownHook(new Thread(Hook::stopAll, "prosody-test-server-shutdown"));
        }

        static void install() {
            // loading this class registers the hook, exactly once
        }

        private static void stopAll() {
            for (ProsodyServer server : RUNNING) {
                server.emergencyStop();
            }
        }
    }

    static void running(ProsodyServer server) {
        Hook.install();
        RUNNING.add(server);
    }

    static void stopped(ProsodyServer server) {
        RUNNING.remove(server);
    }

    /** Deletes {@code layout}'s directory unless it is marked to be kept. */
    static void delete(ServerLayout layout) {
        if (Files.exists(layout.keepFile())) {
            LOG.info("Kept the Prosody directory {}", layout.directory());
        } else {
            deleteRecursively(layout.directory());
        }
    }

    /** Stops and deletes servers under {@code base} whose owning JVM is gone. */
    static void reapOrphans(Path base) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, ServerLayout.DIRECTORY_PREFIX + "*")) {
            for (Path dir : dirs) {
                ServerLayout layout = new ServerLayout(dir);
                Optional<Long> owner = readPid(layout.ownerFile());
                if (owner.isEmpty() || owner.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false)) {
                    continue; // being set up right now, or its JVM still runs
                }
                readPid(layout.pidFile()).flatMap(ProcessHandle::of)
                        .filter(process -> isProsodyIn(process, dir))
                        .ifPresent(ProsodyJanitor::kill);
                LOG.info("Cleaning up {} left behind by JVM {}", dir, owner.get());
                delete(layout);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Could not look for orphaned test servers in {}", base, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }

    /** Guards against a recycled pid: the process must have been started with a file of this directory. */
    private static boolean isProsodyIn(ProcessHandle process, Path dir) {
        return process.info().arguments()
                .map(args -> Arrays.stream(args).anyMatch(arg -> arg.startsWith(dir.toString())))
                .orElse(false);
    }

    private static void kill(ProcessHandle process) {
        LOG.warn("Stopping orphaned test Prosody (pid {})", process.pid());
        process.destroy();
        try {
            process.onExit().get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly(); // or a zombie nobody reaps; either way it no longer serves
        }
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
