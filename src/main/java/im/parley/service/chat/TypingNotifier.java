package im.parley.service.chat;

import im.parley.service.common.Jid;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Turns keystrokes into XEP-0085 states: one "composing" when typing starts, "paused" after
 * {@code pauseAfter} without typing, "active" when the message goes out. Never a state per key.
 */
public final class TypingNotifier {

    private final ChatService chat;
    private final ScheduledExecutorService scheduler;
    private final Duration pauseAfter;
    private final Map<Jid, ChatState> lastSent = new HashMap<>();
    private final Map<Jid, PauseTimer> pauseTimers = new HashMap<>();

    public TypingNotifier(ChatService chat, ScheduledExecutorService scheduler, Duration pauseAfter) {
        this.chat = chat;
        this.scheduler = scheduler;
        this.pauseAfter = pauseAfter;
    }

    public synchronized void typed(Jid peer) {
        Jid bare = peer.bare();
        sendIfChanged(bare, ChatState.COMPOSING);
        cancelTimer(bare);
        Object token = new Object();
        ScheduledFuture<?> future = scheduler.schedule(() -> paused(bare, token), pauseAfter.toMillis(),
                TimeUnit.MILLISECONDS);
        pauseTimers.put(bare, new PauseTimer(token, future));
    }

    /** The composer was emptied or the message was sent. */
    public synchronized void stopped(Jid peer) {
        Jid bare = peer.bare();
        cancelTimer(bare);
        if (lastSent.containsKey(bare)) {
            sendIfChanged(bare, ChatState.ACTIVE);
        }
    }

    public synchronized void left(Jid peer) {
        Jid bare = peer.bare();
        cancelTimer(bare);
        if (lastSent.containsKey(bare)) {
            sendIfChanged(bare, ChatState.INACTIVE);
        }
    }

    /**
     * A timer that was cancelled after it had started runs anyway, waiting for the lock while a newer
     * keystroke replaces it; only the current timer of the peer may send "paused".
     */
    private synchronized void paused(Jid peer, Object token) {
        PauseTimer current = pauseTimers.get(peer);
        if (current == null || current.token() != token) {
            return;
        }
        pauseTimers.remove(peer);
        if (lastSent.get(peer) == ChatState.COMPOSING) {
            sendIfChanged(peer, ChatState.PAUSED);
        }
    }

    private void cancelTimer(Jid peer) {
        PauseTimer timer = pauseTimers.remove(peer);
        if (timer != null) {
            timer.future().cancel(false);
        }
    }

    private record PauseTimer(Object token, ScheduledFuture<?> future) {
    }

    private void sendIfChanged(Jid peer, ChatState state) {
        if (lastSent.put(peer, state) != state) {
            chat.sendChatState(peer, state);
        }
    }
}
