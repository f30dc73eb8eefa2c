package im.parley.service.chat;

import im.parley.service.common.Jid;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server archive in memory that answers queries the way XEP-0313 with RSM says (and Prosody does): forward after
 * an id or from a time, backward before an id or from the end, limited to one peer, item-not-found for an id it
 * does not hold. {@link #failAfter} makes the n-th query from now fail like a dropped connection.
 */
public final class FakeArchiveGateway implements ArchiveGateway {

    final List<ArchivedMessage> archive = new CopyOnWriteArrayList<>();
    final List<ArchiveQuery> queries = new CopyOnWriteArrayList<>();
    private final Jid owner;
    private volatile int failCountdown = -1;

    public FakeArchiveGateway(Jid owner) {
        this.owner = owner.bare();
    }

    public void add(ArchivedMessage m) {
        archive.add(m);
    }

    /** The query after {@code okQueries} more successful ones fails. */
    void failAfter(int okQueries) {
        failCountdown = okQueries;
    }

    public void forget(String id) {
        archive.removeIf(m -> m.resultId().equals(id));
    }

    @Override
    public synchronized CompletableFuture<ArchivePage> query(ArchiveQuery q) {
        queries.add(q);
        if (failCountdown == 0) {
            failCountdown = -1;
            return CompletableFuture.failedFuture(new IllegalStateException("Not connected to the server."));
        }
        if (failCountdown > 0) {
            failCountdown--;
        }
        List<ArchivedMessage> items = new ArrayList<>();
        for (ArchivedMessage m : archive) {
            if (q.with() != null && !peerOf(m).equals(q.with())) {
                continue;
            }
            if (q.since() != null && m.stamp().isBefore(q.since())) {
                continue;
            }
            if (q.until() != null && m.stamp().isAfter(q.until())) {
                continue;
            }
            items.add(m);
        }
        List<ArchivedMessage> page;
        boolean complete;
        if (q.backward()) {
            int end = items.size();
            if (q.beforeId() != null) {
                end = indexOf(items, q.beforeId());
                if (end < 0) {
                    return CompletableFuture.failedFuture(new ArchiveCursorUnknownException(q.beforeId(), null));
                }
            }
            int start = Math.max(0, end - q.max());
            page = items.subList(start, end);
            complete = start == 0;
        } else {
            int start = 0;
            if (q.afterId() != null) {
                start = indexOf(items, q.afterId());
                if (start < 0) {
                    return CompletableFuture.failedFuture(new ArchiveCursorUnknownException(q.afterId(), null));
                }
                start++;
            }
            int end = Math.min(items.size(), start + q.max());
            page = items.subList(start, end);
            complete = end == items.size();
        }
        return CompletableFuture.completedFuture(new ArchivePage(page,
                page.isEmpty() ? null : page.getFirst().resultId(), page.isEmpty() ? null : page.getLast().resultId(),
                complete));
    }

    private static int indexOf(List<ArchivedMessage> items, String id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).resultId().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private Jid peerOf(ArchivedMessage m) {
        InboundChat.Incoming f = m.forwarded();
        return (f.to().bare().equals(owner) ? f.from() : f.to()).bare();
    }
}
