package im.parley.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short helper commands (openssl, prosodyctl) to completion. */
final class Commands {

    private static final Logger LOG = LoggerFactory.getLogger(Commands.class);
    private static final long TIMEOUT_SECONDS = 30;

    private Commands() {
    }

    /**
     * Runs {@code command} and returns its combined output; fails with that output on a non-zero exit.
     *
     * @param what a description for error messages
     */
    static String run(List<String> command, String what) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + what + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed with exit code " + process.exitValue() + ":\n" + output);
            }
            LOG.debug("{} done: {}", what, output.strip());
            return output;
        } catch (IOException e) {
            process.destroyForcibly();
            throw new IllegalStateException("Cannot read the output of " + what, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + what, e);
        }
    }
}
