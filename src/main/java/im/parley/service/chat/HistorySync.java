package im.parley.service.chat;

import im.parley.service.common.Failures;
import im.parley.service.common.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Catch-up of the user's own archive (XEP-0313) after every login: pages forward from the stored cursor until the
 * server says the archive is complete. Each page's new messages and the advanced cursor are committed together, so
 * an interrupted catch-up resumes exactly where it stopped. While paging, the next page is already on its way.
 *
 * <p>The very first sync of an account fetches only a recent window: the newest {@value #FIRST_SYNC_PAGES} pages
 * ({@code 4 × 250} messages), none older than {@link #FIRST_SYNC_WINDOW}. Those count as read; what lies before
 * them is recorded as a gap and comes on demand through {@link HistoryPager}. When the server no longer knows the
 * cursor (expired or reset archive), the gap is recorded, the same recent window is fetched, then what the server
 * still has between the last sync's time and that window (the gap is closed with its last page), and
 * {@link ChatEvent.HistoryGapFound} tells the user that messages the server deleted are missing.
 *
 * <p>Events come after the commit, and in summary: one {@link ChatEvent.HistoryCaughtUp} plus one
 * {@link ChatEvent.ConversationChanged} per conversation with new messages, never one event per message.
 */
public final class HistorySync {

    public static final int FIRST_SYNC_PAGES = 4;
    public static final Duration FIRST_SYNC_WINDOW = Duration.ofDays(7);
    /** With no id to continue from, ask from this long before the last sync, in case the clocks disagree. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(HistorySync.class);
    private static final String OWN = SyncStore.OWN_ARCHIVE;
    private static final String GAP_FILLED = "The server's message history could not continue from where Parley "
            + "stopped, so Parley fetched what the server still has from that time on. Messages the server has "
            + "already deleted are missing.";
    private static final String GAP_OPEN = "The server's message history could not continue from where Parley "
            + "stopped (it may have expired). Some older messages may be missing; scroll up in a conversation to "
            + "load what the server still has.";

    private final ArchiveGateway gateway;
    private final ChatService chat;
    private final SyncStore sync;
    private final HistoryWriter writer;
    private final Clock clock;
    private final Executor executor;
    private CompletableFuture<CatchUp> running;

    /** What one catch-up did. */
    public record CatchUp(int stored, int pages, boolean firstSync, boolean gapFound) {
    }

    public HistorySync(ArchiveGateway gateway, ChatService chat, MessageStore messages, SyncStore sync, Clock clock,
                       Executor executor) {
        this.gateway = gateway;
        this.chat = chat;
        this.sync = sync;
        this.writer = new HistoryWriter(chat, messages, sync);
        this.clock = clock;
        this.executor = executor;
    }

    /**
     * Catches up (call after every login). While one runs, returns that one. Fails when the network or the archive
     * fails; what was committed until then stays, and the next catch-up continues from there.
     */
    public synchronized CompletableFuture<CatchUp> catchUp() {
        if (running != null && !running.isDone()) {
            return running;
        }
        running = CompletableFuture.supplyAsync(this::run, executor);
        return running;
    }

    private CatchUp run() {
        Jid own = chat.ownBareJid();
        Progress progress = new Progress();
        try {
            Optional<SyncCursor> cursor = sync.cursor(OWN);
            if (cursor.isEmpty()) {
                recentWindow(own, progress, false, null);
                return progress.result(true, false);
            }
            try {
                forward(own, cursor.get(), progress);
                return progress.result(false, false);
            } catch (CursorLost lost) {
                LOG.warn("The server's archive no longer knows the sync cursor; fetching the recent window");
                String windowOldest = recentWindow(own, progress, true, lost.afterId);
                boolean filled = fillGap(own, cursor.get().lastTime(), lost.afterId, windowOldest, progress);
                chat.publish(new ChatEvent.HistoryGapFound(filled ? GAP_FILLED : GAP_OPEN));
                return progress.result(false, true);
            }
        } finally {
            progress.publish();
        }
    }

    private void forward(Jid own, SyncCursor from, Progress progress) {
        String committedId = from.lastStanzaId();
        Instant committedTime = from.lastTime();
        CompletableFuture<ArchivePage> next = gateway.query(committedId != null
                ? ArchiveQuery.after(committedId, ArchiveGateway.MAX_PAGE)
                : ArchiveQuery.since(committedTime == null ? Instant.EPOCH : committedTime.minus(CLOCK_MARGIN),
                ArchiveGateway.MAX_PAGE));
        while (next != null) {
            ArchivePage page = await(next, committedId);
            boolean more = !page.complete() && page.lastId() != null;
            next = more ? gateway.query(ArchiveQuery.after(page.lastId(), ArchiveGateway.MAX_PAGE)) : null;
            if (page.lastId() != null) {
                committedId = page.lastId();
                committedTime = lastStamp(page, committedTime);
            }
            SyncCursor advanced = new SyncCursor(committedId, committedTime, !more);
            storePage(own, page.messages(), true, progress, () -> sync.saveCursor(OWN, advanced));
        }
    }

    /**
     * After a lost cursor: what the server still has from the time of the last sync up to the recent window, fetched
     * forward by time and stored as missed messages; the recorded gap is closed with the last page. False when
     * there is no time to start from or the server failed (the gap stays recorded).
     */
    private boolean fillGap(Jid own, Instant lostAt, String afterId, String windowOldest, Progress progress) {
        if (lostAt == null) {
            return false;
        }
        try {
            CompletableFuture<ArchivePage> next =
                    gateway.query(ArchiveQuery.since(lostAt.minus(CLOCK_MARGIN), ArchiveGateway.MAX_PAGE));
            while (next != null) {
                ArchivePage page = await(next, null);
                List<ArchivedMessage> inGap = new ArrayList<>(page.messages().size());
                boolean reachedWindow = false;
                for (ArchivedMessage result : page.messages()) {
                    if (result.resultId().equals(windowOldest)) {
                        reachedWindow = true;
                        break;
                    }
                    inGap.add(result);
                }
                boolean more = !reachedWindow && !page.complete() && page.lastId() != null;
                next = more ? gateway.query(ArchiveQuery.after(page.lastId(), ArchiveGateway.MAX_PAGE)) : null;
                storePage(own, inGap, true, progress,
                        more ? () -> { } : () -> sync.closeGap(OWN, afterId, windowOldest));
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warn("The gap in the history could not be filled: {}", Failures.messageOf(e));
            return false;
        }
    }

    /**
     * The newest pages, none older than the window; stored in one transaction (as already-read history unless
     * {@code afterGap}). Returns the id of the oldest fetched, or null when the window is empty.
     */
    private String recentWindow(Jid own, Progress progress, boolean afterGap, String gapAfterId) {
        Instant now = clock.instant();
        Instant notBefore = now.minus(FIRST_SYNC_WINDOW);
        List<ArchivePage> newestFirst = new ArrayList<>();
        ArchivePage page = await(gateway.query(ArchiveQuery.newest(null, notBefore, ArchiveGateway.MAX_PAGE)), null);
        newestFirst.add(page);
        while (!page.complete() && page.firstId() != null && newestFirst.size() < FIRST_SYNC_PAGES) {
            page = await(gateway.query(ArchiveQuery.newest(page.firstId(), notBefore, ArchiveGateway.MAX_PAGE)), null);
            newestFirst.add(page);
        }
        List<ArchivedMessage> chronological = new ArrayList<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            chronological.addAll(newestFirst.get(i).messages());
        }
        ArchivePage newest = newestFirst.getFirst();
        String oldestId = chronological.isEmpty() ? null : chronological.getFirst().resultId();
        SyncCursor cursor = newest.lastId() != null
                ? new SyncCursor(newest.lastId(), lastStamp(newest, now), true)
                : new SyncCursor(null, now, true);
        storePage(own, chronological, afterGap, progress, () -> {
            if (afterGap || oldestId != null) {
                sync.recordGap(OWN, gapAfterId, oldestId);
            }
            sync.saveCursor(OWN, cursor);
        });
        return oldestId;
    }

    private void storePage(Jid own, List<ArchivedMessage> results, boolean unread, Progress progress,
                           Runnable alongside) {
        Instant now = clock.instant();
        List<ChatMessage> accepted = new ArrayList<>(results.size());
        List<ArchiveIntake.Outcome.Rejected> rejected = new ArrayList<>();
        for (ArchivedMessage result : results) {
            switch (ArchiveIntake.check(result, own, null, now)) {
                case ArchiveIntake.Outcome.Accepted a -> accepted.add(a.message());
                case ArchiveIntake.Outcome.Rejected r -> rejected.add(r);
                case ArchiveIntake.Outcome.Skipped s -> { }
            }
        }
        Map<Jid, HistoryWriter.Added> added = writer.store(accepted, unread, alongside);
        progress.add(added);
        rejected.forEach(r -> chat.reject(r.claimedSender(), r.reason()));
    }

    private static Instant lastStamp(ArchivePage page, Instant otherwise) {
        for (int i = page.messages().size() - 1; i >= 0; i--) {
            Instant stamp = page.messages().get(i).stamp();
            if (stamp != null) {
                return stamp;
            }
        }
        return otherwise;
    }

    private static ArchivePage await(CompletableFuture<ArchivePage> page, String afterId) {
        try {
            return page.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ArchiveCursorUnknownException unknown && afterId != null) {
                throw new CursorLost(afterId, unknown);
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static final class CursorLost extends RuntimeException {
        final String afterId;

        CursorLost(String afterId, Throwable cause) {
            super(cause);
            this.afterId = afterId;
        }
    }

    /** New messages per conversation so far, published as summaries when the catch-up ends (or fails). */
    private final class Progress {
        private final Map<Jid, HistoryWriter.Added> added = new LinkedHashMap<>();
        private int stored;
        private int pages;

        void add(Map<Jid, HistoryWriter.Added> page) {
            pages++;
            page.forEach((conversation, n) -> {
                added.merge(conversation, n, HistoryWriter.Added::then);
                stored += n.messages();
            });
        }

        CatchUp result(boolean firstSync, boolean gapFound) {
            return new CatchUp(stored, pages, firstSync, gapFound);
        }

        void publish() {
            added.forEach((conversation, n) -> {
                chat.publish(new ChatEvent.HistoryCaughtUp(conversation, n.messages(), n.unread()));
                chat.publishConversation(conversation);
            });
        }
    }
}
