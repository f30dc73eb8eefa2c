package im.parley.ui.chat;

import im.parley.archive.InMemoryMessageStore;
import im.parley.service.chat.ChatService;
import im.parley.service.chat.FakeChatGateway;
import im.parley.service.chat.InboundChat;
import im.parley.service.chat.ManualScheduler;
import im.parley.service.chat.TypingNotifier;
import im.parley.service.common.Jid;
import im.parley.service.roster.FakeRosterGateway;
import im.parley.service.roster.RosterService;
import im.parley.ui.common.UiExecutor;
import im.parley.ui.testing.MutableClock;
import im.parley.ui.testing.QueuedUiExecutor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Opening a conversation at one message (from a search hit), then paging both ways until the live tail. */
class ChatViewModelOpenAtTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Jid ME = Jid.parse("me@example.org/parley");
    private static final Jid BOB = Jid.parse("bob@example.org");
    private static final Jid BOB_PHONE = BOB.withResource("phone");
    private static final int HALF = ChatViewModel.PAGE / 2;

    private final MutableClock clock = new MutableClock(NOW);
    private final TimeLabels labels = new TimeLabels(clock, ZoneOffset.UTC);
    private final FakeChatGateway chatGateway = new FakeChatGateway(ME);
    private final InMemoryMessageStore store = new InMemoryMessageStore(clock);
    private final ChatService chat = new ChatService(chatGateway, store, clock);
    private final RosterService roster = new RosterService(new FakeRosterGateway());
    private final TypingNotifier typing = new TypingNotifier(chat, new ManualScheduler(), Duration.ofSeconds(5));

    private ChatViewModel model(UiExecutor ui) {
        return new ChatViewModel(BOB, chat, roster, typing, ui, Runnable::run, labels);
    }

    /** Messages m0000.. one minute apart, all before NOW. */
    private void history(int count) {
        Instant start = NOW.minus(Duration.ofMinutes(count + 10));
        for (int i = 0; i < count; i++) {
            chatGateway.receive(new InboundChat.Incoming(BOB_PHONE, ME, "message " + i, id(i), null, null, null,
                    start.plus(Duration.ofMinutes(i))));
        }
    }

    private static String id(int i) {
        return String.format("m%04d", i);
    }

    private void live(String id, String body) {
        chatGateway.receive(new InboundChat.Incoming(BOB_PHONE, ME, body, id, null, null, null, null));
    }

    private static List<String> ids(ChatViewModel model) {
        return model.lines().stream().filter(l -> l instanceof ChatLine.MessageLine)
                .map(l -> ((ChatLine.MessageLine) l).id()).toList();
    }

    private static List<String> range(int from, int toExclusive) {
        return IntStream.range(from, toExclusive).mapToObj(ChatViewModelOpenAtTest::id).toList();
    }

    @Test
    @DisplayName("opens centred on the message, remembers it as the one to scroll to, with more on both sides")
    void opensAroundTheMessage() {
        history(500);
        ChatViewModel model = model(UiExecutor.direct());

        model.activateAt(id(200));

        assertThat(ids(model)).isEqualTo(range(200 - HALF, 200 + HALF + 1));
        assertThat(model.focusedMessageProperty().get()).isEqualTo(id(200));
        assertThat(model.lineIndexOf(id(200))).isGreaterThan(0)
                .satisfies(i -> assertThat(((ChatLine.MessageLine) model.lines().get(i)).body()).isEqualTo("message 200"));
        assertThat(model.olderAvailableProperty().get()).isTrue();
        assertThat(model.newerAvailableProperty().get()).isTrue();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    @DisplayName("pages newer until it joins the newest message, then nothing newer is left")
    void pagesNewerToTheTail() {
        history(500);
        ChatViewModel model = model(UiExecutor.direct());
        model.activateAt(id(200));

        assertThat(model.loadNewer().join()).isTrue();
        assertThat(ids(model)).isEqualTo(range(200 - HALF, 200 + HALF + 1 + ChatViewModel.PAGE));
        assertThat(model.newerAvailableProperty().get()).isTrue();

        while (model.newerAvailableProperty().get()) {
            assertThat(model.loadNewer().join()).isTrue();
        }

        assertThat(ids(model)).isEqualTo(range(200 - HALF, 500));
        assertThat(model.loadNewer().join()).isFalse();
    }

    @Test
    @DisplayName("pages older from the window with the existing loadOlder, down to the first message")
    void pagesOlder() {
        history(500);
        ChatViewModel model = model(UiExecutor.direct());
        model.activateAt(id(120));

        assertThat(model.loadOlder().join()).isTrue();

        assertThat(ids(model)).isEqualTo(range(0, 120 + HALF + 1));
        assertThat(model.olderAvailableProperty().get()).isFalse();
    }

    @Test
    @DisplayName("a message near the newest end: the window is the tail and live messages show at once")
    void nearTheTail() {
        history(120);
        ChatViewModel model = model(UiExecutor.direct());

        model.activateAt(id(110));

        assertThat(ids(model)).isEqualTo(range(110 - HALF, 120));
        assertThat(model.newerAvailableProperty().get()).isFalse();
        live("live-1", "just now");
        assertThat(ids(model)).last().isEqualTo("live-1");
    }

    @Test
    @DisplayName("live messages wait while the window is in the past (no gap), then show when paging reaches the end")
    void liveMessagesHeldUntilTheTail() {
        history(300);
        ChatViewModel model = model(UiExecutor.direct());
        model.activateAt(id(100));

        live("live-1", "while reading old messages");

        assertThat(ids(model)).doesNotContain("live-1").last().isEqualTo(id(100 + HALF));
        while (model.newerAvailableProperty().get()) {
            model.loadNewer().join();
        }
        List<String> expected = new java.util.ArrayList<>(range(100 - HALF, 300));
        expected.add("live-1");
        assertThat(ids(model)).isEqualTo(expected);
        assertThat(ids(model)).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("sending while the window is in the past jumps to the newest messages, the sent one last")
    void sendingJumpsToTheTail() {
        history(300);
        ChatViewModel model = model(UiExecutor.direct());
        model.activateAt(id(50));

        model.composerProperty().set("back to now");
        model.send();

        assertThat(model.newerAvailableProperty().get()).isFalse();
        List<String> shown = ids(model);
        assertThat(shown).hasSize(ChatViewModel.PAGE).doesNotContain(id(50)).doesNotHaveDuplicates();
        assertThat(shown.getLast()).isEqualTo(chatGateway.sent.getFirst().id());
    }

    @Test
    @DisplayName("an unknown message id shows the newest messages and says the message is gone")
    void unknownMessage() {
        history(10);
        ChatViewModel model = model(UiExecutor.direct());

        model.activateAt("deleted-id");

        assertThat(ids(model)).isEqualTo(range(0, 10));
        assertThat(model.errorProperty().get()).contains("no longer in the archive");
        assertThat(model.focusedMessageProperty().get()).isEmpty();
        assertThat(model.newerAvailableProperty().get()).isFalse();
    }

    @Test
    @DisplayName("a live message arriving before the window has loaded is not lost or shown past a gap")
    void liveMessageDuringLoad() {
        history(300);
        QueuedUiExecutor ui = new QueuedUiExecutor();
        ChatViewModel model = model(ui);

        model.activateAt(id(100));
        live("live-early", "arrived before the window");
        ui.runAll();

        assertThat(ids(model)).isEqualTo(range(100 - HALF, 100 + HALF + 1));
        while (model.newerAvailableProperty().get()) {
            model.loadNewer();
            ui.runAll();
        }
        assertThat(ids(model)).endsWith(id(299), "live-early");
    }

    @Test
    @DisplayName("opening at a message marks the conversation read, like opening it")
    void marksRead() {
        history(10);
        assertThat(chat.conversations().getFirst().unread()).isEqualTo(10);

        model(UiExecutor.direct()).activateAt(id(3));

        assertThat(chat.conversations().getFirst().unread()).isZero();
    }
}
