package im.parley.service.chat;

import im.parley.service.common.Jid;

import java.time.Instant;

/**
 * One page request to the user's own archive. Forward queries ({@code backward == false}) return the oldest
 * {@code max} results after {@code afterId} (or from {@code since}, or from the start); backward queries return
 * the newest {@code max} results before {@code beforeId} (or before the end when it is null), never older than
 * {@code since} nor newer than {@code until}. {@code with} limits results to one conversation.
 */
public record ArchiveQuery(Jid with, String afterId, String beforeId, Instant since, Instant until, int max,
                           boolean backward) {

    public ArchiveQuery {
        if (max < 1) {
            throw new IllegalArgumentException("A page holds at least one result, not " + max);
        }
        max = Math.min(max, ArchiveGateway.MAX_PAGE);
        with = with == null ? null : with.bare();
        if (afterId != null && backward) {
            throw new IllegalArgumentException("A backward query pages before an id, not after one");
        }
    }

    /** The oldest results after {@code id} (forward catch-up from a cursor). */
    public static ArchiveQuery after(String id, int max) {
        return new ArchiveQuery(null, id, null, null, null, max, false);
    }

    /** The oldest results at or after {@code time} (forward catch-up when no id is known). */
    public static ArchiveQuery since(Instant time, int max) {
        return new ArchiveQuery(null, null, null, time, null, max, false);
    }

    /** The newest results, or those before {@code beforeId}, not older than {@code notBefore} (may be null). */
    public static ArchiveQuery newest(String beforeId, Instant notBefore, int max) {
        return new ArchiveQuery(null, null, beforeId, notBefore, null, max, true);
    }

    /**
     * One conversation's results before {@code beforeId}; without an id, those not newer than {@code until}
     * (both null: the conversation's newest).
     */
    public static ArchiveQuery olderWith(Jid peer, String beforeId, Instant until, int max) {
        return new ArchiveQuery(peer, null, beforeId, null, beforeId == null ? until : null, max, true);
    }
}
