package im.parley.service.roster;

import im.parley.service.common.Jid;
import im.parley.service.common.Text;

import java.util.Set;
import java.util.TreeSet;

/**
 * A roster item. {@code name} is what the user or the server called the contact (may be empty);
 * {@code awaitingApproval} is true while our subscription request is unanswered.
 */
public record Contact(Jid jid, String name, Set<String> groups, Subscription subscription, boolean awaitingApproval) {

    public static final String NO_GROUP = "Contacts";

    public Contact {
        jid = jid.bare();
        name = Text.sanitizeLine(name, 200);
        TreeSet<String> clean = new TreeSet<>();
        for (String g : groups) {
            String s = Text.sanitizeLine(g, 100);
            if (!s.isEmpty()) {
                clean.add(s);
            }
        }
        groups = Set.copyOf(clean);
    }

    public String displayName() {
        return name.isEmpty() ? jid.asBareString() : name;
    }

    /** The groups to list the contact under; a contact without group goes under {@link #NO_GROUP}. */
    public Set<String> displayGroups() {
        return groups.isEmpty() ? Set.of(NO_GROUP) : groups;
    }

    public Contact withName(String newName) {
        return new Contact(jid, newName, groups, subscription, awaitingApproval);
    }

    public Contact withGroups(Set<String> newGroups) {
        return new Contact(jid, name, newGroups, subscription, awaitingApproval);
    }
}
