package im.parley.xmpp;

import im.parley.service.common.Jid;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The current Smack connection of the account and the two executors every adapter shares:
 * virtual threads for blocking round trips, and one ordered lane for inbound events so the
 * services see them in arrival order.
 */
public final class XmppSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(XmppSession.class);

    private final ExecutorService io = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("xmpp-io-", 0).factory());
    private final ExecutorService inbound = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("xmpp-inbound").factory());
    private final List<Consumer<XMPPTCPConnection>> binders = new CopyOnWriteArrayList<>();
    private volatile XMPPTCPConnection connection;

    /** Called with every new connection before it connects, so listeners miss nothing. */
    void onNewConnection(Consumer<XMPPTCPConnection> binder) {
        binders.add(binder);
    }

    void attach(XMPPTCPConnection newConnection) {
        connection = newConnection;
        binders.forEach(b -> b.accept(newConnection));
    }

    void detach(XMPPTCPConnection old) {
        if (connection == old) {
            connection = null;
        }
    }

    XMPPTCPConnection connection() throws SmackException.NotConnectedException {
        XMPPTCPConnection c = connection;
        if (c == null || !c.isConnected()) {
            throw new SmackException.NotConnectedException("Not connected to the server.");
        }
        return c;
    }

    /** The bound full address, or null before login. */
    Jid ownJid() {
        XMPPTCPConnection c = connection;
        return c == null || c.getUser() == null ? null : Jids.fromSmack(c.getUser());
    }

    /** Runs a blocking network call off the caller's thread. */
    <T> CompletableFuture<T> call(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        io.execute(() -> {
            try {
                result.complete(task.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    CompletableFuture<Void> run(BlockingAction action) {
        return call(() -> {
            action.run();
            return null;
        });
    }

    void runOnIo(Runnable task) {
        io.execute(task);
    }

    /** Queues an inbound event; queued events run one at a time, in order. */
    void dispatchInbound(Runnable event) {
        try {
            inbound.execute(() -> {
                try {
                    event.run();
                } catch (RuntimeException e) {
                    LOG.error("Inbound event handler failed", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            LOG.debug("Dropped an inbound event that arrived after the session closed");
        }
    }

    @Override
    public void close() {
        XMPPTCPConnection c = connection;
        if (c != null) {
            // A connection the server dropped is waiting to reconnect: it must not come back after the session ended
            // (it would log in again and replace the next session of the same resource).
            ReconnectionManager reconnection = ReconnectionManager.getInstanceFor(c);
            reconnection.disableAutomaticReconnection();
            reconnection.abortPossiblyRunningReconnection();
            if (c.isConnected()) {
                c.instantShutdown();
            }
        }
        inbound.shutdown();
        io.shutdown();
        try {
            if (!inbound.awaitTermination(2, TimeUnit.SECONDS) || !io.awaitTermination(2, TimeUnit.SECONDS)) {
                inbound.shutdownNow();
                io.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    interface BlockingAction {
        void run() throws Exception;
    }
}
