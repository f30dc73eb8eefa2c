package im.parley.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * One {@link ProsodyServer} per test class (shared by its {@code @Nested} classes):
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ProsodyExtension PROSODY = new ProsodyExtension();
 * }</pre>
 *
 * Use {@link #server()}, or declare a {@code ProsodyServer} parameter on a test, lifecycle method or constructor.
 * When a test fails, the end of Prosody's log is logged.
 */
public final class ProsodyExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ProsodyExtension.class);
    private static final int LOG_LINES_ON_FAILURE = 60;

    private final ProsodyServer.Storage storage;
    private volatile ProsodyServer server;
    private String ownerId;

    /** With internal storage. */
    public ProsodyExtension() {
        this(ProsodyServer.Storage.INTERNAL);
    }

    public ProsodyExtension(ProsodyServer.Storage storage) {
        this.storage = storage;
    }

    /** The running server of the current test class. */
    public ProsodyServer server() {
        ProsodyServer current = server;
        if (current == null) {
            throw new IllegalStateException("No Prosody: register ProsodyExtension on a static field "
                    + "(@RegisterExtension static final ProsodyExtension PROSODY = new ProsodyExtension())");
        }
        return current;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (server == null) {
            server = ProsodyServer.startNew(storage);
            ownerId = context.getUniqueId();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (server != null && context.getUniqueId().equals(ownerId)) {
            try {
                server.close();
            } finally {
                server = null;
                ownerId = null;
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == ProsodyServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        ProsodyServer current = server;
        if (current == null || !Files.exists(current.logFile())) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(current.logFile());
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size());
            LOG.warn("{} failed; the last {} lines of {}:\n{}", context.getDisplayName(), tail.size(),
                    current.logFile(), String.join("\n", tail));
        } catch (IOException e) {
            LOG.warn("Cannot read {}", current.logFile(), e);
        }
    }
}
