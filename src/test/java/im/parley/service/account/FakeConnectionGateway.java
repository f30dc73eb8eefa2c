package im.parley.service.account;

import im.parley.service.common.Presence;
import im.parley.service.common.Jid;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Records what the service asks of the network; each connect returns a future the test completes. */
final class FakeConnectionGateway implements ConnectionGateway {

    record Connect(LoginRequest request, Optional<String> pinnedFingerprint, CompletableFuture<Jid> result) {
    }

    final List<Connect> connects = new ArrayList<>();
    final List<Presence> presences = new ArrayList<>();
    int cancels;
    int disconnects;
    Consumer<ConnectionStateChanged> stateListener;

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

    Connect lastConnect() {
        return connects.getLast();
    }
}
