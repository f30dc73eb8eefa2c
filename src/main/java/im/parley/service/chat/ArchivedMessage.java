package im.parley.service.chat;

import im.parley.service.common.Jid;

import java.time.Instant;

/**
 * One archive result as it came off the wire, before any check: the archive's result id (the stanza-id in the
 * user's own archive), the {@code from} of the {@code <message>} that carried the result (null when the server
 * sent it without one, meaning the user's own account), the XEP-0203 stamp of the {@code <forwarded>}, and the
 * forwarded message (null when the result held no message Parley understands).
 */
public record ArchivedMessage(String resultId, Jid carrierFrom, Instant stamp, InboundChat.Incoming forwarded) {
}
