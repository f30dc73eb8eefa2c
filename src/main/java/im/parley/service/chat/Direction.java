package im.parley.service.chat;

public enum Direction {
    INCOMING, OUTGOING
}
