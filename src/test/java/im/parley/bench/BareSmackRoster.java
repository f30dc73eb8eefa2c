package im.parley.bench;

import im.parley.testsupport.ProsodyServer;
import im.parley.testsupport.TestAccount;
import im.parley.testsupport.TestConnections;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterLoadedListener;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The floor: plain Smack with its defaults (initial presence included, like Parley), connect, log in, and wait for
 * the roster Smack requests at login; no second roster request.
 */
final class BareSmackRoster implements RosterScenario {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What happens with the loaded roster inside the timed stretch: nothing, or drawing it in a plain list. */
    interface Presenter {
        Presenter NONE = new Presenter() {
        };

        default void prepare() throws Exception {
        }

        default void present(Roster roster) throws Exception {
        }

        default void dispose() throws Exception {
        }
    }

    private final Presenter presenter;

    BareSmackRoster() {
        this(Presenter.NONE);
    }

    BareSmackRoster(Presenter presenter) {
        this.presenter = presenter;
    }

    @Override
    public Duration loginAndLoadRoster(ProsodyServer server, TestAccount account, int expectedContacts) throws Exception {
        String resource = TestConnections.randomResource();
        presenter.prepare();
        long start = System.nanoTime();
        XMPPTCPConnection connection = new XMPPTCPConnection(TestConnections.startTls(server, account, resource).build());
        try {
            Roster roster = Roster.getInstanceFor(connection);
            CompletableFuture<Void> loaded = loadedSignal(roster);
            connection.connect().login();
            if (!roster.isLoaded()) {
                loaded.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            int contacts = roster.getEntryCount();
            presenter.present(roster);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            RosterScenario.check(expectedContacts, contacts);
            return elapsed;
        } finally {
            connection.disconnect();
            presenter.dispose();
        }
    }

    private static CompletableFuture<Void> loadedSignal(Roster roster) {
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        roster.addRosterLoadedListener(new RosterLoadedListener() {
            @Override
            public void onRosterLoaded(Roster r) {
                loaded.complete(null);
            }

            @Override
            public void onRosterLoadingFailed(Exception e) {
                loaded.completeExceptionally(e);
            }
        });
        return loaded;
    }
}
