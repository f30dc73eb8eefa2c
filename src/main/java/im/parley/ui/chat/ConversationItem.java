package im.parley.ui.chat;

import im.parley.service.common.Jid;

import java.time.Instant;

/** A conversation in the list: who, the last line, when, and how many are unread. */
public record ConversationItem(Jid peer, String title, String preview, String time, int unread,
                               Instant lastActivity) {
    @Override
    public String toString() {
        return "ConversationItem[" + peer + ", unread=" + unread + "]";
    }
}
