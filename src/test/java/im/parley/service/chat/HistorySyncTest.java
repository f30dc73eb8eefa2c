package im.parley.service.chat;

import im.parley.archive.InMemoryMessageStore;
import im.parley.service.chat.InboundChat.Incoming;
import im.parley.service.common.Jid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistorySyncTest {

    static final Instant NOW = Instant.parse("2025-11-22T12:00:00Z");
    static final Jid ME = Jid.parse("alice@example.org/laptop");
    static final Jid ALICE = ME.bare();
    static final Jid ALICE_PHONE = Jid.parse("alice@example.org/phone");
    static final Jid BOB = Jid.parse("bob@example.org/phone");
    static final Jid CAROL = Jid.parse("carol@example.org/desk");
    static final Jid MALLORY = Jid.parse("mallory@evil.example/x");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final FakeChatGateway chatGateway = new FakeChatGateway(ME);
    private final InMemoryMessageStore store = new InMemoryMessageStore(clock);
    private final ChatService chat = new ChatService(chatGateway, store, clock);
    private final FakeArchiveGateway archive = new FakeArchiveGateway(ME);
    private final InMemorySyncStore sync = new InMemorySyncStore();
    private final HistorySync history = new HistorySync(archive, chat, store, sync, clock, Runnable::run);
    private final List<ChatEvent> events = new CopyOnWriteArrayList<>();
    private int serial;

    @BeforeEach
    void listen() {
        chat.addListener(events::add);
    }

    /** An archived message {@code fromJid → toJid}, {@code secondsAgo} before now, carried by the own server. */
    ArchivedMessage archived(Jid fromJid, Jid toJid, String body, long secondsAgo) {
        int n = ++serial;
        return new ArchivedMessage("sid-" + n, null, NOW.minusSeconds(secondsAgo),
                new Incoming(fromJid, toJid, body, "mid-" + n, "oid-" + n, null, null, null));
    }

    void serverHas(int count, Jid from, long startSecondsAgo) {
        for (int i = 0; i < count; i++) {
            archive.add(archived(from, ME, "m" + i, startSecondsAgo - i / 10));
        }
    }

    private void syncedOnce() {
        archive.add(archived(BOB, ME, "before", 3600));
        history.catchUp().join();
        events.clear();
        sync.transactions = 0;
    }

    private List<String> bodies(Jid peer) {
        return store.latest(peer.bare(), 100_000).stream().map(ChatMessage::body).toList();
    }

    @Test
    void theFirstSyncFetchesOnlyTheNewestFourPagesAsReadHistoryAndRecordsWhatIsOlder() {
        serverHas(1_200, BOB, 3_000);

        HistorySync.CatchUp done = history.catchUp().join();

        assertThat(done.firstSync()).isTrue();
        assertThat(done.stored()).isEqualTo(1_000);
        List<String> stored = bodies(BOB);
        assertThat(stored).hasSize(1_000).startsWith("m200").endsWith("m1199");
        assertThat(store.conversation(BOB.bare()).orElseThrow().unread()).as("history, not news").isZero();
        assertThat(sync.transactions).as("the window commits at once").isEqualTo(1);
        assertThat(sync.cursors.get("")).isEqualTo(new SyncCursor("sid-1200", NOW.minusSeconds(3_000 - 119), true));
        assertThat(sync.gaps).containsExactly(new InMemorySyncStore.Gap("", null, "sid-201"));
        assertThat(events).containsExactly(new ChatEvent.HistoryCaughtUp(BOB.bare(), 1_000, 0),
                new ChatEvent.ConversationChanged(store.conversation(BOB.bare()).orElseThrow()));
    }

    @Test
    void theFirstSyncLeavesMessagesOlderThanTheWindowOnTheServer() {
        archive.add(archived(BOB, ME, "too old", Duration.ofDays(8).toSeconds()));
        archive.add(archived(BOB, ME, "recent", 60));

        history.catchUp().join();

        assertThat(bodies(BOB)).containsExactly("recent");
    }

    @Test
    void catchUpPagesForwardFromTheCursorOnePageAndCursorPerTransactionWithOneSummaryPerConversation() {
        syncedOnce();
        serverHas(600, BOB, 1_000);
        archive.add(archived(CAROL, ME, "carol 1", 30));
        archive.add(archived(CAROL, ME, "carol 2", 20));

        HistorySync.CatchUp done = history.catchUp().join();

        assertThat(done).isEqualTo(new HistorySync.CatchUp(602, 3, false, false));
        assertThat(sync.transactions).isEqualTo(3);
        assertThat(archive.queries).allSatisfy(q -> assertThat(q.max()).isEqualTo(250));
        assertThat(archive.queries.getLast().afterId()).isEqualTo("sid-501");
        assertThat(bodies(BOB)).hasSize(601).first().isEqualTo("before");
        assertThat(bodies(BOB).subList(1, 601)).isEqualTo(java.util.stream.IntStream.range(0, 600).mapToObj(i -> "m" + i).toList());
        assertThat(events).noneMatch(e -> e instanceof ChatEvent.MessageAdded);
        assertThat(events).filteredOn(e -> e instanceof ChatEvent.HistoryCaughtUp)
                .containsExactly(new ChatEvent.HistoryCaughtUp(BOB.bare(), 600, 600), new ChatEvent.HistoryCaughtUp(CAROL.bare(), 2, 2));
        assertThat(store.conversation(BOB.bare()).orElseThrow().unread()).isEqualTo(600);
        assertThat(store.conversation(CAROL.bare()).orElseThrow().unread()).isEqualTo(2);
        assertThat(sync.cursors.get("")).isEqualTo(new SyncCursor("sid-603", NOW.minusSeconds(20), true));
    }

    @Test
    void aMessageSentFromAnotherDeviceDuringTheOfflineTimeClearsTheUnreadCountLikeLiveDelivery() {
        syncedOnce();
        archive.add(archived(BOB, ME, "question", 50));
        archive.add(archived(ALICE_PHONE, BOB.bare(), "answer from my phone", 40));
        archive.add(archived(BOB, ME, "thanks", 30));

        history.catchUp().join();

        assertThat(store.conversation(BOB.bare()).orElseThrow().unread()).isEqualTo(1);
        assertThat(store.latest(BOB.bare(), 10)).extracting(ChatMessage::direction)
                .containsExactly(Direction.INCOMING, Direction.INCOMING, Direction.OUTGOING, Direction.INCOMING);
        assertThat(events).as("three new, one of them not seen: the summary tells one")
                .contains(new ChatEvent.HistoryCaughtUp(BOB.bare(), 3, 1));
    }

    @Test
    void messagesAlreadyDeliveredLiveOrAsCarbonsAreNotStoredAgain() {
        syncedOnce();
        ArchivedMessage live = archived(BOB, ME, "live", 50);
        ArchivedMessage carbon = archived(ALICE_PHONE, BOB.bare(), "from my phone", 40);
        archive.add(live);
        archive.add(carbon);
        chatGateway.receive(new Incoming(BOB, ME, "live", "other-id", null, live.resultId(), ALICE, null));
        chatGateway.receive(new InboundChat.Carbon(ALICE, true, new Incoming(ALICE_PHONE, BOB.bare(), "from my phone",
                carbon.forwarded().messageId(), carbon.forwarded().originId(), null, null, null)));
        events.clear();

        HistorySync.CatchUp done = history.catchUp().join();

        assertThat(done.stored()).isZero();
        assertThat(bodies(BOB)).containsExactly("before", "live", "from my phone");
        assertThat(events).noneMatch(e -> e instanceof ChatEvent.HistoryCaughtUp);
    }

    @Test
    void copiesOfOneMessageWithinOnePageAreStoredOnce() {
        syncedOnce();
        archive.add(new ArchivedMessage("sid-a", null, NOW.minusSeconds(50),
                new Incoming(BOB, ME, "same origin-id", "mid-a", "oid-a", null, null, null)));
        archive.add(new ArchivedMessage("sid-b", null, NOW.minusSeconds(49),
                new Incoming(BOB, ME, "same origin-id", "mid-b", "oid-a", null, null, null)));
        archive.add(new ArchivedMessage("sid-c", null, NOW.minusSeconds(48),
                new Incoming(BOB, ME, "same message id", "mid-c", null, null, null, null)));
        archive.add(new ArchivedMessage("sid-d", null, NOW.minusSeconds(47),
                new Incoming(BOB, ME, "same message id", "mid-c", null, null, null, null)));
        archive.add(new ArchivedMessage("sid-e", null, NOW.minusSeconds(46),
                new Incoming(CAROL, ME, "same ids, other conversation", "mid-c", "oid-a", null, null, null)));

        HistorySync.CatchUp done = history.catchUp().join();

        assertThat(done.stored()).isEqualTo(3);
        assertThat(bodies(BOB)).containsExactly("before", "same origin-id", "same message id");
        assertThat(bodies(CAROL)).containsExactly("same ids, other conversation");
    }

    @Test
    void aLiveOrCarbonCopyOfAMessageTheCatchUpStoredIsNotStoredAgain() {
        syncedOnce();
        ArchivedMessage fromBob = archived(BOB, ME, "hello", 50);
        ArchivedMessage fromPhone = archived(ALICE_PHONE, BOB.bare(), "sent on phone", 40);
        archive.add(fromBob);
        archive.add(fromPhone);
        history.catchUp().join();
        events.clear();

        chatGateway.receive(new Incoming(BOB, ME, "hello", "mid-x", null, fromBob.resultId(), ALICE, NOW.minusSeconds(50)));
        chatGateway.receive(new InboundChat.Carbon(ALICE, true, new Incoming(ALICE_PHONE, BOB.bare(), "sent on phone",
                fromPhone.forwarded().messageId(), fromPhone.forwarded().originId(), null, null, null)));

        assertThat(bodies(BOB)).containsExactly("before", "hello", "sent on phone");
        assertThat(events).noneMatch(e -> e instanceof ChatEvent.MessageAdded);
    }

    @Test
    void anInterruptedCatchUpKeepsTheCommittedPagesAndTheNextOneContinuesWithoutGapOrDuplicate() {
        syncedOnce();
        serverHas(1_000, BOB, 2_000);
        archive.failAfter(2);

        assertThatThrownBy(() -> history.catchUp().join()).isInstanceOf(CompletionException.class)
                .hasMessageContaining("Not connected");
        assertThat(bodies(BOB)).as("the two pages that arrived").hasSize(1 + 500).last().isEqualTo("m499");
        assertThat(sync.cursors.get("").lastStanzaId()).isEqualTo("sid-501");
        assertThat(events).as("the committed pages are announced")
                .contains(new ChatEvent.HistoryCaughtUp(BOB.bare(), 500, 500));

        HistorySync.CatchUp rest = history.catchUp().join();

        assertThat(rest.stored()).isEqualTo(500);
        assertThat(bodies(BOB).subList(1, 1_001)).isEqualTo(
                java.util.stream.IntStream.range(0, 1_000).mapToObj(i -> "m" + i).toList());
        assertThat(store.conversation(BOB.bare()).orElseThrow().unread()).isEqualTo(1_000);
    }

    @Test
    void aCursorTheServerNoLongerKnowsFetchesTheRecentWindowThenWhatLiesBeforeItAndTellsTheUser() {
        syncedOnce();
        archive.forget("sid-1");
        serverHas(5, BOB, 100);

        HistorySync.CatchUp done = history.catchUp().join();

        assertThat(done.gapFound()).isTrue();
        assertThat(sync.gaps).as("recorded, then closed: nothing lay between; only the first sync's is left")
                .containsExactly(new InMemorySyncStore.Gap("", null, "sid-1"));
        assertThat(events).anyMatch(e -> e instanceof ChatEvent.HistoryGapFound g && g.reason().contains("missing"));
        assertThat(bodies(BOB)).containsExactly("before", "m0", "m1", "m2", "m3", "m4");
        assertThat(sync.cursors.get("").lastStanzaId()).isEqualTo("sid-6");
    }

    @Test
    void aLostCursorWithMoreMissedThanTheRecentWindowFetchesTheRestByTimeExactlyOnceAndClosesTheGap() {
        syncedOnce(); // cursor: sid-1, an hour ago
        archive.forget("sid-1");
        int missed = HistorySync.FIRST_SYNC_PAGES * ArchiveGateway.MAX_PAGE + 300;
        serverHas(missed, BOB, 3_000);

        HistorySync.CatchUp done = history.catchUp().join();

        assertThat(done.stored()).isEqualTo(missed);
        assertThat(bodies(BOB)).hasSize(1 + missed).doesNotHaveDuplicates().startsWith("before", "m0", "m1")
                .endsWith("m" + (missed - 1));
        assertThat(store.conversation(BOB.bare()).orElseThrow().unread()).as("missed, so unread").isEqualTo(missed);
        assertThat(sync.gaps).as("only the first sync's is left").containsExactly(new InMemorySyncStore.Gap("", null, "sid-1"));
        assertThat(events).anyMatch(e -> e instanceof ChatEvent.HistoryGapFound g
                && g.reason().contains("fetched what the server still has"));
    }

    @Test
    void aGapThatCannotBeFilledStaysRecordedAndTheUserIsTold() {
        syncedOnce();
        archive.forget("sid-1");
        serverHas(HistorySync.FIRST_SYNC_PAGES * ArchiveGateway.MAX_PAGE + 300, BOB, 3_000);
        archive.failAfter(HistorySync.FIRST_SYNC_PAGES + 1); // the lost cursor, the window; then the fill fails

        HistorySync.CatchUp done = history.catchUp().join();

        assertThat(done.gapFound()).isTrue();
        assertThat(sync.gaps).extracting(InMemorySyncStore.Gap::afterId).containsExactly(null, "sid-1");
        assertThat(events).anyMatch(e -> e instanceof ChatEvent.HistoryGapFound g
                && g.reason().contains("Some older messages may be missing"));
    }

    @Test
    void anEmptyArchiveIsResumedByTimeNextLogin() {
        history.catchUp().join();
        assertThat(sync.cursors.get("")).isEqualTo(new SyncCursor(null, NOW, true));
        archive.add(archived(BOB, ME, "first ever", 10));

        history.catchUp().join();

        assertThat(archive.queries.getLast().since()).isEqualTo(NOW.minus(HistorySync.CLOCK_MARGIN));
        assertThat(bodies(BOB)).containsExactly("first ever");
        assertThat(sync.cursors.get("").lastStanzaId()).isEqualTo("sid-1");
    }

    @Test
    void resultsNotCarriedByTheOwnAccountOrNotAboutTheUserAreRejectedAndNotStored() {
        syncedOnce();
        archive.add(new ArchivedMessage("forged-1", MALLORY.bare(), NOW.minusSeconds(9),
                new Incoming(BOB, ME, "forged by mallory", "f1", null, null, null, null)));
        archive.add(archived(BOB, CAROL, "not about alice", 8));
        archive.add(archived(BOB, ME, "genuine", 7));

        history.catchUp().join();

        assertThat(bodies(BOB)).containsExactly("before", "genuine");
        assertThat(store.conversation(CAROL.bare())).isEmpty();
        assertThat(events).filteredOn(e -> e instanceof ChatEvent.StanzaRejected).extracting(e -> ((ChatEvent.StanzaRejected) e).claimedSender())
                .containsExactly(MALLORY.bare(), BOB);
    }

    @Test
    void anUnsolicitedArchiveResultFromAnotherAccountIsRejectedAndOneFromTheOwnServerIgnored() {
        chatGateway.receive(new InboundChat.ArchiveResult(MALLORY));
        chatGateway.receive(new InboundChat.ArchiveResult(null));
        chatGateway.receive(new InboundChat.ArchiveResult(ALICE));

        assertThat(events).singleElement().isInstanceOfSatisfying(ChatEvent.StanzaRejected.class,
                r -> assertThat(r.claimedSender()).isEqualTo(MALLORY));
    }

    @Test
    void archivedTimesInTheFutureAreClampedAndOverlongBodiesReplacedByANotice() {
        syncedOnce();
        archive.add(new ArchivedMessage("sid-future", null, NOW.plusSeconds(3_600),
                new Incoming(BOB, ME, "x".repeat(ChatService.MAX_BODY_CHARS + 1), "fut", null, null, null, null)));

        history.catchUp().join();

        ChatMessage stored = store.latest(BOB.bare(), 1).getFirst();
        assertThat(stored.timestamp()).isEqualTo(NOW);
        assertThat(stored.body()).startsWith("[This message was");
        assertThat(stored.stanzaId()).isEqualTo("sid-future");
    }

    @Test
    void aSecondCatchUpWhileOneRunsIsTheSameOne() {
        java.util.concurrent.CompletableFuture<ArchivePage> hold = new java.util.concurrent.CompletableFuture<>();
        HistorySync blocked = new HistorySync(q -> hold, chat, store, sync, clock,
                java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        var first = blocked.catchUp();
        assertThat(blocked.catchUp()).isSameAs(first);
        hold.complete(new ArchivePage(List.of(), null, null, true));
        first.join();
        assertThat(blocked.catchUp()).isNotSameAs(first);
    }
}
