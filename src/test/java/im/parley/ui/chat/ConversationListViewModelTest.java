package im.parley.ui.chat;

import im.parley.archive.InMemoryMessageStore;
import im.parley.service.chat.ChatService;
import im.parley.service.chat.FakeChatGateway;
import im.parley.service.chat.InboundChat;
import im.parley.service.common.Jid;
import im.parley.service.roster.Contact;
import im.parley.service.roster.FakeRosterGateway;
import im.parley.service.roster.RosterEvent;
import im.parley.service.roster.RosterService;
import im.parley.service.roster.Subscription;
import im.parley.ui.common.UiExecutor;
import im.parley.ui.testing.MutableClock;
import im.parley.ui.testing.QueuedUiExecutor;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationListViewModelTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Jid ME = Jid.parse("me@example.org/parley");
    private static final Jid BOB = Jid.parse("bob@example.org");
    private static final Jid CAROL = Jid.parse("carol@example.org");
    private static final Jid DAVE = Jid.parse("dave@example.org");

    private final MutableClock clock = new MutableClock(NOW);
    private final TimeLabels labels = new TimeLabels(clock, ZoneOffset.UTC);
    private final FakeChatGateway chatGateway = new FakeChatGateway(ME);
    private final ChatService chat = new ChatService(chatGateway, new InMemoryMessageStore(clock), clock);
    private final FakeRosterGateway rosterGateway = new FakeRosterGateway();
    private final RosterService roster = new RosterService(rosterGateway);
    private final List<Jid> opened = new ArrayList<>();
    private ConversationListViewModel model =
            new ConversationListViewModel(chat, roster, UiExecutor.direct(), Runnable::run, labels, opened::add);

    private void incoming(Jid from, String id, String body, Instant at) {
        chatGateway.receive(new InboundChat.Incoming(from.withResource("r"), ME, body, id, null, null, null, at));
    }

    /** Sends {@code body} to {@code to} at {@code at}. */
    private void outgoing(Jid to, String body, Instant at) {
        clock.set(at);
        chat.send(to, body);
        clock.set(NOW);
    }

    private ConversationItem itemOf(Jid peer) {
        return model.items().stream().filter(i -> i.peer().equals(peer)).findFirst()
                .orElseThrow(() -> new AssertionError(peer + " is not listed"));
    }

    private void threeConversations() {
        incoming(CAROL, "c1", "first from carol", NOW.minus(Duration.ofHours(5)));
        incoming(CAROL, "c2", "second from carol", NOW.minus(Duration.ofHours(3)));
        incoming(BOB, "b1", "hi", NOW.minus(Duration.ofHours(1)));
        outgoing(DAVE, "See you\n   soon", NOW.minus(Duration.ofMinutes(10)));
    }

    @Test
    @DisplayName("conversations are listed by last activity, newest first")
    void sortedNewestFirst() {
        threeConversations();

        model.start();

        assertThat(model.items()).extracting(ConversationItem::peer).containsExactly(DAVE, BOB, CAROL);
        assertThat(model.items()).extracting(ConversationItem::lastActivity).containsExactly(
                NOW.minus(Duration.ofMinutes(10)), NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofHours(3)));
    }

    @Test
    @DisplayName("a new message moves its conversation to the top")
    void newMessageMovesToTop() {
        threeConversations();
        model.start();

        incoming(CAROL, "c3", "back again", null);

        assertThat(model.items()).extracting(ConversationItem::peer).containsExactly(CAROL, DAVE, BOB);
        assertThat(itemOf(CAROL).preview()).isEqualTo("back again");
    }

    @Test
    @DisplayName("unread counts per conversation add up to the total; reading one lowers it")
    void unreadCounts() {
        threeConversations();
        model.start();

        assertThat(itemOf(CAROL).unread()).isEqualTo(2);
        assertThat(itemOf(BOB).unread()).isEqualTo(1);
        assertThat(itemOf(DAVE).unread()).isZero();
        assertThat(model.totalUnreadProperty().get()).isEqualTo(3);

        incoming(BOB, "b2", "hello?", null);
        assertThat(model.totalUnreadProperty().get()).isEqualTo(4);

        chat.markRead(CAROL);
        assertThat(itemOf(CAROL).unread()).isZero();
        assertThat(model.totalUnreadProperty().get()).isEqualTo(2);
    }

    @Test
    @DisplayName("the preview of an outgoing last message starts with 'You: '; incoming ones do not")
    void previewPrefix() {
        threeConversations();
        model.start();

        assertThat(itemOf(DAVE).preview()).isEqualTo("You: See you soon");
        assertThat(itemOf(BOB).preview()).isEqualTo("hi");
        assertThat(itemOf(CAROL).preview()).isEqualTo("second from carol");

        outgoing(BOB, "on my way", NOW);
        assertThat(itemOf(BOB).preview()).isEqualTo("You: on my way");
    }

    @Test
    @DisplayName("an opened conversation without messages has no 'You: ' prefix and no preview")
    void emptyConversation() {
        model.start();

        chat.open(BOB, 10);

        assertThat(itemOf(BOB).preview()).isEmpty();
        assertThat(itemOf(BOB).unread()).isZero();
    }

    @Test
    @DisplayName("the title is the roster name when known, else the address, and follows roster changes")
    void titleFromRoster() {
        threeConversations();
        rosterGateway.emit(new RosterEvent.RosterLoaded(
                List.of(new Contact(BOB, "Bob Builder", Set.of(), Subscription.BOTH, false))));

        model.start();

        assertThat(itemOf(BOB).title()).isEqualTo("Bob Builder");
        assertThat(itemOf(CAROL).title()).isEqualTo("carol@example.org");

        rosterGateway.emit(new RosterEvent.ContactChanged(
                new Contact(CAROL, "Carol", Set.of(), Subscription.BOTH, false)));

        assertThat(itemOf(CAROL).title()).isEqualTo("Carol");
    }

    @Test
    @DisplayName("a roster loaded after start renames the listed conversations")
    void rosterLoadedAfterStart() {
        threeConversations();
        model.start();
        assertThat(itemOf(DAVE).title()).isEqualTo("dave@example.org");

        rosterGateway.emit(new RosterEvent.RosterLoaded(
                List.of(new Contact(DAVE, "Dave", Set.of(), Subscription.BOTH, false))));

        assertThat(itemOf(DAVE).title()).isEqualTo("Dave");
    }

    @Test
    @DisplayName("the time is the clock time today, 'Yesterday', or the short date")
    void timeLabels() {
        incoming(BOB, "b1", "today", Instant.parse("2026-03-10T08:05:00Z"));
        incoming(CAROL, "c1", "yesterday", Instant.parse("2026-03-09T23:59:00Z"));
        incoming(DAVE, "d1", "earlier", Instant.parse("2026-03-01T10:00:00Z"));

        model.start();

        assertThat(itemOf(BOB).time()).isEqualTo("08:05");
        assertThat(itemOf(CAROL).time()).isEqualTo("Yesterday");
        assertThat(itemOf(DAVE).time())
                .isEqualTo(DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).format(LocalDate.of(2026, 3, 1)));
    }

    @Test
    @DisplayName("opening an item asks to open its chat")
    void openItem() {
        threeConversations();
        model.start();

        model.open(itemOf(BOB));

        assertThat(opened).containsExactly(BOB);
    }

    @Test
    @DisplayName("a burst of messages before the UI turn rebuilds the list once")
    void burstRebuildsOnce() {
        QueuedUiExecutor ui = new QueuedUiExecutor();
        model = new ConversationListViewModel(chat, roster, ui, Runnable::run, labels, opened::add);
        model.start();
        ui.runAll();
        AtomicInteger changes = new AtomicInteger();
        model.items().addListener((ListChangeListener<ConversationItem>) c -> changes.incrementAndGet());

        for (int i = 0; i < 500; i++) {
            incoming(Jid.parse("user" + (i % 50) + "@example.org"), "m" + i, "text " + i,
                    NOW.minus(Duration.ofSeconds(1_000 - i)));
        }
        assertThat(changes).hasValue(0);
        ui.runAll();

        assertThat(changes).hasValue(1);
        assertThat(model.items()).hasSize(50);
        assertThat(model.totalUnreadProperty().get()).isEqualTo(500);
        assertThat(model.items().getFirst().peer()).isEqualTo(Jid.parse("user49@example.org"));
    }
}
