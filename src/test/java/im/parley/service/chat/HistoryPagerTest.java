package im.parley.service.chat;

import im.parley.archive.InMemoryMessageStore;
import im.parley.service.chat.InboundChat.Incoming;
import im.parley.service.common.Jid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryPagerTest {

    private static final Instant NOW = HistorySyncTest.NOW;
    private static final Jid ME = HistorySyncTest.ME;
    private static final Jid BOB = HistorySyncTest.BOB;
    private static final Jid CAROL = HistorySyncTest.CAROL;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final FakeChatGateway chatGateway = new FakeChatGateway(ME);
    private final InMemoryMessageStore store = new InMemoryMessageStore(clock);
    private final ChatService chat = new ChatService(chatGateway, store, clock);
    private final FakeArchiveGateway archive = new FakeArchiveGateway(ME);
    private final HistoryPager pager = new HistoryPager(archive, chat, store, new InMemorySyncStore(), clock, Runnable::run);
    private final List<ChatEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() {
        chat.addListener(events::add);
    }

    /** {@code count} messages from Bob on the server, one a second, ending {@code endSecondsAgo} before now. */
    private List<ArchivedMessage> serverHas(int count, long endSecondsAgo) {
        List<ArchivedMessage> added = IntStream.range(0, count).mapToObj(i -> new ArchivedMessage("sid-" + i, null,
                NOW.minusSeconds(endSecondsAgo + count - 1 - i),
                new Incoming(BOB, ME, "m" + i, "mid-" + i, null, null, null, null))).toList();
        added.forEach(archive::add);
        return added;
    }

    /** Stores the newest {@code count} of them locally, as catch-up would have. */
    private void locallyHave(List<ArchivedMessage> server, int count) {
        for (ArchivedMessage m : server.subList(server.size() - count, server.size())) {
            store.append(new ChatMessage(m.forwarded().messageId(), BOB, Direction.INCOMING, BOB, m.forwarded().body(),
                    m.stamp(), DeliveryState.RECEIVED, null, null, m.resultId()));
        }
        store.markRead(BOB);
    }

    private static List<String> bodies(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::body).toList();
    }

    @Test
    void enoughLocalMessagesNeedNoServer() {
        List<ArchivedMessage> server = serverHas(100, 0);
        locallyHave(server, 100);
        Instant oldestShown = store.latest(BOB.bare(), 20).getFirst().timestamp();

        HistoryPager.OlderMessages older = pager.olderThan(BOB, oldestShown, 30).join();

        assertThat(bodies(older.messages())).isEqualTo(IntStream.range(50, 80).mapToObj(i -> "m" + i).toList());
        assertThat(archive.queries).isEmpty();
    }

    @Test
    void whenLocalRunsOutTheServerFillsInBeforeTheOldestKnownStanzaIdAsReadHistory() {
        List<ArchivedMessage> server = serverHas(500, 0);
        locallyHave(server, 40);
        Instant oldestShown = store.latest(BOB.bare(), 20).getFirst().timestamp();

        HistoryPager.OlderMessages older = pager.olderThan(BOB, oldestShown, 50).join();

        assertThat(archive.queries.getFirst()).isEqualTo(ArchiveQuery.olderWith(BOB, "sid-460", null, 30));
        assertThat(bodies(older.messages())).isEqualTo(IntStream.range(430, 480).mapToObj(i -> "m" + i).toList());
        assertThat(older.serverHasMore()).isTrue();
        assertThat(older.problem()).isNull();
        assertThat(store.conversation(BOB.bare()).orElseThrow().unread()).isZero();
        assertThat(store.latest(BOB.bare(), 1000)).hasSize(70);
        assertThat(events).noneMatch(e -> e instanceof ChatEvent.MessageAdded);
    }

    @Test
    void theServerSaysWhenThereIsNothingOlder() {
        List<ArchivedMessage> server = serverHas(30, 0);
        locallyHave(server, 10);

        HistoryPager.OlderMessages older = pager.olderThan(BOB, store.latest(BOB.bare(), 10).getFirst().timestamp(), 50).join();

        assertThat(bodies(older.messages())).hasSize(20).first().isEqualTo("m0");
        assertThat(older.serverHasMore()).isFalse();
    }

    @Test
    void withoutAKnownStanzaIdTheServerIsAskedByTime() {
        serverHas(10, 100);

        HistoryPager.OlderMessages older = pager.olderThan(BOB, NOW, 5).join();

        assertThat(archive.queries.getFirst()).isEqualTo(ArchiveQuery.olderWith(BOB, null, NOW, 5));
        assertThat(bodies(older.messages())).containsExactly("m5", "m6", "m7", "m8", "m9");
    }

    @Test
    void anIdTheServerNoLongerKnowsFallsBackToTime() {
        List<ArchivedMessage> server = serverHas(30, 0);
        locallyHave(server, 10);
        archive.forget("sid-20");

        Instant m25 = store.latest(BOB.bare(), 5).getFirst().timestamp();

        HistoryPager.OlderMessages older = pager.olderThan(BOB, m25, 15).join();

        assertThat(archive.queries).extracting(ArchiveQuery::beforeId).containsExactly("sid-20", null);
        assertThat(bodies(older.messages())).isEqualTo(IntStream.range(10, 25).mapToObj(i -> "m" + i).toList());
    }

    @Test
    void aNetworkFailureStillReturnsTheLocalMessagesAndSaysWhy() {
        List<ArchivedMessage> server = serverHas(30, 0);
        locallyHave(server, 10);
        archive.failAfter(0);

        HistoryPager.OlderMessages older = pager.olderThan(BOB, NOW.plusSeconds(1), 15).join();

        assertThat(bodies(older.messages())).hasSize(10);
        assertThat(older.problem()).isEqualTo("Older messages could not be loaded from the server: Not connected to the server.");
    }

    @Test
    void aResultOfAnotherConversationIsRejected() {
        archive.add(new ArchivedMessage("sid-x", null, NOW.minusSeconds(5),
                new Incoming(CAROL, ME, "carol's", "c1", null, null, null, null)));
        HistoryPager lying = new HistoryPager(q -> archive.query(new ArchiveQuery(null, null, q.beforeId(), null,
                q.until(), q.max(), true)), chat, store, new InMemorySyncStore(), clock, Runnable::run);

        HistoryPager.OlderMessages older = lying.olderThan(BOB, NOW, 5).join();

        assertThat(older.messages()).isEmpty();
        assertThat(store.conversation(CAROL.bare())).isEmpty();
        assertThat(events).singleElement().isInstanceOf(ChatEvent.StanzaRejected.class);
    }
}
