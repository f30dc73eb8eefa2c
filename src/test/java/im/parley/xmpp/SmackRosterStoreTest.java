package im.parley.xmpp;

import im.parley.archive.ArchiveException;
import im.parley.service.common.Jid;
import im.parley.service.roster.Contact;
import im.parley.service.roster.RosterCache;
import im.parley.service.roster.Subscription;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SmackRosterStoreTest {

    private static final Contact BOB = new Contact(Jid.parse("bob@example.org"), "Bob", Set.of("Friends"),
            Subscription.TO, true);

    /** A cache in memory that remembers the last call. */
    private static final class MemoryCache implements RosterCache {
        Snapshot snapshot;

        @Override
        public Optional<Snapshot> load() {
            return Optional.ofNullable(snapshot);
        }

        @Override
        public void replaceAll(String version, List<Contact> contacts) {
            snapshot = new Snapshot(version, contacts);
        }

        @Override
        public void put(String version, Contact contact) {
            List<Contact> next = new java.util.ArrayList<>(snapshot.contacts());
            next.removeIf(c -> c.jid().equals(contact.jid()));
            next.add(contact);
            snapshot = new Snapshot(version, next);
        }

        @Override
        public void remove(String version, Jid jid) {
            snapshot = new Snapshot(version, snapshot.contacts().stream().filter(c -> !c.jid().equals(jid)).toList());
        }

        @Override
        public void clear() {
            snapshot = null;
        }
    }

    /** A cache whose archive fails on every call. */
    private static final class BrokenCache implements RosterCache {
        @Override
        public Optional<Snapshot> load() {
            throw new ArchiveException("disk gone", null);
        }

        @Override
        public void replaceAll(String version, List<Contact> contacts) {
            throw new ArchiveException("disk gone", null);
        }

        @Override
        public void put(String version, Contact contact) {
            throw new ArchiveException("disk gone", null);
        }

        @Override
        public void remove(String version, Jid jid) {
            throw new ArchiveException("disk gone", null);
        }

        @Override
        public void clear() {
            throw new ArchiveException("disk gone", null);
        }
    }

    private static RosterPacket.Item item(String jid, String name, RosterPacket.ItemType type) throws Exception {
        RosterPacket.Item item = new RosterPacket.Item(JidCreate.bareFrom(jid), name);
        item.setItemType(type);
        return item;
    }

    @Test
    @DisplayName("items go into the cache and come back as the same items, with the version")
    void roundTrip() throws Exception {
        MemoryCache cache = new MemoryCache();
        SmackRosterStore store = new SmackRosterStore(cache);
        RosterPacket.Item bob = SmackRosterStore.toItem(BOB);
        RosterPacket.Item gateway = item("irc.example.org", "IRC", RosterPacket.ItemType.both);

        assertThat(store.resetEntries(List.of(bob, gateway), "v1")).isTrue();

        assertThat(store.getRosterVersion()).isEqualTo("v1");
        assertThat(store.getEntries()).containsExactlyInAnyOrder(bob, gateway);
        assertThat(store.getEntry(JidCreate.bareFrom("bob@example.org"))).isEqualTo(bob);
        assertThat(SmackRosterStore.toContact(store.getEntry(JidCreate.bareFrom("bob@example.org")))).isEqualTo(BOB);
    }

    @Test
    @DisplayName("a pushed item and a removal carry their versions into the cache")
    void pushes() throws Exception {
        MemoryCache cache = new MemoryCache();
        SmackRosterStore store = new SmackRosterStore(cache);
        store.resetEntries(List.of(SmackRosterStore.toItem(BOB)), "v1");

        assertThat(store.addEntry(item("carol@example.org", "Carol", RosterPacket.ItemType.none), "v2")).isTrue();
        assertThat(store.removeEntry(JidCreate.bareFrom("bob@example.org"), "v3")).isTrue();

        assertThat(cache.snapshot.version()).isEqualTo("v3");
        assertThat(cache.snapshot.contacts()).extracting(Contact::displayName).containsExactly("Carol");
    }

    @Test
    @DisplayName("a broken archive never fails the login: no version, so the server sends the whole roster")
    void brokenCacheMeansFullRoster() throws Exception {
        SmackRosterStore store = new SmackRosterStore(new BrokenCache());

        assertThat(store.getRosterVersion()).isNull();
        assertThat(store.getEntries()).isEmpty();
        assertThat(store.resetEntries(List.of(SmackRosterStore.toItem(BOB)), "v1")).isFalse();
        assertThat(store.addEntry(SmackRosterStore.toItem(BOB), "v2")).isFalse();
        store.resetStore();
    }

    @Test
    @DisplayName("a name with bidi controls from the server is cleaned before it is cached")
    void hostileNameIsSanitised() throws Exception {
        MemoryCache cache = new MemoryCache();
        new SmackRosterStore(cache).resetEntries(
                List.of(item("eve@example.org", "Eve\u202Egnp.exe", RosterPacket.ItemType.both)), "v1");

        assertThat(cache.snapshot.contacts().getFirst().name()).doesNotContain("\u202E");
    }
}
