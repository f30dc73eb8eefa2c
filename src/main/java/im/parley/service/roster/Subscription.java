package im.parley.service.roster;

/** RFC 6121 subscription state of a roster item. */
public enum Subscription {
    NONE, TO, FROM, BOTH;

    public boolean seesTheirPresence() {
        return this == TO || this == BOTH;
    }
}
