package im.parley.service.roster;

import im.parley.service.common.Jid;

import java.util.List;
import java.util.Optional;

/**
 * Port: the account's roster as last received from the server, with the server's version of it (XEP-0237 roster
 * versioning), kept in the encrypted archive so a login only transfers what changed since. Each change carries the
 * version the server gave with it, stored in the same transaction.
 */
public interface RosterCache {

    /** The cached roster; {@code version} is the server's opaque version string. */
    record Snapshot(String version, List<Contact> contacts) {
        public Snapshot {
            contacts = List.copyOf(contacts);
        }
    }

    /** Empty when nothing is cached for this account (the server then sends the whole roster). */
    Optional<Snapshot> load();

    void replaceAll(String version, List<Contact> contacts);

    void put(String version, Contact contact);

    void remove(String version, Jid jid);

    /** Forgets the cached roster and its version. */
    void clear();
}
