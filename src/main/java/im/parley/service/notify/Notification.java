package im.parley.service.notify;

import im.parley.service.common.Jid;

/**
 * One desktop notification about a conversation. It never carries a message body: notifications leave the app
 * (the OS shows, logs and sometimes syncs them), so they say who and how many, not what.
 */
public record Notification(Jid conversation, String title, String text) {
}
