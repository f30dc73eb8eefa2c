package im.parley.service.roster;

import im.parley.service.common.Jid;

import im.parley.service.common.Presence;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The user's contacts: loading, editing, subscription requests. Events come out in server order. */
public final class RosterService {

    private final RosterGateway gateway;
    private final List<Consumer<RosterEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Set<Jid> pendingRequests = new LinkedHashSet<>();
    private final Map<Jid, Contact> contacts = new ConcurrentHashMap<>();
    private final Map<Jid, Presence> presences = new ConcurrentHashMap<>();

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

    /** Every roster item as last seen from the server. */
    public List<Contact> contacts() {
        return List.copyOf(contacts.values());
    }

    /** The roster item of {@code jid} as last seen, if it is in the roster. */
    public Optional<Contact> contact(Jid jid) {
        return Optional.ofNullable(contacts.get(jid.bare()));
    }

    /** The name to show for {@code jid}: the roster name, else the bare address. */
    public String displayName(Jid jid) {
        return contact(jid).map(Contact::displayName).orElse(jid.asBareString());
    }

    public Presence presenceOf(Jid jid) {
        return presences.getOrDefault(jid.bare(), Presence.OFFLINE);
    }

    public void addListener(Consumer<RosterEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<RosterEvent> listener) {
        listeners.remove(listener);
    }

    private void onGatewayEvent(RosterEvent event) {
        remember(event);
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

    private void remember(RosterEvent event) {
        switch (event) {
            case RosterEvent.RosterLoaded(List<Contact> loaded) -> {
                contacts.clear();
                loaded.forEach(c -> contacts.put(c.jid(), c));
            }
            case RosterEvent.ContactChanged(Contact c) -> contacts.put(c.jid(), c);
            case RosterEvent.ContactRemoved(Jid jid) -> {
                contacts.remove(jid.bare());
                presences.remove(jid.bare());
            }
            case RosterEvent.PresenceChanged(Jid jid, Presence p) -> presences.put(jid.bare(), p);
            default -> { }
        }
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
