package im.parley.service.chat;

import im.parley.archive.InMemoryMessageStore;
import im.parley.service.chat.InboundChat.Carbon;
import im.parley.service.chat.InboundChat.Incoming;
import im.parley.service.common.Jid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ChatServiceTest {

    private static final Instant NOW = Instant.parse("2025-11-22T12:00:00Z");
    private static final Jid ME = Jid.parse("alice@example.org/laptop");
    private static final Jid ALICE = ME.bare();
    private static final Jid ALICE_PHONE = Jid.parse("alice@example.org/phone");
    private static final Jid BOB = Jid.parse("bob@example.org");
    private static final Jid BOB_PHONE = Jid.parse("bob@example.org/phone");
    private static final Jid CAROL = Jid.parse("carol@example.org/desk");
    private static final Jid MALLORY = Jid.parse("mallory@evil.example");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final FakeChatGateway gateway = new FakeChatGateway(ME);
    private final InMemoryMessageStore store = new InMemoryMessageStore(clock);
    private final ChatService chat = new ChatService(gateway, store, clock);
    private final List<ChatEvent> events = new ArrayList<>();
    private int nextId;

    @BeforeEach
    void listen() {
        chat.addListener(events::add);
    }

    /** A live chat message to us with a fresh message id and nothing else. */
    private Incoming incoming(Jid from, String body) {
        return new Incoming(from, ME, body, "msg-" + ++nextId, null, null, null, null);
    }

    private static Incoming withOriginId(Incoming m, String originId) {
        return new Incoming(m.from(), m.to(), m.body(), m.messageId(), originId, m.stanzaId(), m.stanzaIdBy(),
                m.serverTime());
    }

    private static Incoming withStanzaId(Incoming m, String stanzaId, Jid by) {
        return new Incoming(m.from(), m.to(), m.body(), m.messageId(), m.originId(), stanzaId, by, m.serverTime());
    }

    private static Incoming withServerTime(Incoming m, Instant serverTime) {
        return new Incoming(m.from(), m.to(), m.body(), m.messageId(), m.originId(), m.stanzaId(), m.stanzaIdBy(),
                serverTime);
    }

    private List<ChatMessage> messagesWith(Jid peer) {
        return store.latest(peer, 100);
    }

    private <T extends ChatEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Sends "Hi" to Bob and lets the server accept it; returns the stored message. */
    private ChatMessage sentToBob() {
        CompletableFuture<ChatMessage> result = chat.send(BOB, "Hi");
        gateway.accept(gateway.sendResults.size() - 1);
        return result.join();
    }

    private ChatMessage stored(ChatMessage message) {
        return store.find(message.conversation(), message.id()).orElseThrow();
    }

    @Nested
    @DisplayName("sending")
    class Sending {

        @Test
        @DisplayName("stores the message as pending first, then hands it to the network with its id as origin-id")
        void storedAsPendingBeforeSending() {
            CompletableFuture<ChatMessage> result = chat.send(BOB_PHONE, "  Hello Bob \n");

            assertThat(result).isNotDone();
            ChatMessage pending = messagesWith(BOB).getFirst();
            assertThat(pending.state()).isEqualTo(DeliveryState.PENDING);
            assertThat(pending.body()).isEqualTo("Hello Bob");
            assertThat(pending.direction()).isEqualTo(Direction.OUTGOING);
            assertThat(pending.conversation()).isEqualTo(BOB);
            assertThat(pending.sender()).isEqualTo(ME);
            assertThat(pending.timestamp()).isEqualTo(NOW);
            assertThat(pending.originId()).isEqualTo(pending.id());
            assertThat(gateway.sent).containsExactly(new OutgoingMessage(BOB, "Hello Bob", pending.id()));
            assertThat(events).containsExactly(new ChatEvent.MessageAdded(pending),
                    new ChatEvent.ConversationChanged(store.conversation(BOB).orElseThrow()));
        }

        @Test
        @DisplayName("marks the message sent once the server has it, and completes with it")
        void pendingToSent() {
            CompletableFuture<ChatMessage> result = chat.send(BOB, "Hello");

            gateway.accept(0);

            assertThat(result).isCompleted();
            assertThat(result.join().state()).isEqualTo(DeliveryState.SENT);
            assertThat(stored(result.join()).state()).isEqualTo(DeliveryState.SENT);
            assertThat(eventsOf(ChatEvent.MessageUpdated.class)).singleElement()
                    .satisfies(e -> assertThat(e.message().state()).isEqualTo(DeliveryState.SENT));
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\n\t "})
        @DisplayName("refuses an empty message: the future fails and nothing is stored or sent")
        void emptyRefused(String text) {
            CompletableFuture<ChatMessage> result = chat.send(BOB, text);

            assertThat(catchThrowable(result::join)).hasCauseInstanceOf(IllegalArgumentException.class)
                    .hasRootCauseMessage("The message is empty.");
            assertThat(gateway.sent).isEmpty();
            assertThat(chat.conversations()).isEmpty();
            assertThat(events).isEmpty();
        }

        @Test
        @DisplayName("refuses a message longer than the limit: the future fails and nothing is stored or sent")
        void tooLongRefused() {
            CompletableFuture<ChatMessage> result = chat.send(BOB, "x".repeat(ChatService.MAX_BODY_CHARS + 1));

            assertThat(catchThrowable(result::join)).hasCauseInstanceOf(IllegalArgumentException.class)
                    .hasRootCauseMessage("The message is too long (65537 characters; at most 65536).");
            assertThat(gateway.sent).isEmpty();
            assertThat(chat.conversations()).isEmpty();
            assertThat(events).isEmpty();
        }

        @Test
        @DisplayName("accepts a message of exactly the limit")
        void exactlyAtLimit() {
            chat.send(BOB, "x".repeat(ChatService.MAX_BODY_CHARS));

            assertThat(gateway.sent).singleElement()
                    .satisfies(m -> assertThat(m.body()).hasSize(ChatService.MAX_BODY_CHARS));
        }

        @Test
        @DisplayName("marks the message failed with the network's reason, unwrapped, when sending fails")
        void gatewayFailure() {
            CompletableFuture<ChatMessage> result = chat.send(BOB, "Hello");

            gateway.fail(0, new CompletionException(new IOException("Not connected")));

            ChatMessage failed = result.join();
            assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(failed.failureReason()).isEqualTo("Not connected");
            assertThat(stored(failed)).isEqualTo(failed);
            assertThat(eventsOf(ChatEvent.MessageUpdated.class)).containsExactly(new ChatEvent.MessageUpdated(failed));
        }

        @Test
        @DisplayName("marks the message failed, not pending forever, when the gateway throws instead of failing")
        void gatewayThrows() {
            gateway.throwOnSend = new IllegalStateException("Not logged in");

            CompletableFuture<ChatMessage> result = chat.send(BOB, "Hello");

            assertThat(result).isCompleted();
            assertThat(result.join().state()).isEqualTo(DeliveryState.FAILED);
            assertThat(result.join().failureReason()).isEqualTo("Not logged in");
            assertThat(stored(result.join()).state()).isEqualTo(DeliveryState.FAILED);
        }

        @Test
        @DisplayName("a chat state goes to the peer's bare address")
        void chatStateToBareAddress() {
            chat.sendChatState(BOB_PHONE, ChatState.COMPOSING);

            assertThat(gateway.statesSent()).containsExactly(new FakeChatGateway.StateSent(BOB, ChatState.COMPOSING));
        }
    }

    @Nested
    @DisplayName("delivery updates")
    class DeliveryUpdates {

        @Test
        @DisplayName("a receipt from the peer marks the message delivered")
        void receiptDelivers() {
            ChatMessage sent = sentToBob();

            gateway.receive(new InboundChat.Receipt(BOB_PHONE, sent.id()));

            assertThat(stored(sent).state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(events).last().isEqualTo(new ChatEvent.MessageUpdated(stored(sent)));
        }

        @Test
        @DisplayName("a receipt from another contact for the same id does not mark it delivered")
        void receiptFromSomeoneElseIgnored() {
            ChatMessage sent = sentToBob();
            int before = events.size();

            gateway.receive(new InboundChat.Receipt(CAROL, sent.id()));

            assertThat(stored(sent).state()).isEqualTo(DeliveryState.SENT);
            assertThat(events).hasSize(before);
        }

        @Test
        @DisplayName("a late 'sent' after the receipt does not downgrade 'delivered'")
        void lateSentDoesNotDowngrade() {
            CompletableFuture<ChatMessage> result = chat.send(BOB, "Hello");
            String id = gateway.sent.getFirst().id();
            gateway.receive(new InboundChat.Receipt(BOB_PHONE, id));

            gateway.accept(0);

            assertThat(result.join().state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(store.find(BOB, id).orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(eventsOf(ChatEvent.MessageUpdated.class)).hasSize(1);
        }

        @Test
        @DisplayName("an error stanza from the peer marks the message failed with its reason")
        void errorFails() {
            ChatMessage sent = sentToBob();

            gateway.receive(new InboundChat.Error(BOB, sent.id(), "The recipient is unavailable."));

            assertThat(stored(sent).state()).isEqualTo(DeliveryState.FAILED);
            assertThat(stored(sent).failureReason()).isEqualTo("The recipient is unavailable.");
        }

        @Test
        @DisplayName("an error stanza from another address for the same id changes nothing")
        void errorFromSomeoneElseIgnored() {
            ChatMessage sent = sentToBob();

            gateway.receive(new InboundChat.Error(MALLORY, sent.id(), "fake failure"));

            assertThat(stored(sent).state()).isEqualTo(DeliveryState.SENT);
        }

        @Test
        @DisplayName("an error after the receipt does not hide 'delivered'")
        void errorAfterDeliveredIgnored() {
            ChatMessage sent = sentToBob();
            gateway.receive(new InboundChat.Receipt(BOB_PHONE, sent.id()));

            gateway.receive(new InboundChat.Error(BOB, sent.id(), "late error"));

            assertThat(stored(sent).state()).isEqualTo(DeliveryState.DELIVERED);
        }

        @Test
        @DisplayName("a receipt naming an incoming message does not change it")
        void receiptForIncomingIgnored() {
            Incoming m = incoming(BOB_PHONE, "Hi Alice");
            gateway.receive(m);

            gateway.receive(new InboundChat.Receipt(BOB_PHONE, m.messageId()));

            assertThat(store.find(BOB, m.messageId()).orElseThrow().state()).isEqualTo(DeliveryState.RECEIVED);
        }
    }

    @Nested
    @DisplayName("receiving")
    class Receiving {

        @Test
        @DisplayName("stores an incoming message in the sender's conversation and counts it unread")
        void incomingStoredAndCounted() {
            gateway.receive(incoming(BOB_PHONE, "Hi Alice"));
            gateway.receive(incoming(BOB_PHONE, "Are you there?"));

            assertThat(messagesWith(BOB)).extracting(ChatMessage::body).containsExactly("Hi Alice", "Are you there?");
            assertThat(messagesWith(BOB)).allSatisfy(m -> {
                assertThat(m.direction()).isEqualTo(Direction.INCOMING);
                assertThat(m.state()).isEqualTo(DeliveryState.RECEIVED);
                assertThat(m.sender()).isEqualTo(BOB_PHONE);
                assertThat(m.timestamp()).isEqualTo(NOW);
            });
            assertThat(chat.conversations()).singleElement()
                    .satisfies(c -> assertThat(c.unread()).isEqualTo(2))
                    .satisfies(c -> assertThat(c.peer()).isEqualTo(BOB))
                    .satisfies(c -> assertThat(c.preview()).isEqualTo("Are you there?"));
            assertThat(eventsOf(ChatEvent.MessageAdded.class)).hasSize(2);
            assertThat(eventsOf(ChatEvent.ConversationChanged.class)).extracting(e -> e.conversation().unread())
                    .containsExactly(1, 2);
        }

        @Test
        @DisplayName("opening the conversation returns its messages and clears the unread count")
        void openClearsUnread() {
            gateway.receive(incoming(BOB_PHONE, "Hi Alice"));

            List<ChatMessage> shown = chat.open(BOB, 50);

            assertThat(shown).extracting(ChatMessage::body).containsExactly("Hi Alice");
            assertThat(store.conversation(BOB).orElseThrow().unread()).isZero();
            assertThat(events).last().isEqualTo(new ChatEvent.ConversationChanged(store.conversation(BOB).orElseThrow()));
        }

        @Test
        @DisplayName("drops a message whose origin-id is already stored")
        void duplicateOriginIdDropped() {
            gateway.receive(withOriginId(incoming(BOB_PHONE, "Hi"), "origin-1"));
            gateway.receive(withOriginId(incoming(BOB_PHONE, "Hi (again)"), "origin-1"));

            assertThat(messagesWith(BOB)).extracting(ChatMessage::body).containsExactly("Hi");
            assertThat(eventsOf(ChatEvent.MessageAdded.class)).hasSize(1);
        }

        @Test
        @DisplayName("drops a duplicate stanza-id when our own server assigned it")
        void duplicateTrustedStanzaIdDropped() {
            gateway.receive(withStanzaId(incoming(BOB_PHONE, "Hi"), "server-1", ALICE));
            gateway.receive(withStanzaId(incoming(BOB_PHONE, "Hi (again)"), "server-1", ALICE));

            assertThat(messagesWith(BOB)).singleElement()
                    .satisfies(m -> assertThat(m.stanzaId()).isEqualTo("server-1"));
        }

        @Test
        @DisplayName("ignores a stanza-id assigned by anyone but our own account, so it cannot suppress messages")
        void untrustedStanzaIdIgnored() {
            gateway.receive(withStanzaId(incoming(BOB_PHONE, "Hi"), "server-1", BOB));
            gateway.receive(withStanzaId(incoming(BOB_PHONE, "Second"), "server-1", BOB));
            gateway.receive(withStanzaId(incoming(BOB_PHONE, "Third"), "server-1", ME));

            assertThat(messagesWith(BOB)).extracting(ChatMessage::body).containsExactly("Hi", "Second", "Third");
            assertThat(messagesWith(BOB)).extracting(ChatMessage::stanzaId).containsOnlyNulls();
        }

        @Test
        @DisplayName("drops a second message with the same message id when there is no origin-id")
        void duplicateMessageIdDropped() {
            Incoming first = incoming(BOB_PHONE, "Hi");
            gateway.receive(first);
            gateway.receive(first);

            assertThat(messagesWith(BOB)).hasSize(1);
        }

        @Test
        @DisplayName("rejects a message that claims to come from our own account without being a carbon")
        void ownAddressAsSenderRejected() {
            Jid forged = Jid.parse("alice@example.org/evil");

            gateway.receive(incoming(forged, "I am you"));

            assertThat(chat.conversations()).isEmpty();
            assertThat(events).singleElement().isInstanceOfSatisfying(ChatEvent.StanzaRejected.class,
                    e -> assertThat(e.claimedSender()).isEqualTo(forged));
        }

        @Test
        @DisplayName("rejects a message without sender")
        void noSenderRejected() {
            gateway.receive(incoming(null, "from nowhere"));

            assertThat(chat.conversations()).isEmpty();
            assertThat(events).singleElement().isInstanceOf(ChatEvent.StanzaRejected.class);
        }

        @Test
        @DisplayName("replaces an oversize body by a notice: the message is stored, not silently lost")
        void oversizeBodyReplacedByNotice() {
            int length = ChatService.MAX_BODY_CHARS + 1;

            gateway.receive(incoming(BOB_PHONE, "y".repeat(length)));

            assertThat(messagesWith(BOB)).singleElement().satisfies(m -> {
                assertThat(m.body()).contains(String.valueOf(length)).contains("not displayed");
                assertThat(m.body().length()).isLessThan(200);
            });
            assertThat(eventsOf(ChatEvent.MessageAdded.class)).hasSize(1);
        }

        @Test
        @DisplayName("clamps a server time in the future to now")
        void futureServerTimeClamped() {
            gateway.receive(withServerTime(incoming(BOB_PHONE, "from the future"), NOW.plus(Duration.ofHours(3))));

            assertThat(messagesWith(BOB)).singleElement().satisfies(m -> assertThat(m.timestamp()).isEqualTo(NOW));
        }

        @Test
        @DisplayName("orders a delayed message by its server time, before messages that arrived earlier")
        void delayedMessageOrderedByServerTime() {
            Instant anHourAgo = NOW.minus(Duration.ofHours(1));
            gateway.receive(incoming(BOB_PHONE, "live"));
            gateway.receive(withServerTime(incoming(BOB_PHONE, "offline"), anHourAgo));

            assertThat(messagesWith(BOB)).extracting(ChatMessage::body).containsExactly("offline", "live");
            assertThat(store.find(BOB, "msg-2").orElseThrow().timestamp()).isEqualTo(anHourAgo);
            assertThat(chat.olderThan(BOB, NOW, 10)).extracting(ChatMessage::body).containsExactly("offline");
        }

        @Test
        @DisplayName("stores nothing for a message without body (such as a bare chat state)")
        void noBodyNothingStored() {
            gateway.receive(incoming(BOB_PHONE, null));

            assertThat(chat.conversations()).isEmpty();
            assertThat(events).isEmpty();
        }

        @Test
        @DisplayName("publishes the peer's chat state for their bare address")
        void peerChatState() {
            gateway.receive(new InboundChat.State(BOB_PHONE, ChatState.COMPOSING));

            assertThat(events).containsExactly(new ChatEvent.PeerChatStateChanged(BOB, ChatState.COMPOSING));
        }

        @Test
        @DisplayName("a failing listener neither stops the pipeline nor the other listeners")
        void failingListenerIsolated() {
            List<ChatEvent> second = new ArrayList<>();
            chat.addListener(e -> {
                throw new IllegalStateException("listener bug");
            });
            chat.addListener(second::add);

            gateway.receive(incoming(BOB_PHONE, "Hi"));

            assertThat(messagesWith(BOB)).hasSize(1);
            assertThat(second).hasSize(2);
        }
    }

    @Nested
    @DisplayName("carbon copies")
    class Carbons {

        @Test
        @DisplayName("a sent carbon from our other device is stored as outgoing in the conversation of its recipient")
        void sentCarbonStoredAsOutgoing() {
            Incoming fromPhone = new Incoming(ALICE_PHONE, BOB_PHONE, "Sent from my phone", "phone-1", "phone-1",
                    null, null, null);

            gateway.receive(new Carbon(ALICE, true, fromPhone));

            assertThat(messagesWith(BOB)).singleElement().satisfies(m -> {
                assertThat(m.direction()).isEqualTo(Direction.OUTGOING);
                assertThat(m.state()).isEqualTo(DeliveryState.SENT);
                assertThat(m.sender()).isEqualTo(ALICE_PHONE);
                assertThat(m.body()).isEqualTo("Sent from my phone");
            });
            assertThat(messagesWith(ALICE)).isEmpty();
            assertThat(store.conversation(BOB).orElseThrow().unread()).isZero();
        }

        @Test
        @DisplayName("a received carbon is stored as incoming in the sender's conversation")
        void receivedCarbonStoredAsIncoming() {
            Incoming toPhone = new Incoming(BOB_PHONE, ALICE_PHONE, "Reply to both devices", "bob-1", null, null,
                    null, null);

            gateway.receive(new Carbon(ALICE, false, toPhone));

            assertThat(messagesWith(BOB)).singleElement().satisfies(m -> {
                assertThat(m.direction()).isEqualTo(Direction.INCOMING);
                assertThat(m.sender()).isEqualTo(BOB_PHONE);
            });
            assertThat(store.conversation(BOB).orElseThrow().unread()).isEqualTo(1);
        }

        @Test
        @DisplayName("rejects a forged carbon (wrapper not from our own bare address) and stores nothing")
        void forgedCarbonRejected() {
            Incoming forged = new Incoming(ALICE_PHONE, BOB, "I never wrote this", "f-1", null, null, null, null);

            gateway.receive(new Carbon(MALLORY, true, forged));
            gateway.receive(new Carbon(ME, true, forged));
            gateway.receive(new Carbon(Jid.parse("example.org"), false, forged));
            gateway.receive(new Carbon(null, false, forged));

            assertThat(chat.conversations()).isEmpty();
            assertThat(events).hasSize(4).allSatisfy(e -> assertThat(e).isInstanceOf(ChatEvent.StanzaRejected.class));
            assertThat(events.getFirst()).isEqualTo(new ChatEvent.StanzaRejected(MALLORY,
                    "A forged carbon copy (not sent by your own server account) was ignored."));
        }

        @Test
        @DisplayName("rejects a sent carbon whose message was not sent by our account")
        void sentCarbonFromSomeoneElseRejected() {
            Incoming notOurs = new Incoming(BOB_PHONE, CAROL, "Bob to Carol", "b-1", null, null, null, null);

            gateway.receive(new Carbon(ALICE, true, notOurs));

            assertThat(chat.conversations()).isEmpty();
            assertThat(events).singleElement().isInstanceOf(ChatEvent.StanzaRejected.class);
        }
    }
}
