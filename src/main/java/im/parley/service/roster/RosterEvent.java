package im.parley.service.roster;

import im.parley.service.common.Jid;
import im.parley.service.common.Presence;

import java.util.List;

/** What happened to the roster, in the order the server said it. */
public sealed interface RosterEvent {

    record RosterLoaded(List<Contact> contacts) implements RosterEvent {
        public RosterLoaded {
            contacts = List.copyOf(contacts);
        }
    }

    record ContactChanged(Contact contact) implements RosterEvent {
    }

    record ContactRemoved(Jid jid) implements RosterEvent {
    }

    /** The best presence of a contact across their resources changed. */
    record PresenceChanged(Jid jid, Presence presence) implements RosterEvent {
    }

    record SubscriptionRequested(Jid from) implements RosterEvent {
    }

    /** A pending incoming request was answered (here or from another of the user's devices). */
    record SubscriptionRequestSettled(Jid from) implements RosterEvent {
    }
}
