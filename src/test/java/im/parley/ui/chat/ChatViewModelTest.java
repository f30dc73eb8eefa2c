package im.parley.ui.chat;

import im.parley.service.chat.DeliveryState;
import im.parley.service.chat.Direction;
import im.parley.service.chat.ChatMessage;
import im.parley.service.chat.ArchivedMessage;
import im.parley.service.chat.FakeArchiveGateway;
import im.parley.service.chat.HistoryPager;
import im.parley.service.chat.HistorySync;
import im.parley.service.chat.InMemorySyncStore;
import im.parley.archive.InMemoryMessageStore;
import im.parley.service.chat.ChatService;
import im.parley.service.chat.ChatState;
import im.parley.service.chat.FakeChatGateway;
import im.parley.service.chat.InboundChat;
import im.parley.service.chat.ManualScheduler;
import im.parley.service.chat.OutgoingMessage;
import im.parley.service.chat.TypingNotifier;
import im.parley.service.common.Availability;
import im.parley.service.common.Jid;
import im.parley.service.common.Presence;
import im.parley.service.roster.Contact;
import im.parley.service.roster.FakeRosterGateway;
import im.parley.service.roster.RosterEvent;
import im.parley.service.roster.RosterService;
import im.parley.service.roster.Subscription;
import im.parley.ui.common.PresenceTone;
import im.parley.ui.common.UiExecutor;
import im.parley.ui.testing.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ChatViewModelTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Jid ME = Jid.parse("me@example.org/parley");
    private static final Jid BOB = Jid.parse("bob@example.org");
    private static final Jid BOB_PHONE = BOB.withResource("phone");
    private static final Jid CAROL = Jid.parse("carol@example.org");

    private final MutableClock clock = new MutableClock(NOW);
    private final TimeLabels labels = new TimeLabels(clock, ZoneOffset.UTC);
    private final FakeChatGateway chatGateway = new FakeChatGateway(ME);
    private final InMemoryMessageStore store = new InMemoryMessageStore(clock);
    private final ChatService chat = new ChatService(chatGateway, store, clock);
    private final FakeRosterGateway rosterGateway = new FakeRosterGateway();
    private final RosterService roster = new RosterService(rosterGateway);
    private final ManualScheduler scheduler = new ManualScheduler();
    private final TypingNotifier typing = new TypingNotifier(chat, scheduler, Duration.ofSeconds(5));
    private final ChatViewModel model = new ChatViewModel(BOB, chat, roster, typing, UiExecutor.direct(), Runnable::run, labels);

    /** A message from {@code from} that the server stamped {@code at} (or live when null). */
    private void incoming(Jid from, String id, String body, Instant at) {
        chatGateway.receive(new InboundChat.Incoming(from, ME, body, id, null, null, null, at));
    }

    private List<ChatLine.MessageLine> messageLines() {
        return model.lines().stream()
                .filter(l -> l instanceof ChatLine.MessageLine)
                .map(l -> (ChatLine.MessageLine) l)
                .toList();
    }

    private ChatLine.MessageLine lastMessage() {
        return messageLines().getLast();
    }

    /** The lines as "== Day" and "body" strings. */
    private List<String> shownLines() {
        return model.lines().stream().map(l -> switch (l) {
            case ChatLine.DayLine d -> "== " + d.label();
            case ChatLine.MessageLine m -> m.body();
        }).toList();
    }

    private int unread(Jid peer) {
        return chat.conversations().stream().filter(c -> c.peer().equals(peer)).findFirst()
                .orElseThrow().unread();
    }

    private List<ChatState> statesSentTo(Jid peer) {
        return chatGateway.statesSent().stream().filter(s -> s.to().equals(peer))
                .map(FakeChatGateway.StateSent::state).toList();
    }

    /** A server archive that Bob's messages reach, synced once with one old message in it. */
    private HistorySync syncedOnceWithServer(FakeArchiveGateway server) {
        HistorySync history = new HistorySync(server, chat, store, new InMemorySyncStore(), clock, Runnable::run);
        archiveOnServer(server, 0, "before the catch-up", NOW.minusSeconds(3_600));
        history.catchUp().join();
        return history;
    }

    private static void archiveOnServer(FakeArchiveGateway server, int n, String body, Instant at) {
        server.add(new ArchivedMessage("sid-" + n, null, at,
                new InboundChat.Incoming(BOB_PHONE, ME, body, "mid-" + n, "oid-" + n, null, null, null)));
    }

    @Test
    @DisplayName("a chat open while history catches up shows the new messages after what it showed, and stays read")
    void caughtUpMessagesShowInTheOpenChat() {
        FakeArchiveGateway server = new FakeArchiveGateway(ME);
        HistorySync history = syncedOnceWithServer(server);
        model.activate();
        for (int i = 1; i <= 3; i++) {
            archiveOnServer(server, i, "while away " + i, NOW.minusSeconds(60 - i));
        }

        history.catchUp().join();

        assertThat(messageLines()).extracting(ChatLine.MessageLine::body)
                .containsExactly("before the catch-up", "while away 1", "while away 2", "while away 3");
        assertThat(unread(BOB)).isZero();
    }

    @Test
    @DisplayName("after a catch-up of more than a page the open chat shows the newest page, without a hole")
    void aLargeCatchUpReplacesTheOpenChatWithTheNewestPage() {
        FakeArchiveGateway server = new FakeArchiveGateway(ME);
        HistorySync history = syncedOnceWithServer(server);
        model.activate();
        int many = ChatViewModel.PAGE + 50;
        for (int i = 1; i <= many; i++) {
            archiveOnServer(server, i, "while away " + i, NOW.minusSeconds(1_000 - i));
        }

        history.catchUp().join();

        List<String> shown = messageLines().stream().map(ChatLine.MessageLine::body).toList();
        assertThat(shown).hasSize(ChatViewModel.PAGE).doesNotContain("before the catch-up")
                .startsWith("while away 51").endsWith("while away " + many);
        assertThat(model.olderAvailableProperty().get()).isTrue();
        assertThat(unread(BOB)).isZero();
    }

    @Test
    @DisplayName("activate shows the stored messages under day separators: 'Yesterday', 'Today', older days by date")
    void activateShowsStoredMessagesWithDays() {
        incoming(BOB_PHONE, "m1", "last week", Instant.parse("2026-03-03T10:00:00Z"));
        incoming(BOB_PHONE, "m2", "hi", Instant.parse("2026-03-09T09:00:00Z"));
        incoming(BOB_PHONE, "m3", "still there?", Instant.parse("2026-03-09T21:30:00Z"));
        incoming(BOB_PHONE, "m4", "morning", Instant.parse("2026-03-10T08:15:00Z"));

        model.activate();

        String older = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).format(LocalDate.of(2026, 3, 3));
        assertThat(shownLines()).containsExactly(
                "== " + older, "last week",
                "== Yesterday", "hi", "still there?",
                "== Today", "morning");
        assertThat(messageLines()).extracting(ChatLine.MessageLine::time)
                .containsExactly("10:00", "09:00", "21:30", "08:15");
        assertThat(messageLines()).allSatisfy(line -> {
            assertThat(line.outgoing()).isFalse();
            assertThat(line.sender()).isEqualTo("bob@example.org");
            assertThat(line.mark()).isEqualTo(DeliveryMark.NONE);
        });
    }

    @Test
    @DisplayName("activate marks the conversation read")
    void activateMarksRead() {
        incoming(BOB_PHONE, "m1", "one", null);
        incoming(BOB_PHONE, "m2", "two", null);
        assertThat(unread(BOB)).isEqualTo(2);

        model.activate();

        assertThat(unread(BOB)).isZero();
    }

    @Test
    @DisplayName("title, sender and presence come from the roster")
    void titleAndPresenceFromRoster() {
        rosterGateway.emit(new RosterEvent.RosterLoaded(
                List.of(new Contact(BOB, "Bob", Set.of(), Subscription.BOTH, false))));
        incoming(BOB_PHONE, "m1", "hi", null);

        model.activate();
        assertThat(model.titleProperty().get()).isEqualTo("Bob");
        assertThat(lastMessage().sender()).isEqualTo("Bob");
        assertThat(model.subtitleProperty().get()).isEqualTo("bob@example.org · Offline");
        assertThat(model.toneProperty().get()).isEqualTo(PresenceTone.OFFLINE);

        rosterGateway.emit(new RosterEvent.PresenceChanged(BOB, new Presence(Availability.AWAY, "lunch")));

        assertThat(model.toneProperty().get()).isEqualTo(PresenceTone.AWAY);
        assertThat(model.subtitleProperty().get()).isEqualTo("bob@example.org · Away — lunch");
    }

    @Test
    @DisplayName("send hands the text to the network, clears the composer and shows the message pending, then sent")
    void sendShowsPendingThenSent() {
        model.activate();
        model.composerProperty().set("Hello Bob");

        model.send();

        assertThat(chatGateway.sent).hasSize(1);
        OutgoingMessage sent = chatGateway.sent.getFirst();
        assertThat(sent.to()).isEqualTo(BOB);
        assertThat(sent.body()).isEqualTo("Hello Bob");
        assertThat(model.composerProperty().get()).isEmpty();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(shownLines()).containsExactly("== Today", "Hello Bob");
        assertThat(lastMessage().id()).isEqualTo(sent.id());
        assertThat(lastMessage().outgoing()).isTrue();
        assertThat(lastMessage().sender()).isEqualTo("You");
        assertThat(lastMessage().time()).isEqualTo("12:00");
        assertThat(lastMessage().mark()).isEqualTo(DeliveryMark.PENDING);

        chatGateway.accept(0);

        assertThat(messageLines()).hasSize(1);
        assertThat(lastMessage().mark()).isEqualTo(DeliveryMark.SENT);
    }

    @Test
    @DisplayName("a receipt from the peer marks the sent message delivered")
    void receiptMarksDelivered() {
        model.activate();
        model.composerProperty().set("Did you get this?");
        model.send();
        chatGateway.accept(0);

        chatGateway.receive(new InboundChat.Receipt(BOB_PHONE, chatGateway.sent.getFirst().id()));

        assertThat(lastMessage().mark()).isEqualTo(DeliveryMark.DELIVERED);
        assertThat(messageLines()).hasSize(1);
    }

    @Test
    @DisplayName("a message the network could not take is marked failed with the reason")
    void sendFailureMarksFailed() {
        model.activate();
        model.composerProperty().set("anyone?");
        model.send();

        chatGateway.fail(0, new IOException("not connected"));

        assertThat(lastMessage().mark()).isEqualTo(DeliveryMark.FAILED);
        assertThat(lastMessage().failure()).isEqualTo("not connected");
    }

    @Test
    @DisplayName("sending blank text sends nothing")
    void blankTextNotSent() {
        model.activate();
        model.composerProperty().set("   \n ");

        model.send();

        assertThat(chatGateway.sent).isEmpty();
        assertThat(model.lines()).isEmpty();
        assertThat(model.composerProperty().get()).isEqualTo("   \n ");
    }

    @Test
    @DisplayName("too long a text is refused with a reason and stays in the composer")
    void tooLongTextKept() {
        model.activate();
        String tooLong = "x".repeat(ChatService.MAX_BODY_CHARS + 1);
        model.composerProperty().set(tooLong);

        model.send();

        assertThat(chatGateway.sent).isEmpty();
        assertThat(model.lines()).isEmpty();
        assertThat(model.composerProperty().get()).isEqualTo(tooLong);
        assertThat(model.errorProperty().get()).contains("too long").contains(Integer.toString(ChatService.MAX_BODY_CHARS));

        model.composerProperty().set("shorter");
        model.send();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(chatGateway.sent).hasSize(1);
    }

    @Test
    @DisplayName("an incoming message of this peer appears and the conversation stays read")
    void incomingAppearsAndIsRead() {
        model.activate();

        incoming(BOB_PHONE, "m1", "hey", null);

        assertThat(shownLines()).containsExactly("== Today", "hey");
        assertThat(lastMessage().outgoing()).isFalse();
        assertThat(lastMessage().mark()).isEqualTo(DeliveryMark.NONE);
        assertThat(unread(BOB)).isZero();
    }

    @Test
    @DisplayName("a message of another conversation does not appear and stays unread there")
    void otherPeerNotShown() {
        model.activate();

        incoming(CAROL.withResource("pc"), "c1", "for someone else", null);

        assertThat(model.lines()).isEmpty();
        assertThat(unread(CAROL)).isEqualTo(1);
    }

    @Test
    @DisplayName("the same message delivered twice is shown once")
    void duplicateShownOnce() {
        model.activate();

        incoming(BOB_PHONE, "m1", "once", null);
        incoming(BOB_PHONE, "m1", "once", null);

        assertThat(messageLines()).hasSize(1);
    }

    @Test
    @DisplayName("a live message on a later day than the last shown one gets its own day separator")
    void dayLineForNewDayLive() {
        incoming(BOB_PHONE, "m1", "yesterday evening", Instant.parse("2026-03-09T20:00:00Z"));
        model.activate();

        incoming(BOB_PHONE, "m2", "now", null);
        incoming(BOB_PHONE, "m3", "again", null);

        assertThat(shownLines()).containsExactly("== Yesterday", "yesterday evening", "== Today", "now", "again");
    }

    @Test
    @DisplayName("a delayed message older than all shown ones is placed in time order")
    void delayedOlderMessageSorted() {
        incoming(BOB_PHONE, "m2", "second", Instant.parse("2026-03-10T10:00:00Z"));
        incoming(BOB_PHONE, "m3", "third", Instant.parse("2026-03-10T11:00:00Z"));
        model.activate();

        incoming(BOB_PHONE, "m0", "from yesterday", Instant.parse("2026-03-09T08:00:00Z"));

        assertThat(shownLines()).containsExactly("== Yesterday", "from yesterday", "== Today", "second", "third");
    }

    @Test
    @DisplayName("the peer typing shows 'typing…'; their message clears it")
    void peerTypingShownUntilMessage() {
        model.activate();
        String idle = model.subtitleProperty().get();

        chatGateway.receive(new InboundChat.State(BOB_PHONE, ChatState.COMPOSING));

        assertThat(model.peerTypingProperty().get()).isTrue();
        assertThat(model.subtitleProperty().get()).isEqualTo("typing…");

        incoming(BOB_PHONE, "m1", "done typing", null);

        assertThat(model.peerTypingProperty().get()).isFalse();
        assertThat(model.subtitleProperty().get()).isEqualTo(idle).isEqualTo("bob@example.org · Offline");
    }

    @Test
    @DisplayName("the peer pausing clears 'typing…'; another peer typing does not show")
    void peerPausedAndOtherPeer() {
        model.activate();
        chatGateway.receive(new InboundChat.State(CAROL, ChatState.COMPOSING));
        assertThat(model.peerTypingProperty().get()).isFalse();

        chatGateway.receive(new InboundChat.State(BOB_PHONE, ChatState.COMPOSING));
        chatGateway.receive(new InboundChat.State(BOB_PHONE, ChatState.PAUSED));

        assertThat(model.peerTypingProperty().get()).isFalse();
        assertThat(model.subtitleProperty().get()).isNotEqualTo("typing…");
    }

    @Test
    @DisplayName("typing in the composer sends 'composing' once, not per keystroke; sending makes it 'active'")
    void composerTypingSendsComposingOnce() {
        model.activate();

        model.composerProperty().set("H");
        model.composerProperty().set("He");
        model.composerProperty().set("Hel");
        model.composerProperty().set("Hello");

        assertThat(statesSentTo(BOB)).containsExactly(ChatState.COMPOSING);

        model.send();

        assertThat(statesSentTo(BOB)).containsExactly(ChatState.COMPOSING, ChatState.ACTIVE);
    }

    @Test
    @DisplayName("stopping typing sends 'paused' after the pause; emptying the composer sends 'active'")
    void composerPauseAndClear() {
        model.activate();
        model.composerProperty().set("Hm");

        scheduler.advance(Duration.ofSeconds(5));
        assertThat(statesSentTo(BOB)).containsExactly(ChatState.COMPOSING, ChatState.PAUSED);

        model.composerProperty().set("");
        assertThat(statesSentTo(BOB)).containsExactly(ChatState.COMPOSING, ChatState.PAUSED, ChatState.ACTIVE);
    }

    @Test
    @DisplayName("deactivate stops following messages, typing and composer edits, and tells the peer we left")
    void deactivateStopsFollowing() {
        model.activate();
        model.composerProperty().set("draft");

        model.deactivate();

        assertThat(statesSentTo(BOB)).containsExactly(ChatState.COMPOSING, ChatState.INACTIVE);
        incoming(BOB_PHONE, "m1", "are you there?", null);
        chatGateway.receive(new InboundChat.State(BOB_PHONE, ChatState.COMPOSING));
        model.composerProperty().set("draft, longer");

        assertThat(model.lines()).isEmpty();
        assertThat(model.peerTypingProperty().get()).isFalse();
        assertThat(unread(BOB)).isEqualTo(1);
        assertThat(statesSentTo(BOB)).containsExactly(ChatState.COMPOSING, ChatState.INACTIVE);
    }

    @Test
    @DisplayName("activating again shows what arrived in between")
    void reactivateShowsNewMessages() {
        model.activate();
        model.deactivate();
        incoming(BOB_PHONE, "m1", "while you were away", null);

        model.activate();

        assertThat(shownLines()).containsExactly("== Today", "while you were away");
        assertThat(unread(BOB)).isZero();
    }

    @Test
    @DisplayName("loadOlder prepends the page before the first shown message, until there are no more")
    void loadOlderPages() {
        Instant start = NOW.minus(Duration.ofMinutes(200));
        int total = ChatViewModel.PAGE + 50;
        for (int i = 0; i < total; i++) {
            incoming(BOB_PHONE, String.format("m%03d", i), "message " + i, start.plus(Duration.ofMinutes(i)));
        }

        model.activate();

        assertThat(messageLines()).hasSize(ChatViewModel.PAGE);
        assertThat(messageLines().getFirst().body()).isEqualTo("message 50");
        assertThat(model.olderAvailableProperty().get()).isTrue();

        assertThat(model.loadOlder().join()).isTrue();

        assertThat(messageLines()).hasSize(total);
        assertThat(messageLines()).extracting(ChatLine.MessageLine::id)
                .isSorted()
                .first().isEqualTo("m000");
        assertThat(model.lines().stream().filter(l -> l instanceof ChatLine.DayLine)).hasSize(1);
        assertThat(model.olderAvailableProperty().get()).isFalse();
        assertThat(model.loadOlder().join()).isFalse();
        assertThat(messageLines()).hasSize(total);
    }

    @Test
    @DisplayName("with fewer messages than a page there is nothing older to load")
    void nothingOlder() {
        incoming(BOB_PHONE, "m1", "only one", null);
        model.activate();

        assertThat(model.olderAvailableProperty().get()).isFalse();
        assertThat(model.loadOlder().join()).isFalse();
        assertThat(messageLines()).hasSize(1);
    }

    @Test
    @DisplayName("a delayed message that belongs between two shown ones goes between them")
    void delayedMessageBetweenShownOnes() {
        incoming(BOB_PHONE, "a", "A", Instant.parse("2026-03-10T10:00:00Z"));
        incoming(BOB_PHONE, "b", "B", Instant.parse("2026-03-10T10:05:00Z"));
        model.activate();

        incoming(BOB_PHONE, "m", "M", Instant.parse("2026-03-10T10:02:00Z"));

        assertThat(shownLines()).containsExactly("== Today", "A", "M", "B");
    }

    @Test
    @DisplayName("paging back does not skip a message that shares its timestamp with the oldest one shown")
    void loadOlderKeepsMessagesWithTheSameTimestamp() {
        Instant start = Instant.parse("2026-03-10T09:00:00Z");
        for (int i = 0; i < 150; i++) {
            Instant at = start.plusSeconds(i == 49 ? 50 : i);
            incoming(BOB_PHONE, "m" + i, "message " + i, at);
        }
        model.activate();
        assertThat(messageLines()).hasSize(ChatViewModel.PAGE);

        model.loadOlder().join();

        assertThat(messageLines()).hasSize(150);
        assertThat(messageLines()).extracting(ChatLine.MessageLine::body).contains("message 49", "message 50");
    }

    @Test
    @DisplayName("after midnight the day separators move on: yesterday's 'Today' becomes 'Yesterday'")
    void daySeparatorsFollowMidnight() {
        clock.set(Instant.parse("2026-03-09T23:50:00Z"));
        model.activate();
        incoming(BOB_PHONE, "late", "late", null);
        clock.set(Instant.parse("2026-03-10T00:10:00Z"));

        incoming(BOB_PHONE, "early", "early", null);

        assertThat(shownLines()).containsExactly("== Yesterday", "late", "== Today", "early");
    }

    @Test
    @DisplayName("the store is read off the UI thread; a message arriving before that read returns is shown once")
    void storeReadInTheBackgroundMergesWithLiveMessages() {
        incoming(BOB_PHONE, "stored", "stored", Instant.parse("2026-03-10T09:00:00Z"));
        List<Runnable> background = new java.util.ArrayList<>();
        ChatViewModel queued = new ChatViewModel(BOB, chat, roster, typing, UiExecutor.direct(), background::add, labels);

        queued.activate();
        assertThat(queued.lines()).as("nothing read on the calling thread").isEmpty();
        incoming(BOB_PHONE, "live", "live", null);
        background.forEach(Runnable::run);

        assertThat(queued.lines().stream().filter(l -> l instanceof ChatLine.MessageLine)
                .map(l -> ((ChatLine.MessageLine) l).body())).containsExactly("stored", "live");
    }

    @Test
    @DisplayName("loadOlder asks the server's history when given one, and shows why it could not")
    void loadOlderFromTheServerHistory() {
        incoming(BOB_PHONE, "m-local", "kept locally", NOW.minusSeconds(10));
        java.util.List<Instant> asked = new java.util.ArrayList<>();
        ChatMessage fromServer = new ChatMessage("m-server", BOB, Direction.INCOMING, BOB_PHONE, "from the server archive",
                NOW.minusSeconds(7200), DeliveryState.RECEIVED, null, null, "s-1");
        java.util.concurrent.atomic.AtomicReference<HistoryPager.OlderMessages> answer = new java.util.concurrent.atomic.AtomicReference<>(
                new HistoryPager.OlderMessages(List.of(fromServer), true, null));
        ChatViewModel paged = new ChatViewModel(BOB, chat, roster, typing, UiExecutor.direct(), Runnable::run, labels,
                (peer, before, limit) -> {
                    asked.add(before);
                    return java.util.concurrent.CompletableFuture.completedFuture(answer.get());
                });
        paged.activate();

        assertThat(paged.loadOlder().join()).isTrue();
        assertThat(asked).hasSize(1);
        assertThat(paged.lines().stream().filter(l -> l instanceof ChatLine.MessageLine).map(l -> ((ChatLine.MessageLine) l).body()))
                .containsExactly("from the server archive", "kept locally");
        assertThat(paged.olderAvailableProperty().get()).isTrue();

        answer.set(new HistoryPager.OlderMessages(List.of(), true, "Older messages could not be loaded from the server: timeout"));
        assertThat(paged.loadOlder().join()).isFalse();
        assertThat(paged.errorProperty().get()).contains("timeout");
        assertThat(paged.olderAvailableProperty().get()).as("no endless retries on scroll").isFalse();
    }
}
