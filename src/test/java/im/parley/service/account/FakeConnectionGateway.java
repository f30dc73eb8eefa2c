package im.parley.service.account;

import im.parley.service.common.Presence;
import im.parley.service.common.Jid;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Records what the service asks of the network; each connect returns a future the test completes. */
public final class FakeConnectionGateway implements ConnectionGateway {

    public record Connect(LoginRequest request, Optional<String> pinnedFingerprint, CompletableFuture<Jid> result) {
    }

    public final List<Connect> connects = new ArrayList<>();
    public final List<Presence> presences = new ArrayList<>();
    public int cancels;
    public int disconnects;
    public Consumer<ConnectionStateChanged> stateListener;

    @Override
    public CompletableFuture<Jid> connect(LoginRequest request, Optional<String> pinnedFingerprint) {
        Connect connect = new Connect(request, pinnedFingerprint, new CompletableFuture<>());
        connects.add(connect);
        return connect.result();
    }

    @Override
    public void cancelConnect() {
        cancels++;
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        disconnects++;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> sendPresence(Presence presence) {
        presences.add(presence);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void setStateListener(Consumer<ConnectionStateChanged> listener) {
        this.stateListener = listener;
    }

    public Connect lastConnect() {
        return connects.getLast();
    }
}
