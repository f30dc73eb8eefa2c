package im.parley.service.chat;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Port: where history sync keeps its place, in the same archive as the messages, so that one transaction can
 * hold a page of messages and the advanced cursor. {@code archive} is "" for the user's own archive (a room's
 * address later).
 */
public interface SyncStore {

    String OWN_ARCHIVE = "";

    /** Runs {@code work} (message-store calls included) as one transaction: all of it is stored, or none. */
    <T> T atomically(Supplier<T> work);

    /** Empty when this archive was never synced. */
    Optional<SyncCursor> cursor(String archive);

    void saveCursor(String archive, SyncCursor cursor);

    /**
     * Remembers that results between {@code afterId} (null: the beginning) and {@code beforeId} (null: unknown)
     * were not fetched.
     */
    void recordGap(String archive, String afterId, String beforeId);

    /** Forgets the gap recorded with exactly these ids (null matching null): its messages have been fetched. */
    void closeGap(String archive, String afterId, String beforeId);
}
