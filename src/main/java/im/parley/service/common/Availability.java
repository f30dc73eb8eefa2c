package im.parley.service.common;

/** How reachable someone is, from the most to the least (RFC 6121 show values plus offline). */
public enum Availability {
    CHAT, ONLINE, AWAY, DND, XA, OFFLINE;

    public boolean isOnline() {
        return this != OFFLINE;
    }
}
