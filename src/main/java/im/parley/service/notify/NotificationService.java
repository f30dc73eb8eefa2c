package im.parley.service.notify;

import im.parley.service.chat.ChatEvent;
import im.parley.service.chat.ChatMessage;
import im.parley.service.chat.DeliveryState;
import im.parley.service.chat.Direction;
import im.parley.service.common.Jid;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns chat events into notifications the user can bear: a conversation the user is looking at makes none;
 * messages arriving in a burst update one notification per conversation ("3 new messages") instead of stacking;
 * a history catch-up gives one summary per conversation. No body ever goes into a notification.
 */
public final class NotificationService {

    /** Messages from one conversation closer together than this share one notification. */
    static final Duration BURST = Duration.ofSeconds(30);

    private final Notifier notifier;
    private final Function<Jid, String> names;
    private final Predicate<Jid> inView;
    private final Clock clock;
    private final Map<Jid, Burst> bursts = new HashMap<>();

    private record Burst(int count, Instant last) {
    }

    /**
     * @param names  the name to show for a conversation (the roster's, or the address)
     * @param inView whether the user is looking at that conversation now (window focused and conversation open)
     */
    public NotificationService(Notifier notifier, Function<Jid, String> names, Predicate<Jid> inView, Clock clock) {
        this.notifier = notifier;
        this.names = names;
        this.inView = inView;
        this.clock = clock;
    }

    public void onChatEvent(ChatEvent event) {
        switch (event) {
            case ChatEvent.MessageAdded added -> messageArrived(added.message());
            case ChatEvent.HistoryCaughtUp caught -> caughtUp(caught.conversation(), caught.unread());
            default -> { }
        }
    }

    /** After a catch-up: one summary for a conversation that received {@code count} messages while away. */
    public synchronized void caughtUp(Jid conversation, int count) {
        if (count <= 0 || inView.test(conversation.bare())) {
            return;
        }
        Jid peer = conversation.bare();
        bursts.put(peer, new Burst(count, clock.instant()));
        notifier.show(new Notification(peer, names.apply(peer),
                count == 1 ? "1 new message while you were away" : count + " new messages while you were away"));
    }

    /** The user opened the conversation: its next message starts a fresh notification. */
    public synchronized void seen(Jid conversation) {
        bursts.remove(conversation.bare());
    }

    private synchronized void messageArrived(ChatMessage message) {
        if (message.direction() != Direction.INCOMING || message.state() != DeliveryState.RECEIVED) {
            return;
        }
        Jid peer = message.conversation();
        if (inView.test(peer)) {
            bursts.remove(peer);
            return;
        }
        Instant now = clock.instant();
        Burst previous = bursts.get(peer);
        int count = previous != null && Duration.between(previous.last(), now).compareTo(BURST) < 0
                ? previous.count() + 1 : 1;
        bursts.put(peer, new Burst(count, now));
        notifier.show(new Notification(peer, names.apply(peer), count == 1 ? "New message" : count + " new messages"));
    }
}
