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

    @Override
    public Duration loginAndLoadRoster(ProsodyServer server, TestAccount account, int expectedContacts) throws Exception {
        String resource = TestConnections.randomResource();
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
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            RosterScenario.check(expectedContacts, contacts);
            return elapsed;
        } finally {
            connection.disconnect();
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
