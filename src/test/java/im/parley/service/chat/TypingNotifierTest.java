package im.parley.service.chat;

import im.parley.archive.InMemoryMessageStore;
import im.parley.service.chat.FakeChatGateway.StateSent;
import im.parley.service.common.Jid;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TypingNotifierTest {

    private static final Duration PAUSE_AFTER = Duration.ofSeconds(5);
    private static final Jid ME = Jid.parse("alice@example.org/laptop");
    private static final Jid BOB = Jid.parse("bob@example.org");
    private static final Jid BOB_PHONE = Jid.parse("bob@example.org/phone");
    private static final Jid CAROL = Jid.parse("carol@example.org");

    private final Clock clock = Clock.fixed(Instant.parse("2025-11-22T12:00:00Z"), ZoneOffset.UTC);
    private final FakeChatGateway gateway = new FakeChatGateway(ME);
    private final ChatService chat = new ChatService(gateway, new InMemoryMessageStore(clock), clock);
    private final ManualScheduler scheduler = new ManualScheduler();
    private final TypingNotifier typing = new TypingNotifier(chat, scheduler, PAUSE_AFTER);

    private static StateSent to(Jid peer, ChatState state) {
        return new StateSent(peer, state);
    }

    @Test
    @DisplayName("a burst of keystrokes sends one 'composing', to the bare address")
    void oneComposingPerBurst() {
        for (int i = 0; i < 20; i++) {
            typing.typed(BOB_PHONE);
            scheduler.advance(Duration.ofMillis(200));
        }

        assertThat(gateway.statesSent()).containsExactly(to(BOB, ChatState.COMPOSING));
    }

    @Test
    @DisplayName("'paused' follows once the delay passes without a keystroke, not before")
    void pausedAfterDelay() {
        typing.typed(BOB);

        scheduler.advance(PAUSE_AFTER.minusMillis(1));
        assertThat(gateway.statesSent()).containsExactly(to(BOB, ChatState.COMPOSING));

        scheduler.advance(Duration.ofMillis(1));
        assertThat(gateway.statesSent()).containsExactly(to(BOB, ChatState.COMPOSING), to(BOB, ChatState.PAUSED));
    }

    @Test
    @DisplayName("each keystroke restarts the pause delay")
    void keystrokeRestartsDelay() {
        typing.typed(BOB);
        scheduler.advance(Duration.ofSeconds(4));
        typing.typed(BOB);
        scheduler.advance(Duration.ofSeconds(4));

        assertThat(gateway.statesSent()).containsExactly(to(BOB, ChatState.COMPOSING));
        assertThat(scheduler.pendingTasks()).isEqualTo(1);

        scheduler.advance(Duration.ofSeconds(1));
        assertThat(gateway.statesSent()).endsWith(to(BOB, ChatState.PAUSED));
    }

    @Test
    @DisplayName("typing again after a pause sends 'composing' again")
    void composingAgainAfterPause() {
        typing.typed(BOB);
        scheduler.advance(PAUSE_AFTER);
        typing.typed(BOB);

        assertThat(gateway.statesSent()).containsExactly(to(BOB, ChatState.COMPOSING), to(BOB, ChatState.PAUSED),
                to(BOB, ChatState.COMPOSING));
    }

    @Test
    @DisplayName("stopping sends 'active' and cancels the pending 'paused'")
    void stoppedSendsActive() {
        typing.typed(BOB);

        typing.stopped(BOB);
        scheduler.advance(PAUSE_AFTER.multipliedBy(2));

        assertThat(gateway.statesSent()).containsExactly(to(BOB, ChatState.COMPOSING), to(BOB, ChatState.ACTIVE));
    }

    @Test
    @DisplayName("stopping sends nothing when no state was ever sent to that peer")
    void stoppedWithoutTypingSendsNothing() {
        typing.typed(CAROL);
        typing.stopped(BOB);

        assertThat(gateway.statesSent()).containsExactly(to(CAROL, ChatState.COMPOSING));
    }

    @Test
    @DisplayName("stopping twice sends 'active' once")
    void activeNotRepeated() {
        typing.typed(BOB);
        typing.stopped(BOB);
        typing.stopped(BOB);

        assertThat(gateway.statesSent()).containsExactly(to(BOB, ChatState.COMPOSING), to(BOB, ChatState.ACTIVE));
    }

    @Test
    @DisplayName("leaving the conversation sends 'inactive' and cancels the pending 'paused'")
    void leftSendsInactive() {
        typing.typed(BOB);

        typing.left(BOB_PHONE);
        scheduler.advance(PAUSE_AFTER.multipliedBy(2));

        assertThat(gateway.statesSent()).containsExactly(to(BOB, ChatState.COMPOSING), to(BOB, ChatState.INACTIVE));
    }

    @Test
    @DisplayName("leaving a conversation where nothing was sent sends nothing")
    void leftWithoutTypingSendsNothing() {
        typing.left(BOB);

        assertThat(gateway.statesSent()).isEmpty();
    }

    @Test
    @DisplayName("peers are independent: typing to one does not pause or stop the other")
    void peersIndependent() {
        typing.typed(BOB);
        scheduler.advance(Duration.ofSeconds(3));
        typing.typed(CAROL);
        scheduler.advance(Duration.ofSeconds(2));

        assertThat(gateway.statesSent()).containsExactly(to(BOB, ChatState.COMPOSING), to(CAROL, ChatState.COMPOSING),
                to(BOB, ChatState.PAUSED));
    }

    @Test
    @DisplayName("a pause timer that fires while a new keystroke replaces it does not send 'paused'")
    void staleTimerDoesNotPause() {
        typing.typed(BOB);
        ManualScheduler.Task first = scheduler.tasks().getFirst();

        typing.typed(BOB); // cancels the first timer, but it had already started and waits for the lock
        first.runEvenIfCancelled();

        assertThat(gateway.statesSent()).containsExactly(to(BOB, ChatState.COMPOSING));
        scheduler.advance(PAUSE_AFTER);
        assertThat(gateway.statesSent()).containsExactly(to(BOB, ChatState.COMPOSING), to(BOB, ChatState.PAUSED));
    }

    @Test
    @DisplayName("with a real scheduler, 'paused' is sent from the scheduler thread after the delay")
    void realScheduler() throws InterruptedException {
        CountDownLatch paused = new CountDownLatch(1);
        FakeChatGateway network = new FakeChatGateway(ME);
        network.stateObserver = sent -> {
            if (sent.state() == ChatState.PAUSED) {
                paused.countDown();
            }
        };
        ChatService service = new ChatService(network, new InMemoryMessageStore(clock), clock);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            TypingNotifier notifier = new TypingNotifier(service, executor, Duration.ofMillis(50));
            long start = System.nanoTime();

            notifier.typed(BOB);

            assertThat(paused.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
            assertThat(network.statesSent()).containsExactly(to(BOB, ChatState.COMPOSING), to(BOB, ChatState.PAUSED));
        } finally {
            executor.shutdownNow();
        }
    }
}
