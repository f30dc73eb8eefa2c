package im.parley.xmpp;

import im.parley.service.common.Jid;
import im.parley.service.roster.Contact;
import im.parley.service.roster.RosterCache;
import im.parley.service.roster.Subscription;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.roster.rosterstore.RosterStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Smack's roster store (XEP-0237 roster versioning) on Parley's {@link RosterCache}: at login Smack sends the cached
 * version, and the server answers with only what changed since (or nothing). A cache that cannot be read or written
 * makes Smack ask for the whole roster; it never fails the login. Pre-approvals ({@code approved}) are not kept.
 */
final class SmackRosterStore implements RosterStore {

    private static final Logger LOG = LoggerFactory.getLogger(SmackRosterStore.class);

    private final RosterCache cache;

    SmackRosterStore(RosterCache cache) {
        this.cache = cache;
    }

    @Override
    public List<RosterPacket.Item> getEntries() {
        return snapshot().map(s -> s.contacts().stream().map(SmackRosterStore::toItem).toList()).orElse(List.of());
    }

    @Override
    public RosterPacket.Item getEntry(org.jxmpp.jid.Jid bareJid) {
        Jid wanted = Jids.fromSmack(bareJid);
        if (wanted == null) {
            return null;
        }
        return snapshot().flatMap(s -> s.contacts().stream().filter(c -> c.jid().equals(wanted.bare())).findFirst())
                .map(SmackRosterStore::toItem).orElse(null);
    }

    @Override
    public String getRosterVersion() {
        return snapshot().map(RosterCache.Snapshot::version).orElse(null);
    }

    @Override
    public boolean addEntry(RosterPacket.Item item, String version) {
        Contact contact = toContact(item);
        return contact != null && attempt("store a roster change", () -> cache.put(version, contact));
    }

    @Override
    public boolean resetEntries(Collection<RosterPacket.Item> items, String version) {
        List<Contact> contacts = items.stream().map(SmackRosterStore::toContact).filter(Objects::nonNull).toList();
        return attempt("store the roster", () -> cache.replaceAll(version, contacts));
    }

    @Override
    public boolean removeEntry(org.jxmpp.jid.Jid bareJid, String version) {
        Jid jid = Jids.fromSmack(bareJid);
        return jid != null && attempt("store a roster removal", () -> cache.remove(version, jid.bare()));
    }

    @Override
    public void resetStore() {
        attempt("clear the roster cache", cache::clear);
    }

    private Optional<RosterCache.Snapshot> snapshot() {
        try {
            return cache.load();
        } catch (RuntimeException e) {
            LOG.warn("The roster cache could not be read; asking the server for the whole roster: {}", e.toString());
            return Optional.empty();
        }
    }

    private static boolean attempt(String what, Runnable work) {
        try {
            work.run();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not {} in the archive: {}", what, e.toString());
            return false;
        }
    }

    static Contact toContact(RosterPacket.Item item) {
        Jid jid = Jids.fromSmack(item.getJid());
        if (jid == null || item.getItemType() == RosterPacket.ItemType.remove) {
            return null;
        }
        return new Contact(jid.bare(), item.getName() == null ? "" : item.getName(), item.getGroupNames(),
                subscriptionOf(item.getItemType()), item.isSubscriptionPending());
    }

    static RosterPacket.Item toItem(Contact contact) {
        RosterPacket.Item item = new RosterPacket.Item(Jids.toBare(contact.jid()), contact.name());
        item.setItemType(switch (contact.subscription()) {
            case NONE -> RosterPacket.ItemType.none;
            case TO -> RosterPacket.ItemType.to;
            case FROM -> RosterPacket.ItemType.from;
            case BOTH -> RosterPacket.ItemType.both;
        });
        item.setSubscriptionPending(contact.awaitingApproval());
        contact.groups().forEach(item::addGroupName);
        return item;
    }

    static Subscription subscriptionOf(RosterPacket.ItemType type) {
        return switch (type) {
            case to -> Subscription.TO;
            case from -> Subscription.FROM;
            case both -> Subscription.BOTH;
            case none, remove -> Subscription.NONE;
        };
    }
}
