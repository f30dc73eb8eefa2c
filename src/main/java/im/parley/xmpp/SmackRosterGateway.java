package im.parley.xmpp;

import im.parley.service.common.Availability;
import im.parley.service.common.Jid;
import im.parley.service.common.Presence;
import im.parley.service.roster.Contact;
import im.parley.service.roster.RosterCache;
import im.parley.service.roster.RosterEvent;
import im.parley.service.roster.RosterGateway;
import im.parley.service.roster.Subscription;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Presence.Type;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.RosterListener;
import org.jivesoftware.smack.roster.SubscribeListener;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.BareJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The roster through Smack. Subscription requests are answered by the user, except from
 * people the user already asked to subscribe to (that is the user's intent made earlier).
 */
public final class SmackRosterGateway implements RosterGateway {

    private static final Logger LOG = LoggerFactory.getLogger(SmackRosterGateway.class);
    /** A change of more items than this at once is published as a fresh snapshot. */
    private static final int BULK_CHANGE = 64;

    static {
        Roster.setDefaultSubscriptionMode(Roster.SubscriptionMode.manual);
    }

    private final XmppSession session;
    private final SmackRosterStore store;
    private volatile Consumer<RosterEvent> listener = e -> { };
    private volatile CompletableFuture<Void> loadedAtLogin = new CompletableFuture<>();
    /** Touched only on the inbound lane. */
    private boolean snapshotPublished;

    /** Without a roster cache: every login fetches the whole roster. */
    public SmackRosterGateway(XmppSession session) {
        this(session, null);
    }

    /** {@code cache} keeps the roster between logins, so the server sends only what changed (XEP-0237). */
    public SmackRosterGateway(XmppSession session, RosterCache cache) {
        this.session = session;
        this.store = cache == null ? null : new SmackRosterStore(cache);
        session.onNewConnection(this::bind);
    }

    private boolean awaitLoadedAtLogin() throws InterruptedException {
        try {
            loadedAtLogin.get(connectionReplyTimeout(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    private long connectionReplyTimeout() {
        try {
            return session.connection().getReplyTimeout();
        } catch (org.jivesoftware.smack.SmackException.NotConnectedException e) {
            return 0;
        }
    }

    private void bind(XMPPTCPConnection connection) {
        Roster roster = Roster.getInstanceFor(connection);
        if (store != null) {
            roster.setRosterStore(store);
        }
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        loadedAtLogin = loaded;
        roster.addRosterLoadedListener(new org.jivesoftware.smack.roster.RosterLoadedListener() {
            @Override
            public void onRosterLoaded(Roster r) {
                loaded.complete(null);
            }

            @Override
            public void onRosterLoadingFailed(Exception exception) {
                loaded.completeExceptionally(exception);
            }
        });
        roster.setSubscriptionMode(Roster.SubscriptionMode.manual);
        session.dispatchInbound(() -> snapshotPublished = false);
        roster.addRosterListener(new RosterListener() {
            @Override
            public void entriesAdded(Collection<org.jxmpp.jid.Jid> addresses) {
                changed(roster, addresses);
            }

            @Override
            public void entriesUpdated(Collection<org.jxmpp.jid.Jid> addresses) {
                changed(roster, addresses);
            }

            @Override
            public void entriesDeleted(Collection<org.jxmpp.jid.Jid> addresses) {
                List<Jid> removed = addresses.stream().map(Jids::fromSmack).filter(j -> j != null).toList();
                session.dispatchInbound(() -> {
                    if (snapshotPublished) {
                        removed.forEach(j -> listener.accept(new RosterEvent.ContactRemoved(j.bare())));
                    }
                });
            }

            @Override
            public void presenceChanged(org.jivesoftware.smack.packet.Presence presence) {
                BareJid from = presence.getFrom() == null ? null : presence.getFrom().asBareJid();
                if (from == null) {
                    return;
                }
                session.dispatchInbound(() -> {
                    if (snapshotPublished) {
                        publishPresence(roster, from);
                    }
                });
            }
        });
        roster.addSubscribeListener(subscribeListener(roster));
    }

    private SubscribeListener subscribeListener(Roster roster) {
        return (from, presence) -> {
            Jid jid = Jids.fromSmack(from);
            if (jid == null) {
                LOG.warn("Ignored a subscription request from an invalid address");
                return SubscribeListener.SubscribeAnswer.Deny;
            }
            RosterEntry entry = roster.getEntry(from.asBareJid());
            if (entry != null && (entry.canSeeHisPresence() || entry.isSubscriptionPending())) {
                return SubscribeListener.SubscribeAnswer.Approve;
            }
            session.dispatchInbound(() -> listener.accept(new RosterEvent.SubscriptionRequested(jid.bare())));
            return null;
        };
    }

    private void changed(Roster roster, Collection<org.jxmpp.jid.Jid> addresses) {
        List<BareJid> jids = addresses.stream().map(org.jxmpp.jid.Jid::asBareJid).toList();
        session.dispatchInbound(() -> {
            if (!snapshotPublished) {
                return;
            }
            if (jids.size() > BULK_CHANGE) {
                publishSnapshot(roster);
                return;
            }
            for (BareJid jid : jids) {
                RosterEntry entry = roster.getEntry(jid);
                Contact contact = entry == null ? null : toContact(entry);
                if (contact != null) {
                    listener.accept(new RosterEvent.ContactChanged(contact));
                }
            }
        });
    }

    @Override
    public CompletableFuture<List<Contact>> load() {
        return session.call(() -> {
            Roster roster = Roster.getInstanceFor(session.connection());
            // Smack fetches the roster right after login; wait for that one instead of asking a second time.
            if (!roster.isLoaded() && !awaitLoadedAtLogin()) {
                roster.reloadAndWait();
            }
            CompletableFuture<List<Contact>> published = new CompletableFuture<>();
            session.dispatchInbound(() -> published.complete(publishSnapshot(roster)));
            return published.join();
        });
    }

    /** Runs on the inbound lane, so no change can slip between the snapshot and later events. */
    private List<Contact> publishSnapshot(Roster roster) {
        List<Contact> contacts = new ArrayList<>();
        for (RosterEntry entry : roster.getEntries()) {
            Contact c = toContact(entry);
            if (c != null) {
                contacts.add(c);
            }
        }
        snapshotPublished = true;
        listener.accept(new RosterEvent.RosterLoaded(contacts));
        for (Contact c : contacts) {
            if (roster.getPresence(Jids.toEntityBare(c.jid())).isAvailable()) {
                publishPresence(roster, Jids.toEntityBare(c.jid()));
            }
        }
        return contacts;
    }

    private void publishPresence(Roster roster, BareJid jid) {
        Jid contact = Jids.fromSmack(jid);
        if (contact != null) {
            listener.accept(new RosterEvent.PresenceChanged(contact, toPresence(roster.getPresence(jid))));
        }
    }

    static Presence toPresence(org.jivesoftware.smack.packet.Presence p) {
        if (p == null || p.getType() != Type.available) {
            return new Presence(Availability.OFFLINE, p == null ? "" : p.getStatus());
        }
        Availability availability = switch (p.getMode()) {
            case chat -> Availability.CHAT;
            case away -> Availability.AWAY;
            case xa -> Availability.XA;
            case dnd -> Availability.DND;
            case available -> Availability.ONLINE;
        };
        return new Presence(availability, p.getStatus());
    }

    private static Contact toContact(RosterEntry entry) {
        Jid jid = Jids.fromSmack(entry.getJid());
        if (jid == null) {
            return null;
        }
        Set<String> groups = new java.util.TreeSet<>();
        entry.getGroups().forEach(g -> groups.add(g.getName()));
        return new Contact(jid, entry.getName() == null ? "" : entry.getName(), groups,
                SmackRosterStore.subscriptionOf(entry.getType()), entry.isSubscriptionPending());
    }

    @Override
    public CompletableFuture<Void> add(Jid jid, String name, Set<String> groups) {
        return session.run(() -> Roster.getInstanceFor(session.connection())
                .createItemAndRequestSubscription(Jids.toEntityBare(jid), name, groups.toArray(String[]::new)));
    }

    @Override
    public CompletableFuture<Void> update(Contact contact) {
        return session.run(() -> Roster.getInstanceFor(session.connection())
                .createItem(Jids.toEntityBare(contact.jid()), contact.name(), contact.groups().toArray(String[]::new)));
    }

    @Override
    public CompletableFuture<Void> remove(Jid jid) {
        return session.run(() -> {
            Roster roster = Roster.getInstanceFor(session.connection());
            RosterEntry entry = roster.getEntry(Jids.toEntityBare(jid));
            if (entry != null) {
                roster.removeEntry(entry);
            }
        });
    }

    @Override
    public CompletableFuture<Void> approve(Jid jid) {
        return session.run(() -> {
            XMPPTCPConnection c = session.connection();
            sendPresence(c, jid, Type.subscribed);
            RosterEntry entry = Roster.getInstanceFor(c).getEntry(Jids.toEntityBare(jid));
            if (entry == null || !(entry.canSeeHisPresence() || entry.isSubscriptionPending())) {
                sendPresence(c, jid, Type.subscribe);
            }
        });
    }

    @Override
    public CompletableFuture<Void> deny(Jid jid) {
        return session.run(() -> sendPresence(session.connection(), jid, Type.unsubscribed));
    }

    private static void sendPresence(XMPPConnection c, Jid to, Type type) throws Exception {
        c.sendStanza(c.getStanzaFactory().buildPresenceStanza().to(Jids.toEntityBare(to)).ofType(type).build());
    }

    @Override
    public void setListener(Consumer<RosterEvent> listener) {
        this.listener = listener;
    }
}
