package im.parley.ui.shell;

import im.parley.archive.InMemoryMessageStore;
import im.parley.service.account.AccountService;
import im.parley.service.account.ConnectionState;
import im.parley.service.account.ConnectionStateChanged;
import im.parley.service.account.FakeConnectionGateway;
import im.parley.service.account.InMemoryPinStore;
import im.parley.service.account.LoginRequest;
import im.parley.service.chat.ArchivedMessage;
import im.parley.service.chat.ChatService;
import im.parley.service.chat.FakeArchiveGateway;
import im.parley.service.chat.HistorySync;
import im.parley.service.chat.InMemorySyncStore;
import im.parley.service.chat.ChatState;
import im.parley.service.chat.FakeChatGateway;
import im.parley.service.chat.InboundChat;
import im.parley.service.chat.ManualScheduler;
import im.parley.service.chat.TypingNotifier;
import im.parley.service.common.Availability;
import im.parley.service.common.Jid;
import im.parley.service.common.Presence;
import im.parley.service.roster.Contact;
import im.parley.service.roster.FakeRosterGateway;
import im.parley.service.roster.RosterEvent;
import im.parley.service.roster.RosterService;
import im.parley.service.roster.Subscription;
import im.parley.ui.chat.ChatLine;
import im.parley.ui.chat.ChatViewModel;
import im.parley.ui.chat.TimeLabels;
import im.parley.ui.common.PresenceTone;
import im.parley.ui.common.UiExecutor;
import im.parley.ui.roster.RosterRow;
import im.parley.ui.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class ShellViewModelTest {

    private static final Jid ME = Jid.parse("me@example.org/parley-1a2b");
    private static final Jid BOB = Jid.parse("bob@example.org");
    private static final Jid CAROL = Jid.parse("carol@example.org");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final FakeConnectionGateway connection = new FakeConnectionGateway();
    private final AccountService account = new AccountService(connection, new InMemoryPinStore());
    private final FakeRosterGateway rosterGateway = new FakeRosterGateway();
    private final RosterService roster = new RosterService(rosterGateway);
    private final FakeChatGateway chatGateway = new FakeChatGateway(ME);
    private final InMemoryMessageStore store = new InMemoryMessageStore(clock);
    private final ChatService chat = new ChatService(chatGateway, store, clock);
    private final TypingNotifier typing = new TypingNotifier(chat, new ManualScheduler(), Duration.ofSeconds(5));
    private final List<String> events = new ArrayList<>();
    private ShellViewModel model;

    @BeforeEach
    void logInAndStart() {
        CompletableFuture<Jid> login = account.login(new LoginRequest(ME.bare(), "secret".toCharArray()));
        connection.lastConnect().result().complete(ME);
        assertThat(login).isCompletedWithValue(ME);
        model = new ShellViewModel(account, roster, chat, typing, UiExecutor.direct(), Runnable::run,
                new TimeLabels(clock, ZoneOffset.UTC),
                () -> events.add("loggedOut after " + connection.disconnects + " disconnect(s)"));
        model.start();
        rosterGateway.emit(new RosterEvent.RosterLoaded(List.of(
                new Contact(BOB, "Bob", Set.of(), Subscription.BOTH, false),
                new Contact(CAROL, "Carol", Set.of(), Subscription.BOTH, false))));
    }

    private void incoming(Jid from, String id, String body) {
        chatGateway.receive(new InboundChat.Incoming(from.withResource("r"), ME, body, id, null, null, null, null));
    }

    private static List<String> bodies(ChatViewModel chat) {
        return chat.lines().stream().filter(l -> l instanceof ChatLine.MessageLine)
                .map(l -> ((ChatLine.MessageLine) l).body()).toList();
    }

    @Test
    @DisplayName("the account label is the logged-in bare address")
    void accountLabel() {
        assertThat(model.accountLabelProperty().get()).isEqualTo("me@example.org");
    }

    @Test
    @DisplayName("openChat creates an active chat for the peer, showing its messages and following new ones")
    void openChatActivates() {
        incoming(BOB, "b1", "before");

        model.openChat(BOB.withResource("phone"));

        ChatViewModel current = model.currentChatProperty().get();
        assertThat(current).isNotNull();
        assertThat(current.peer()).isEqualTo(BOB);
        assertThat(current.titleProperty().get()).isEqualTo("Bob");
        assertThat(bodies(current)).containsExactly("before");

        incoming(BOB, "b2", "after");
        assertThat(bodies(current)).containsExactly("before", "after");
        assertThat(model.conversations().items()).singleElement()
                .satisfies(item -> assertThat(item.unread()).isZero());
    }

    @Test
    @DisplayName("opening the chat in front again keeps the same chat")
    void openSameChatAgain() {
        model.openChat(BOB);
        ChatViewModel first = model.currentChatProperty().get();

        model.openChat(BOB);

        assertThat(model.currentChatProperty().get()).isSameAs(first);
    }

    @Test
    @DisplayName("switching to another chat deactivates the previous one")
    void switchingDeactivatesPrevious() {
        model.openChat(BOB);
        ChatViewModel bob = model.currentChatProperty().get();
        bob.composerProperty().set("typing to Bob");

        model.openChat(CAROL);

        ChatViewModel carol = model.currentChatProperty().get();
        assertThat(carol.peer()).isEqualTo(CAROL);
        assertThat(carol).isNotSameAs(bob);
        assertThat(chatGateway.statesSent()).containsExactly(
                new FakeChatGateway.StateSent(BOB, ChatState.COMPOSING),
                new FakeChatGateway.StateSent(BOB, ChatState.INACTIVE));

        incoming(BOB, "b1", "for the chat in the back");
        incoming(CAROL, "c1", "for the chat in front");

        assertThat(bodies(bob)).isEmpty();
        assertThat(bodies(carol)).containsExactly("for the chat in front");
        assertThat(model.roster().rows().stream()
                .filter(r -> r instanceof RosterRow.ContactRow c && c.contact().jid().equals(BOB))
                .map(r -> ((RosterRow.ContactRow) r).contact().unread())).containsExactly(1);
    }

    @Test
    @DisplayName("opening a contact from the roster opens its chat in the shell")
    void rosterOpensChat() {
        var carol = model.roster().rows().stream()
                .filter(r -> r instanceof RosterRow.ContactRow c && c.contact().jid().equals(CAROL))
                .map(r -> ((RosterRow.ContactRow) r).contact()).findFirst().orElseThrow();

        model.roster().open(carol);

        assertThat(model.currentChatProperty().get().peer()).isEqualTo(CAROL);
    }

    @Test
    @DisplayName("opening a conversation from the list opens its chat in the shell")
    void conversationListOpensChat() {
        incoming(CAROL, "c1", "hello");

        model.conversations().open(model.conversations().items().getFirst());

        assertThat(model.currentChatProperty().get().peer()).isEqualTo(CAROL);
    }

    @Test
    @DisplayName("choosing a presence sends it, with the status line, to the server")
    void presenceSent() {
        model.statusProperty().set("at lunch");

        model.presenceProperty().set(PresenceTone.AWAY);

        assertThat(connection.presences).containsExactly(new Presence(Availability.AWAY, "at lunch"));
        assertThat(account.ownPresence()).isEqualTo(new Presence(Availability.AWAY, "at lunch"));

        model.presenceProperty().set(PresenceTone.BUSY);
        model.presenceProperty().set(PresenceTone.AVAILABLE);

        assertThat(connection.presences).extracting(Presence::availability)
                .containsExactly(Availability.AWAY, Availability.DND, Availability.ONLINE);
    }

    @Test
    @DisplayName("logout disconnects from the server first, then leaves the window")
    void logout() {
        model.openChat(BOB);
        ChatViewModel bob = model.currentChatProperty().get();

        CompletableFuture<Void> done = model.logout();

        assertThat(done).isCompleted();
        assertThat(connection.disconnects).isEqualTo(1);
        assertThat(events).containsExactly("loggedOut after 1 disconnect(s)");
        assertThat(account.boundJid()).isEmpty();
        incoming(BOB, "b1", "too late");
        assertThat(bodies(bob)).isEmpty();
    }

    @Test
    @DisplayName("a gap in the server's history is told in the notice")
    void historyGapNotice() {
        FakeArchiveGateway server = new FakeArchiveGateway(ME);
        HistorySync history = new HistorySync(server, chat, store, new InMemorySyncStore(), clock, Runnable::run);
        server.add(new ArchivedMessage("sid-1", null, clock.instant().minusSeconds(600),
                new InboundChat.Incoming(BOB.withResource("r"), ME, "hello", "m1", null, null, null, null)));
        history.catchUp().join();
        server.forget("sid-1"); // the server's archive expired what Parley last saw
        server.add(new ArchivedMessage("sid-2", null, clock.instant().minusSeconds(60),
                new InboundChat.Incoming(BOB.withResource("r"), ME, "later", "m2", null, null, null, null)));

        history.catchUp().join();

        assertThat(model.noticeProperty().get()).contains("could not continue from where Parley stopped");
    }

    @Test
    @DisplayName("a rejected stanza shows as a notice until dismissed")
    void stanzaRejectedNotice() {
        assertThat(model.noticeProperty().get()).isEmpty();

        // a plain message claiming to come from our own account (not a carbon): the chat service rejects it
        chatGateway.receive(new InboundChat.Incoming(ME.withResource("elsewhere"), ME, "forged", "x1", null, null,
                null, null));

        assertThat(model.noticeProperty().get())
                .isEqualTo("A message claimed to come from your own account without being a carbon copy.");

        model.dismissNotice();
        assertThat(model.noticeProperty().get()).isEmpty();
    }

    @Test
    @DisplayName("connection states show in the connection line and the online flag")
    void connectionStates() {
        assertThat(model.onlineProperty().get()).isTrue();
        assertThat(model.connectionProperty().get()).isEmpty();

        connection.stateListener.accept(new ConnectionStateChanged(ConnectionState.RECONNECTING, "read timeout"));
        assertThat(model.connectionProperty().get()).isEqualTo("Connection lost; reconnecting (read timeout)");
        assertThat(model.onlineProperty().get()).isFalse();

        connection.stateListener.accept(new ConnectionStateChanged(ConnectionState.RECONNECTING, ""));
        assertThat(model.connectionProperty().get()).isEqualTo("Connection lost; reconnecting…");

        connection.stateListener.accept(new ConnectionStateChanged(ConnectionState.CONNECTED, ""));
        assertThat(model.connectionProperty().get()).isEmpty();
        assertThat(model.onlineProperty().get()).isTrue();

        connection.stateListener.accept(new ConnectionStateChanged(ConnectionState.DISCONNECTED, "conflict"));
        assertThat(model.connectionProperty().get()).isEqualTo("Disconnected: conflict");
        assertThat(model.onlineProperty().get()).isFalse();
    }

    @Test
    @DisplayName("start loads the roster into the roster view model")
    void startLoadsRoster() {
        assertThat(model.roster().loadedProperty().get()).isTrue();
        assertThat(model.roster().summaryProperty().get()).isEqualTo("0 of 2 online");
    }

    private final java.util.Map<String, String> settings = new java.util.HashMap<>();
    private final List<String> erased = new ArrayList<>();

    private im.parley.service.archive.PrivacyService privacy() {
        return new im.parley.service.archive.PrivacyService(new im.parley.service.archive.AccountDataEraser() {
            @Override
            public void forgetHistory(Jid account) {
                erased.add("history " + account);
            }

            @Override
            public void forgetAccount(Jid account) {
                erased.add("account " + account);
            }
        }, new im.parley.service.archive.SettingsStore() {
            @Override
            public java.util.Optional<String> get(String scope, String name) {
                return java.util.Optional.ofNullable(settings.get(scope + "/" + name));
            }

            @Override
            public void put(String scope, String name, String value) {
                settings.put(scope + "/" + name, value);
            }

            @Override
            public void remove(String scope, String name) {
                settings.remove(scope + "/" + name);
            }
        }, Runnable::run);
    }

    @Test
    void theStoredClearOnLogoutChoiceIsShownAndAChangeIsSaved() {
        settings.put("me@example.org/clear-on-logout", "true");
        model.offerPrivacy(privacy());
        assertThat(model.privacyOfferedProperty().get()).isTrue();
        assertThat(model.clearOnLogoutProperty().get()).isTrue();
        assertThat(settings).containsEntry("me@example.org/clear-on-logout", "true");
        model.clearOnLogoutProperty().set(false);
        assertThat(settings).containsEntry("me@example.org/clear-on-logout", "false");
    }

    @Test
    void forgettingHistoryErasesItClosesTheChatAndEmptiesTheConversationList() {
        model.offerPrivacy(privacy());
        incoming(BOB, "m1", "hello");
        model.openChat(BOB);
        assertThat(model.conversations().items()).isNotEmpty();
        model.forgetHistory().join();
        assertThat(erased).containsExactly("history me@example.org");
        assertThat(model.currentChatProperty().get()).isNull();
        assertThat(model.conversations().items()).isEmpty();
        assertThat(model.noticeProperty().get()).contains("removed from this computer");
    }
}
