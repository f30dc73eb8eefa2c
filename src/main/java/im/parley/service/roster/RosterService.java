package im.parley.service.roster;

import im.parley.service.common.Jid;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The user's contacts: loading, editing, subscription requests. Events come out in server order. */
public final class RosterService {

    private final RosterGateway gateway;
    private final List<Consumer<RosterEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Set<Jid> pendingRequests = new LinkedHashSet<>();

    public RosterService(RosterGateway gateway) {
        this.gateway = gateway;
        gateway.setListener(this::onGatewayEvent);
    }

    public CompletableFuture<List<Contact>> load() {
        return gateway.load();
    }

    public CompletableFuture<Void> addContact(Jid jid, String name, Set<String> groups) {
        return gateway.add(jid.bare(), name == null ? "" : name, groups);
    }

    public CompletableFuture<Void> rename(Contact contact, String newName) {
        return gateway.update(contact.withName(newName));
    }

    public CompletableFuture<Void> moveToGroup(Contact contact, String group) {
        Set<String> groups = group == null || group.isBlank() ? Set.of() : Set.of(group.strip());
        return gateway.update(contact.withGroups(groups));
    }

    public CompletableFuture<Void> remove(Jid jid) {
        return gateway.remove(jid.bare());
    }

    public CompletableFuture<Void> approve(Jid from) {
        return gateway.approve(from.bare()).thenRun(() -> settle(from.bare()));
    }

    public CompletableFuture<Void> deny(Jid from) {
        return gateway.deny(from.bare()).thenRun(() -> settle(from.bare()));
    }

    public synchronized Set<Jid> pendingRequests() {
        return Set.copyOf(pendingRequests);
    }

    public void addListener(Consumer<RosterEvent> listener) {
        listeners.add(listener);
    }

    private void onGatewayEvent(RosterEvent event) {
        if (event instanceof RosterEvent.SubscriptionRequestSettled(Jid from)) {
            settle(from.bare()); // answered on another device: forget it here too, announce it once
            return;
        }
        if (event instanceof RosterEvent.SubscriptionRequested(Jid from)) {
            synchronized (this) {
                if (!pendingRequests.add(from.bare())) {
                    return;
                }
            }
        }
        publish(event);
    }

    private void settle(Jid from) {
        boolean wasPending;
        synchronized (this) {
            wasPending = pendingRequests.remove(from);
        }
        if (wasPending) {
            publish(new RosterEvent.SubscriptionRequestSettled(from));
        }
    }

    private void publish(RosterEvent event) {
        listeners.forEach(l -> l.accept(event));
    }
}
