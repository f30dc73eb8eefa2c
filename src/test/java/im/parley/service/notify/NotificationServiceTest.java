package im.parley.service.notify;

import im.parley.service.chat.ChatEvent;
import im.parley.service.chat.ChatMessage;
import im.parley.service.chat.DeliveryState;
import im.parley.service.chat.Direction;
import im.parley.service.common.Jid;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationServiceTest {

    private static final Jid BOB = Jid.parse("bob@example.org");
    private static final Jid CAROL = Jid.parse("carol@example.org");
    private static final String BODY = "the secret plans for Saturday";

    private final List<Notification> shown = new ArrayList<>();
    private final Set<Jid> open = new HashSet<>();
    private final MutableClock clock = new MutableClock();
    private final NotificationService service = new NotificationService(shown::add,
            jid -> jid.equals(BOB) ? "Bob Builder" : jid.asBareString(), open::contains, clock);

    private static ChatMessage incoming(Jid from) {
        return new ChatMessage(UUID.randomUUID().toString(), from, Direction.INCOMING, from.withResource("phone"),
                BODY, Instant.EPOCH, DeliveryState.RECEIVED, null, null, null);
    }

    @Test
    void anIncomingMessageNotifiesWithTheNameAndNeverTheBody() {
        service.onChatEvent(new ChatEvent.MessageAdded(incoming(BOB)));
        assertThat(shown).containsExactly(new Notification(BOB, "Bob Builder", "New message"));
        assertThat(shown.getFirst().toString()).doesNotContain("secret");
    }

    @Test
    void aBurstUpdatesOneNotificationPerConversation() {
        for (int i = 0; i < 5; i++) {
            service.onChatEvent(new ChatEvent.MessageAdded(incoming(BOB)));
            clock.advance(Duration.ofSeconds(2));
        }
        service.onChatEvent(new ChatEvent.MessageAdded(incoming(CAROL)));
        assertThat(shown).extracting(Notification::text)
                .containsExactly("New message", "2 new messages", "3 new messages", "4 new messages", "5 new messages",
                        "New message");
        assertThat(shown.stream().map(Notification::conversation).distinct()).containsExactly(BOB, CAROL);
    }

    @Test
    void aQuietGapStartsAFreshCount() {
        service.onChatEvent(new ChatEvent.MessageAdded(incoming(BOB)));
        clock.advance(NotificationService.BURST.plusSeconds(1));
        service.onChatEvent(new ChatEvent.MessageAdded(incoming(BOB)));
        assertThat(shown).extracting(Notification::text).containsExactly("New message", "New message");
    }

    @Test
    void theConversationInViewAndOwnOrOutgoingMessagesMakeNone() {
        open.add(BOB);
        service.onChatEvent(new ChatEvent.MessageAdded(incoming(BOB)));
        service.onChatEvent(new ChatEvent.MessageAdded(new ChatMessage("x", CAROL, Direction.OUTGOING,
                Jid.parse("me@example.org/pc"), BODY, Instant.EPOCH, DeliveryState.SENT, null, null, null)));
        service.onChatEvent(new ChatEvent.MessageUpdated(incoming(CAROL)));
        assertThat(shown).isEmpty();
    }

    @Test
    void aCatchUpSummaryCountsOnlyWhatTheUserHasNotSeen() {
        service.onChatEvent(new ChatEvent.HistoryCaughtUp(BOB, 1_000, 0)); // history fetched as already read
        service.onChatEvent(new ChatEvent.HistoryCaughtUp(CAROL, 5, 2)); // a reply from another device in between

        assertThat(shown).containsExactly(new Notification(CAROL, "carol@example.org", "2 new messages while you were away"));
    }

    @Test
    void aCatchUpGivesOneSummaryPerConversationNotOnePerMessage() {
        service.caughtUp(BOB, 312);
        service.caughtUp(CAROL, 1);
        service.caughtUp(Jid.parse("dave@example.org"), 0);
        assertThat(shown).containsExactly(
                new Notification(BOB, "Bob Builder", "312 new messages while you were away"),
                new Notification(CAROL, "carol@example.org", "1 new message while you were away"));
        service.onChatEvent(new ChatEvent.MessageAdded(incoming(BOB)));
        assertThat(shown.getLast().text()).as("a live message right after adds to the summary").isEqualTo("313 new messages");
    }

    @Test
    void seeingAConversationResetsItsCount() {
        service.onChatEvent(new ChatEvent.MessageAdded(incoming(BOB)));
        service.seen(BOB);
        service.onChatEvent(new ChatEvent.MessageAdded(incoming(BOB)));
        assertThat(shown).extracting(Notification::text).containsExactly("New message", "New message");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
