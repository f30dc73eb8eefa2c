package im.parley.ui.shell;

import im.parley.archive.SqlMessageSearch;
import im.parley.archive.SqlMessageStore;
import im.parley.archive.db.ArchiveKey;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.account.AccountService;
import im.parley.service.account.FakeConnectionGateway;
import im.parley.service.account.InMemoryPinStore;
import im.parley.service.chat.ChatService;
import im.parley.service.chat.FakeChatGateway;
import im.parley.service.chat.InboundChat;
import im.parley.service.chat.ManualScheduler;
import im.parley.service.chat.TypingNotifier;
import im.parley.service.common.Jid;
import im.parley.service.roster.Contact;
import im.parley.service.roster.FakeRosterGateway;
import im.parley.service.roster.RosterEvent;
import im.parley.service.roster.RosterService;
import im.parley.service.roster.Subscription;
import im.parley.service.search.SearchService;
import im.parley.ui.chat.ChatLine;
import im.parley.ui.chat.ChatViewModel;
import im.parley.ui.chat.TimeLabels;
import im.parley.ui.common.UiExecutor;
import im.parley.ui.search.SearchResultItem;
import im.parley.ui.search.SearchScope;
import im.parley.ui.search.SearchViewModel;
import im.parley.ui.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell with search over a real encrypted archive: a result opens its chat at its message. */
class ShellSearchTest {

    private static final Jid ME = Jid.parse("me@example.org/parley");
    private static final Jid BOB = Jid.parse("bob@example.org");
    private static final Jid CAROL = Jid.parse("carol@example.org");
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeChatGateway chatGateway = new FakeChatGateway(ME);
    private final FakeRosterGateway rosterGateway = new FakeRosterGateway();
    private final RosterService roster = new RosterService(rosterGateway);
    private final ManualScheduler timers = new ManualScheduler();
    private EncryptedDatabase database;
    private SqlMessageSearch archiveSearch;
    private ShellViewModel shell;
    private ChatService chat;

    private void start() throws Exception {
        byte[] key = new byte[ArchiveKey.BYTES];
        new SecureRandom().nextBytes(key);
        database = EncryptedDatabase.open(dir.resolve("archive.db"), new ArchiveKey(key));
        archiveSearch = new SqlMessageSearch(database, ME.bare());
        chat = new ChatService(chatGateway, new SqlMessageStore(database, ME.bare(), clock), clock);
        AccountService account = new AccountService(new FakeConnectionGateway(), new InMemoryPinStore());
        shell = new ShellViewModel(account, roster, chat, new TypingNotifier(chat, timers, Duration.ofSeconds(5)),
                UiExecutor.direct(), Runnable::run, new TimeLabels(clock, ZoneOffset.UTC), () -> { },
                new SearchService(archiveSearch, Runnable::run), timers);
        shell.start();
        rosterGateway.emit(new RosterEvent.RosterLoaded(List.of(
                new Contact(BOB, "Bob", Set.of(), Subscription.BOTH, false))));
    }

    @AfterEach
    void close() throws Exception {
        if (database != null) {
            archiveSearch.close();
            database.close();
        }
    }

    private void history(Jid from, int count, String special, int at) {
        for (int i = 0; i < count; i++) {
            chatGateway.receive(new InboundChat.Incoming(from.withResource("r"), ME.bare(),
                    i == at ? special : "message " + i, from.local() + "-" + i, null, null, null,
                    NOW.minus(Duration.ofMinutes(count - i))));
        }
    }

    private SearchViewModel search() {
        return shell.search().orElseThrow();
    }

    private void typeAndWait(String text) {
        search().queryProperty().set(text);
        timers.advance(SearchViewModel.DEBOUNCE);
    }

    @Test
    @DisplayName("typing finds the message; selecting the result opens that chat at it, with the line to scroll to")
    void resultOpensChatAtMessage() throws Exception {
        start();
        history(BOB, 300, "the pizza place on Main Street", 40);
        history(CAROL, 5, "no match here", -1);

        typeAndWait("pizza main");

        assertThat(search().results()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Bob");
            assertThat(item.messageId()).isEqualTo("bob-40");
        });
        SearchResultItem result = search().results().getFirst();
        search().select(result);

        ChatViewModel open = shell.currentChatProperty().get();
        assertThat(open.peer()).isEqualTo(BOB);
        assertThat(open.focusedMessageProperty().get()).isEqualTo("bob-40");
        int line = open.lineIndexOf("bob-40");
        assertThat(((ChatLine.MessageLine) open.lines().get(line)).body()).isEqualTo("the pizza place on Main Street");
        assertThat(open.newerAvailableProperty().get()).isTrue();
        assertThat(search().activeProperty().get()).as("results stay until Esc").isTrue();
    }

    @Test
    @DisplayName("the 'current conversation' scope follows the chat in front")
    void scopeFollowsOpenChat() throws Exception {
        start();
        history(BOB, 3, "lunch with Bob", 1);
        history(CAROL, 3, "lunch with Carol", 1);
        shell.openChat(CAROL);

        search().scopeProperty().set(SearchScope.CURRENT_CONVERSATION);
        typeAndWait("lunch");
        assertThat(search().results()).extracting(SearchResultItem::messageId).containsExactly("carol-1");

        shell.openChat(BOB);
        assertThat(search().results()).extracting(SearchResultItem::messageId).containsExactly("bob-1");
    }

    @Test
    @DisplayName("opening a result of the chat already open reopens it at that message")
    void resultInOpenChat() throws Exception {
        start();
        history(BOB, 200, "needle", 10);
        shell.openChat(BOB);
        ChatViewModel before = shell.currentChatProperty().get();
        assertThat(before.lineIndexOf("bob-10")).isNegative();

        shell.openChatAt(BOB, "bob-10");

        assertThat(shell.currentChatProperty().get()).isNotSameAs(before);
        assertThat(shell.currentChatProperty().get().lineIndexOf("bob-10")).isPositive();
    }

    @Test
    @DisplayName("a shell built without a search service has no search")
    void withoutSearch() {
        ChatService plain = new ChatService(chatGateway, new im.parley.archive.InMemoryMessageStore(clock), clock);
        ShellViewModel withoutSearch = new ShellViewModel(
                new AccountService(new FakeConnectionGateway(), new InMemoryPinStore()), roster, plain,
                new TypingNotifier(plain, timers, Duration.ofSeconds(5)), UiExecutor.direct(), Runnable::run,
                new TimeLabels(clock, ZoneOffset.UTC), () -> { });

        assertThat(withoutSearch.search()).isEmpty();
    }
}
