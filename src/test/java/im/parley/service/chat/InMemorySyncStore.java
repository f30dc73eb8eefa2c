package im.parley.service.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Sync state in memory; {@link #atomically} only runs the work (rollback is the SQL store's, tested there). */
public final class InMemorySyncStore implements SyncStore {

    record Gap(String archive, String afterId, String beforeId) {
    }

    final Map<String, SyncCursor> cursors = new HashMap<>();
    final List<Gap> gaps = new ArrayList<>();
    int transactions;

    @Override
    public synchronized <T> T atomically(Supplier<T> work) {
        transactions++;
        return work.get();
    }

    @Override
    public synchronized Optional<SyncCursor> cursor(String archive) {
        return Optional.ofNullable(cursors.get(archive));
    }

    @Override
    public synchronized void saveCursor(String archive, SyncCursor cursor) {
        cursors.put(archive, cursor);
    }

    @Override
    public synchronized void recordGap(String archive, String afterId, String beforeId) {
        gaps.add(new Gap(archive, afterId, beforeId));
    }

    @Override
    public synchronized void closeGap(String archive, String afterId, String beforeId) {
        gaps.remove(new Gap(archive, afterId, beforeId));
    }
}
