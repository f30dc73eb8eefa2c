package im.parley.service.chat;

import im.parley.service.common.Failures;
import im.parley.service.common.Jid;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Scrolling back in a conversation: the local archive first; when it has fewer than asked, the server's archive
 * (XEP-0313 with {@code with} = the peer, before the oldest message known here), deduplicated and stored as read
 * history, then the local page again.
 */
public final class HistoryPager {

    /** Pages fetched from the server per request at most (duplicates of local messages can fill a page). */
    static final int MAX_SERVER_PAGES = 4;

    private final ArchiveGateway gateway;
    private final ChatService chat;
    private final HistoryWriter writer;
    private final Clock clock;
    private final Executor executor;

    /**
     * Older messages, oldest first. {@code serverHasMore} is false once the server said it has nothing older;
     * {@code problem} says, for the user, why the server could not be asked (null when it could).
     */
    public record OlderMessages(List<ChatMessage> messages, boolean serverHasMore, String problem) {
        public OlderMessages {
            messages = List.copyOf(messages);
        }
    }

    public HistoryPager(ArchiveGateway gateway, ChatService chat, MessageStore messages, SyncStore sync, Clock clock,
                        Executor executor) {
        this.gateway = gateway;
        this.chat = chat;
        this.writer = new HistoryWriter(chat, messages, sync);
        this.clock = clock;
        this.executor = executor;
    }

    /** Up to {@code limit} messages with {@code peer} older than {@code before}, oldest first. */
    public CompletableFuture<OlderMessages> olderThan(Jid peer, Instant before, int limit) {
        if (limit < 1) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Ask for at least one message"));
        }
        return CompletableFuture.supplyAsync(() -> load(peer.bare(), before, limit), executor);
    }

    private OlderMessages load(Jid peer, Instant before, int limit) {
        List<ChatMessage> local = chat.olderThan(peer, before, limit);
        if (local.size() >= limit) {
            return new OlderMessages(local, true, null);
        }
        ChatMessage oldest = local.isEmpty() ? null : local.getFirst();
        String beforeId = oldest == null ? null : oldest.stanzaId();
        Instant until = oldest == null ? before : oldest.timestamp();
        int missing = limit - local.size();
        boolean more = true;
        String problem = null;
        try {
            ArchiveQuery query = ArchiveQuery.olderWith(peer, beforeId, until, missing);
            for (int pages = 0; pages < MAX_SERVER_PAGES && missing > 0 && more; pages++) {
                ArchivePage page;
                try {
                    page = gateway.query(query).join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof ArchiveCursorUnknownException && query.beforeId() != null) {
                        query = ArchiveQuery.olderWith(peer, null, until, missing); // not on the server: go by time
                        continue;
                    }
                    throw e;
                }
                missing -= store(peer, page);
                more = !page.complete() && page.firstId() != null;
                query = ArchiveQuery.olderWith(peer, page.firstId(), null, Math.max(missing, 1));
            }
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            problem = "Older messages could not be loaded from the server: " + Failures.messageOf(cause);
        }
        return new OlderMessages(chat.olderThan(peer, before, limit), more, problem);
    }

    private int store(Jid peer, ArchivePage page) {
        Jid own = chat.ownBareJid();
        Instant now = clock.instant();
        List<ChatMessage> accepted = new ArrayList<>();
        List<ArchiveIntake.Outcome.Rejected> rejected = new ArrayList<>();
        for (ArchivedMessage result : page.messages()) {
            switch (ArchiveIntake.check(result, own, peer, now)) {
                case ArchiveIntake.Outcome.Accepted a -> accepted.add(a.message());
                case ArchiveIntake.Outcome.Rejected r -> rejected.add(r);
                case ArchiveIntake.Outcome.Skipped s -> { }
            }
        }
        HistoryWriter.Added none = new HistoryWriter.Added(0, 0, false);
        int added = writer.store(accepted, false, () -> { }).getOrDefault(peer, none).messages();
        rejected.forEach(r -> chat.reject(r.claimedSender(), r.reason()));
        return added;
    }
}
