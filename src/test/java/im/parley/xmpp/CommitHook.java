package im.parley.xmpp;

import im.parley.service.chat.SyncCursor;
import im.parley.service.chat.SyncStore;

import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/** A sync store that tells a test about every committed transaction (one per page), right after the commit. */
final class CommitHook implements SyncStore {

    private final SyncStore delegate;
    private volatile IntConsumer afterCommit = n -> { };
    private int commits;

    CommitHook(SyncStore delegate) {
        this.delegate = delegate;
    }

    /** From now on, {@code hook} gets each commit with its number, counting from 1. */
    synchronized void onCommit(IntConsumer hook) {
        commits = 0;
        afterCommit = hook;
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
        T result = delegate.atomically(work);
        int n;
        synchronized (this) {
            n = ++commits;
        }
        afterCommit.accept(n);
        return result;
    }

    @Override
    public Optional<SyncCursor> cursor(String archive) {
        return delegate.cursor(archive);
    }

    @Override
    public void saveCursor(String archive, SyncCursor cursor) {
        delegate.saveCursor(archive, cursor);
    }

    @Override
    public void recordGap(String archive, String afterId, String beforeId) {
        delegate.recordGap(archive, afterId, beforeId);
    }

    @Override
    public void closeGap(String archive, String afterId, String beforeId) {
        delegate.closeGap(archive, afterId, beforeId);
    }
}
