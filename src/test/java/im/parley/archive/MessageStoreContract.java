package im.parley.archive;

import im.parley.service.chat.ChatMessage;
import im.parley.service.chat.Conversation;
import im.parley.service.chat.DeliveryState;
import im.parley.service.chat.Direction;
import im.parley.service.chat.MessageStore;
import im.parley.service.chat.Transport;
import im.parley.service.common.Jid;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link MessageStore} must do; each implementation's test extends this. */
abstract class MessageStoreContract {

    private static final Instant NOW = Instant.parse("2025-11-22T12:00:00Z");
    private static final Jid ME = Jid.parse("alice@example.org/laptop");
    private static final Jid BOB = Jid.parse("bob@example.org");
    private static final Jid CAROL = Jid.parse("carol@example.org");
    private static final Jid DAVE = Jid.parse("dave@example.org");

    protected final MessageStore store = newStore(Clock.fixed(NOW, ZoneOffset.UTC));

    protected abstract MessageStore newStore(Clock clock);

    private static Instant minutesAgo(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    private static ChatMessage incoming(Jid peer, String id, Instant at) {
        return new ChatMessage(id, peer, Direction.INCOMING, peer, "body of " + id, at, DeliveryState.RECEIVED, null,
                null, null);
    }

    private static ChatMessage outgoing(Jid peer, String id, Instant at) {
        return new ChatMessage(id, peer, Direction.OUTGOING, ME, "body of " + id, at, DeliveryState.PENDING, null, id,
                null);
    }

    private static List<String> ids(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::id).toList();
    }

    @Test
    @DisplayName("keeps how each message travelled, whether its sender was authenticated, and what it corrects")
    void keepsTransportAuthenticationAndCorrection() {
        ChatMessage plain = incoming(BOB, "p1", minutesAgo(3));
        ChatMessage omemo = new ChatMessage("e1", BOB, Direction.INCOMING, BOB, "sealed", minutesAgo(2),
                DeliveryState.RECEIVED, null, "o-e1", "s-e1", Transport.OMEMO, true, null);
        ChatMessage correction = new ChatMessage("e2", BOB, Direction.INCOMING, BOB, "sealed, fixed", minutesAgo(1),
                DeliveryState.RECEIVED, null, "o-e2", "s-e2", Transport.OPENPGP, false, "e1");
        store.append(plain);
        store.appendHistory(omemo);
        store.append(correction);

        assertThat(store.latest(BOB, 10)).containsExactly(plain, omemo, correction);
        assertThat(store.find(BOB, "e2").orElseThrow().corrects()).isEqualTo("e1");
        assertThat(store.latest(BOB, 10)).extracting(ChatMessage::transport)
                .containsExactly(Transport.PLAINTEXT, Transport.OMEMO, Transport.OPENPGP);
    }

    @Test
    @DisplayName("keeps a conversation in timestamp order, whatever order the messages arrive in")
    void orderedByTimestamp() {
        store.append(incoming(BOB, "m3", minutesAgo(10)));
        store.append(incoming(BOB, "m1", minutesAgo(30)));
        store.append(incoming(BOB, "m4", minutesAgo(5)));
        store.append(incoming(BOB, "m2", minutesAgo(20)));

        assertThat(ids(store.latest(BOB, 10))).containsExactly("m1", "m2", "m3", "m4");
    }

    @Test
    @DisplayName("keeps messages with the same timestamp in arrival order")
    void equalTimestampsKeepArrivalOrder() {
        store.append(incoming(BOB, "a", NOW));
        store.append(incoming(BOB, "b", NOW));
        store.append(incoming(BOB, "c", minutesAgo(1)));
        store.append(incoming(BOB, "d", NOW));

        assertThat(ids(store.latest(BOB, 10))).containsExactly("c", "a", "b", "d");
    }

    @Test
    @DisplayName("latest returns the newest messages, oldest first")
    void latestPage() {
        for (int i = 1; i <= 5; i++) {
            store.append(incoming(BOB, "m" + i, minutesAgo(60 - i)));
        }

        assertThat(ids(store.latest(BOB, 2))).containsExactly("m4", "m5");
        assertThat(ids(store.latest(BOB, 0))).isEmpty();
        assertThat(store.latest(CAROL, 10)).isEmpty();
    }

    @Test
    @DisplayName("before pages backwards through strictly older messages, oldest first")
    void beforePages() {
        for (int i = 1; i <= 5; i++) {
            store.append(incoming(BOB, "m" + i, minutesAgo(60 - i)));
        }
        List<ChatMessage> newest = store.latest(BOB, 2);

        List<ChatMessage> older = store.before(BOB, newest.getFirst().timestamp(), 2);
        List<ChatMessage> oldest = store.before(BOB, older.getFirst().timestamp(), 2);

        assertThat(ids(older)).containsExactly("m2", "m3");
        assertThat(ids(oldest)).containsExactly("m1");
        assertThat(store.before(BOB, minutesAgo(60), 10)).isEmpty();
        assertThat(store.before(CAROL, NOW, 10)).isEmpty();
    }

    @Test
    @DisplayName("lists conversations by last activity, most recent first")
    void conversationsByLastActivity() {
        store.append(incoming(BOB, "b1", minutesAgo(30)));
        store.append(incoming(CAROL, "c1", minutesAgo(10)));
        store.append(incoming(DAVE, "d1", minutesAgo(20)));
        store.append(incoming(BOB, "b2", minutesAgo(5)));

        assertThat(store.conversations()).extracting(Conversation::peer).containsExactly(BOB, CAROL, DAVE);
    }

    @Test
    @DisplayName("a conversation that starts with a delayed message is as recent as that message, not as its arrival")
    void delayedFirstMessageSetsLastActivity() {
        store.append(incoming(CAROL, "c1", minutesAgo(10)));
        store.append(incoming(BOB, "offline", Instant.parse("2025-11-21T08:00:00Z")));

        assertThat(store.conversation(BOB).orElseThrow().lastActivity()).isEqualTo(Instant.parse("2025-11-21T08:00:00Z"));
        assertThat(store.conversations()).extracting(Conversation::peer).containsExactly(CAROL, BOB);
    }

    @Test
    @DisplayName("an older message arriving late does not move the conversation's last activity back")
    void lastActivityNeverMovesBack() {
        store.append(incoming(BOB, "new", minutesAgo(1)));
        store.append(incoming(BOB, "old", minutesAgo(60)));

        Conversation bob = store.conversation(BOB).orElseThrow();
        assertThat(bob.lastActivity()).isEqualTo(minutesAgo(1));
        assertThat(bob.preview()).isEqualTo("body of new");
    }

    @Test
    @DisplayName("counts incoming messages as unread until read; sending a reply counts as reading")
    void unread() {
        store.append(incoming(BOB, "b1", minutesAgo(3)));
        store.append(incoming(BOB, "b2", minutesAgo(2)));
        assertThat(store.conversation(BOB).orElseThrow().unread()).isEqualTo(2);

        store.markRead(BOB);
        assertThat(store.conversation(BOB).orElseThrow().unread()).isZero();

        store.append(incoming(BOB, "b3", minutesAgo(1)));
        assertThat(store.conversation(BOB).orElseThrow().unread()).isEqualTo(1);

        store.append(outgoing(BOB, "a1", NOW));
        assertThat(store.conversation(BOB).orElseThrow().unread()).isZero();
    }

    @Test
    @DisplayName("older history appended from the server leaves the unread count alone, whichever direction")
    void historyIsNotUnread() {
        store.append(incoming(BOB, "b1", minutesAgo(1)));
        store.appendHistory(incoming(BOB, "old-in", minutesAgo(90)));
        store.appendHistory(outgoing(BOB, "old-out", minutesAgo(80)));

        assertThat(store.conversation(BOB).orElseThrow().unread()).isEqualTo(1);
        assertThat(ids(store.latest(BOB, 10))).containsExactly("old-in", "old-out", "b1");
        assertThat(store.conversation(BOB).orElseThrow().lastActivity()).isEqualTo(minutesAgo(1));
    }

    @Test
    @DisplayName("marking an unknown conversation read creates it empty, active now, so it can be listed")
    void markReadCreatesConversation() {
        store.markRead(Jid.parse("bob@example.org/phone"));

        assertThat(store.conversation(BOB)).contains(new Conversation(BOB, NOW, 0, "", null));
        assertThat(store.conversations()).extracting(Conversation::peer).containsExactly(BOB);
    }

    @Test
    @DisplayName("the preview is the newest message on one line, capped at 80 characters")
    void preview() {
        store.append(new ChatMessage("m1", BOB, Direction.INCOMING, BOB, "first\n\nline   two", NOW,
                DeliveryState.RECEIVED, null, null, null));
        assertThat(store.conversation(BOB).orElseThrow().preview()).isEqualTo("first line two");

        store.append(new ChatMessage("m2", BOB, Direction.OUTGOING, ME, "x".repeat(200), NOW, DeliveryState.SENT,
                null, null, null));
        Conversation bob = store.conversation(BOB).orElseThrow();
        assertThat(bob.preview()).hasSize(80).endsWith("…");
        assertThat(bob.lastDirection()).isEqualTo(Direction.OUTGOING);
    }

    @Test
    @DisplayName("contains() finds a stored origin-id or stanza-id, only within the same conversation")
    void containsByOriginAndStanzaId() {
        store.append(new ChatMessage("m1", BOB, Direction.INCOMING, BOB, "hi", NOW, DeliveryState.RECEIVED, null,
                "origin-1", "stanza-1"));

        assertThat(store.contains(BOB, "origin-1", null)).isTrue();
        assertThat(store.contains(BOB, null, "stanza-1")).isTrue();
        assertThat(store.contains(Jid.parse("bob@example.org/phone"), "origin-1", null)).isTrue();
        assertThat(store.contains(BOB, "origin-2", "stanza-2")).isFalse();
        assertThat(store.contains(BOB, null, null)).isFalse();
        assertThat(store.contains(BOB, "stanza-1", "origin-1")).isFalse();
        assertThat(store.contains(CAROL, "origin-1", "stanza-1")).isFalse();
    }

    @Test
    @DisplayName("find() looks a message up by id within its conversation")
    void find() {
        ChatMessage message = incoming(BOB, "m1", NOW);
        store.append(message);

        assertThat(store.find(BOB, "m1")).contains(message);
        assertThat(store.find(CAROL, "m1")).isEmpty();
        assertThat(store.find(BOB, "m2")).isEmpty();
    }

    @Test
    @DisplayName("update() replaces the stored message in place, keeping its position")
    void update() {
        store.append(outgoing(BOB, "a1", minutesAgo(2)));
        store.append(outgoing(BOB, "a2", minutesAgo(1)));

        store.update(store.find(BOB, "a1").orElseThrow().withState(DeliveryState.SENT, null));

        assertThat(store.latest(BOB, 10)).extracting(ChatMessage::id, ChatMessage::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a1", DeliveryState.SENT),
                        org.assertj.core.groups.Tuple.tuple("a2", DeliveryState.PENDING));
        assertThat(store.find(BOB, "a1").orElseThrow().state()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    @DisplayName("update() of a message that was never stored is an error")
    void updateUnknown() {
        assertThatThrownBy(() -> store.update(outgoing(BOB, "ghost", NOW))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("returned lists are snapshots: later appends do not change them")
    void snapshots() {
        store.append(incoming(BOB, "m1", minutesAgo(2)));
        List<ChatMessage> page = store.latest(BOB, 10);

        store.append(incoming(BOB, "m2", minutesAgo(1)));

        assertThat(ids(page)).containsExactly("m1");
    }

    @Test
    @DisplayName("around() gives the message with its older and newer neighbours, oldest first")
    void around() {
        for (int i = 1; i <= 9; i++) {
            store.append(incoming(BOB, "m" + i, minutesAgo(60 - i)));
        }
        store.append(incoming(CAROL, "c1", minutesAgo(30)));

        assertThat(ids(store.around(BOB, "m5", 2, 3))).containsExactly("m3", "m4", "m5", "m6", "m7", "m8");
        assertThat(ids(store.around(Jid.parse("bob@example.org/phone"), "m5", 0, 0))).containsExactly("m5");
        assertThat(ids(store.around(BOB, "m2", 5, 1))).containsExactly("m1", "m2", "m3");
        assertThat(ids(store.around(BOB, "m8", 1, 5))).containsExactly("m7", "m8", "m9");
        assertThat(ids(store.around(BOB, "m9", 0, 100))).as("paging newer from the newest: only itself")
                .containsExactly("m9");
    }

    @Test
    @DisplayName("around() keeps messages with the same timestamp in arrival order on both sides")
    void aroundEqualTimestamps() {
        store.append(incoming(BOB, "a", NOW));
        store.append(incoming(BOB, "b", NOW));
        store.append(incoming(BOB, "c", NOW));
        store.append(incoming(BOB, "early", minutesAgo(1)));
        store.append(incoming(BOB, "d", NOW));

        assertThat(ids(store.around(BOB, "b", 2, 1))).containsExactly("early", "a", "b", "c");
        assertThat(ids(store.around(BOB, "c", 10, 10))).containsExactly("early", "a", "b", "c", "d");
        assertThat(ids(store.around(BOB, "a", 0, 10))).containsExactly("a", "b", "c", "d");
    }

    @Test
    @DisplayName("around() of an unknown message or conversation is empty; negative counts are an error")
    void aroundUnknown() {
        store.append(incoming(BOB, "m1", minutesAgo(1)));

        assertThat(store.around(BOB, "ghost", 5, 5)).isEmpty();
        assertThat(store.around(CAROL, "m1", 5, 5)).isEmpty();
        assertThatThrownBy(() -> store.around(BOB, "m1", -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.around(BOB, "m1", 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
