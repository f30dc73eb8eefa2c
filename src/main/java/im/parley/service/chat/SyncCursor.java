package im.parley.service.chat;

import java.time.Instant;

/**
 * How far an archive has been caught up: the archive id of the newest result stored, or, when none was known yet,
 * the time from which to ask. {@code complete} says the last catch-up reached the end of the archive.
 */
public record SyncCursor(String lastStanzaId, Instant lastTime, boolean complete) {
}
