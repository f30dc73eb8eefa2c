package im.parley.ui.roster;

/** One line of the roster list: a group header or a contact under it. */
public sealed interface RosterRow {

    record GroupRow(String name, int online, int total, boolean expanded) implements RosterRow {
    }

    record ContactRow(ContactItem contact) implements RosterRow {
    }
}
