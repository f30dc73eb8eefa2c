package im.parley.service.chat;

import im.parley.service.common.Jid;

import java.time.Instant;

/** A one-to-one conversation as listed: peer, last activity, unread count, a preview line. */
public record Conversation(Jid peer, Instant lastActivity, int unread, String preview, Direction lastDirection) {
}
