package im.parley.ui.search;

import im.parley.service.chat.Direction;
import im.parley.service.chat.ManualScheduler;
import im.parley.service.common.Jid;
import im.parley.service.search.SearchHit;
import im.parley.service.search.SearchQuery;
import im.parley.service.search.SearchService;
import im.parley.service.search.SnippetSegment;
import im.parley.ui.chat.TimeLabels;
import im.parley.ui.testing.MutableClock;
import im.parley.ui.testing.QueuedUiExecutor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SearchViewModelTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Jid BOB = Jid.parse("bob@example.org");
    private static final Jid CAROL = Jid.parse("carol@example.org");

    private final ManualScheduler timers = new ManualScheduler();
    private final QueuedUiExecutor ui = new QueuedUiExecutor();
    /** The archive's thread: searches wait here until the test runs them, in any order. */
    private final List<Runnable> archive = new ArrayList<>();
    private final List<SearchQuery> asked = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();
    private RuntimeException failure;

    private final SearchService service = new SearchService(query -> {
        asked.add(query);
        if (failure != null) {
            throw failure;
        }
        return hitsFor(query);
    }, archive::add);
    private final SearchViewModel model = new SearchViewModel(service, ui, timers, SearchViewModel.DEBOUNCE,
            new TimeLabels(new MutableClock(NOW), ZoneOffset.UTC),
            jid -> jid.equals(BOB) ? "Bob" : jid.asBareString(),
            (conversation, id) -> opened.add(conversation + "#" + id));

    /** One hit per query, in Bob's conversation unless asked for another, carrying the query text as its id. */
    private static List<SearchHit> hitsFor(SearchQuery query) {
        if (query.text().contains("nothing")) {
            return List.of();
        }
        Jid where = query.conversation().orElse(BOB);
        return List.of(new SearchHit(where, "id-" + query.text(), Direction.OUTGOING, null,
                NOW.minus(Duration.ofMinutes(5)), List.of(new SnippetSegment("at the ", false),
                new SnippetSegment(query.text(), true))));
    }

    private void type(String text) {
        model.queryProperty().set(text);
        ui.runAll();
    }

    private void runArchive(int index) {
        archive.remove(index).run();
        ui.runAll();
    }

    private void settle() {
        timers.advance(SearchViewModel.DEBOUNCE);
        ui.runAll();
        while (!archive.isEmpty()) {
            runArchive(0);
        }
    }

    private List<String> shownIds() {
        return model.results().stream().map(SearchResultItem::messageId).toList();
    }

    @Test
    @DisplayName("typing waits 200 ms after the last keystroke, then searches once for the whole text")
    void debounce() {
        type("c");
        timers.advance(Duration.ofMillis(150));
        type("ca");
        timers.advance(Duration.ofMillis(150));
        type("caf");
        timers.advance(Duration.ofMillis(199));
        ui.runAll();

        assertThat(archive).isEmpty();
        assertThat(model.statusProperty().get()).isInstanceOf(SearchStatus.Searching.class);
        assertThat(model.activeProperty().get()).isTrue();

        timers.advance(Duration.ofMillis(1));
        ui.runAll();
        assertThat(archive).as("handed to the search executor, not run on the UI thread").hasSize(1);
        assertThat(asked).isEmpty();
        runArchive(0);

        assertThat(asked).extracting(SearchQuery::text).containsExactly("caf");
        assertThat(asked.getFirst().conversation()).isEmpty();
        assertThat(shownIds()).containsExactly("id-caf");
        assertThat(model.statusProperty().get()).isEqualTo(new SearchStatus.Found(1, false));
    }

    @Test
    @DisplayName("a result row has the conversation's name, time, author and the highlighted snippet")
    void resultRow() {
        type("mill");
        settle();

        SearchResultItem item = model.results().getFirst();
        assertThat(item.title()).isEqualTo("Bob");
        assertThat(item.time()).isEqualTo("11:55");
        assertThat(item.author()).isEqualTo("You");
        assertThat(item.snippet()).containsExactly(new SnippetPart("at the ", false), new SnippetPart("mill", true));
        assertThat(item.toString()).doesNotContain("at the");
    }

    @Test
    @DisplayName("results of an older query that finish after a newer one are dropped")
    void staleResultsDropped() {
        type("old");
        timers.advance(SearchViewModel.DEBOUNCE);
        ui.runAll();
        type("new");
        timers.advance(SearchViewModel.DEBOUNCE);
        ui.runAll();
        assertThat(archive).hasSize(2);

        runArchive(1);
        assertThat(shownIds()).containsExactly("id-new");
        runArchive(0);

        assertThat(asked).extracting(SearchQuery::text).containsExactly("new", "old");
        assertThat(shownIds()).containsExactly("id-new");
    }

    @Test
    @DisplayName("an older query finishing while the newer one still waits for its debounce is not shown either")
    void staleWhileDebouncing() {
        type("old");
        timers.advance(SearchViewModel.DEBOUNCE);
        ui.runAll();
        type("newer");

        runArchive(0);

        assertThat(model.results()).isEmpty();
        assertThat(model.statusProperty().get()).isInstanceOf(SearchStatus.Searching.class);
        settle();
        assertThat(shownIds()).containsExactly("id-newer");
    }

    @Test
    @DisplayName("switching the scope searches again at once: in the open conversation, or everywhere")
    void scopeSwitch() {
        model.currentConversationProperty().set(CAROL);
        type("lunch");
        settle();
        assertThat(asked.getLast().conversation()).isEmpty();

        model.scopeProperty().set(SearchScope.CURRENT_CONVERSATION);
        ui.runAll();
        assertThat(archive).as("no debounce for a scope switch").hasSize(1);
        runArchive(0);
        assertThat(asked.getLast().conversation()).contains(CAROL);
        assertThat(model.results()).extracting(SearchResultItem::conversation).containsExactly(CAROL);

        model.currentConversationProperty().set(BOB);
        runArchive(0);
        assertThat(asked.getLast().conversation()).contains(BOB);

        model.scopeProperty().set(SearchScope.ALL_CONVERSATIONS);
        runArchive(0);
        assertThat(asked.getLast().conversation()).isEqualTo(Optional.empty());
        assertThat(asked).hasSize(4);
    }

    @Test
    @DisplayName("searching the current conversation with none open says so and asks nothing")
    void noCurrentConversation() {
        model.scopeProperty().set(SearchScope.CURRENT_CONVERSATION);
        type("lunch");
        settle();

        assertThat(asked).isEmpty();
        assertThat(model.statusProperty().get()).isInstanceOf(SearchStatus.NoConversation.class);
        assertThat(model.statusProperty().get().text()).contains("Open a conversation");
    }

    @Test
    @DisplayName("no hits give a clear 'no messages found' state")
    void noResults() {
        type("nothing like this");
        settle();

        assertThat(model.results()).isEmpty();
        assertThat(model.statusProperty().get().text()).isEqualTo("No messages found in any conversation.");
    }

    @Test
    @DisplayName("a failing archive shows the reason and no stale rows; the next search works again")
    void failure() {
        type("first");
        settle();
        failure = new IllegalStateException("The archive could not be read");
        type("second");
        settle();

        assertThat(model.results()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo(new SearchStatus.Failed("The archive could not be read"));

        failure = null;
        type("third");
        settle();
        assertThat(shownIds()).containsExactly("id-third");
    }

    @Test
    @DisplayName("clearing the text closes the search; a search still running is dropped")
    void clearCloses() {
        type("something");
        timers.advance(SearchViewModel.DEBOUNCE);
        ui.runAll();

        model.close();
        runArchive(0);

        assertThat(model.activeProperty().get()).isFalse();
        assertThat(model.results()).isEmpty();
        assertThat(model.statusProperty().get()).isInstanceOf(SearchStatus.Idle.class);
        assertThat(model.queryProperty().get()).isEmpty();
    }

    @Test
    @DisplayName("text with nothing searchable shows no results without asking the archive")
    void punctuationOnly() {
        type("\"*()");
        settle();

        assertThat(asked).isEmpty();
        assertThat(model.statusProperty().get()).isInstanceOf(SearchStatus.NoResults.class);
    }

    @Test
    @DisplayName("Enter searches at once; selecting a result opens its conversation at its message")
    void searchNowAndSelect() {
        model.queryProperty().set("pizza");
        model.searchNow();
        ui.runAll();
        runArchive(0);

        model.select(model.results().getFirst());

        assertThat(opened).containsExactly("bob@example.org#id-pizza");
        timers.advance(SearchViewModel.DEBOUNCE);
        ui.runAll();
        assertThat(archive).as("the debounced search was replaced by the immediate one").isEmpty();
    }
}
