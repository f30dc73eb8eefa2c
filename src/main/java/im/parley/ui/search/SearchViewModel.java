package im.parley.ui.search;

import im.parley.service.chat.Direction;
import im.parley.service.common.Failures;
import im.parley.service.common.Jid;
import im.parley.service.search.SearchHit;
import im.parley.service.search.SearchQuery;
import im.parley.service.search.SearchService;
import im.parley.ui.chat.TimeLabels;
import im.parley.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Message search as the user types: the text waits {@code debounce} after the last keystroke, then runs on the
 * search service (never the FX thread); only the newest query's results are shown, an older one finishing late is
 * dropped. The scope is every conversation or the open one. Selecting a result asks {@link SearchNavigation} to
 * open the chat at that message.
 */
public final class SearchViewModel {

    public static final Duration DEBOUNCE = Duration.ofMillis(200);
    static final int LIMIT = 100;

    private final SearchService search;
    private final UiExecutor ui;
    private final ScheduledExecutorService timers;
    private final Duration debounce;
    private final TimeLabels labels;
    private final Function<Jid, String> names;
    private final SearchNavigation navigation;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<SearchScope> scope = new SimpleObjectProperty<>(SearchScope.ALL_CONVERSATIONS);
    private final ObjectProperty<Jid> currentConversation = new SimpleObjectProperty<>();
    private final ObservableList<SearchResultItem> results = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SearchStatus> status = new ReadOnlyObjectWrapper<>(new SearchStatus.Idle());
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    /** Counts query changes; a result is shown only if no change happened since its search started. */
    private long generation;
    private ScheduledFuture<?> pending;

    /**
     * @param timers    runs the debounce delay (its thread only hands over to {@code ui})
     * @param names     the name to show for a conversation
     */
    public SearchViewModel(SearchService search, UiExecutor ui, ScheduledExecutorService timers, Duration debounce,
                           TimeLabels labels, Function<Jid, String> names, SearchNavigation navigation) {
        this.search = search;
        this.ui = ui;
        this.timers = timers;
        this.debounce = debounce;
        this.labels = labels;
        this.names = names;
        this.navigation = navigation;
        query.addListener((obs, old, now) -> restart(true));
        scope.addListener((obs, old, now) -> restart(false));
        currentConversation.addListener((obs, old, now) -> {
            if (scope.get() == SearchScope.CURRENT_CONVERSATION) {
                restart(false);
            }
        });
    }

    /** Runs the search now (Enter), without waiting for the debounce. */
    public void searchNow() {
        restart(false);
    }

    /** Opens the conversation at the result's message. */
    public void select(SearchResultItem item) {
        if (item != null) {
            navigation.openAt(item.conversation(), item.messageId());
        }
    }

    /** Clears the text and the results; whatever is still running is dropped. */
    public void close() {
        query.set("");
        scope.set(SearchScope.ALL_CONVERSATIONS);
    }

    private void restart(boolean debounced) {
        generation++;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        String text = query.get() == null ? "" : query.get();
        active.set(!text.isBlank());
        if (text.isBlank()) {
            results.clear();
            status.set(new SearchStatus.Idle());
            return;
        }
        long started = generation;
        if (debounced) {
            status.set(new SearchStatus.Searching());
            pending = timers.schedule(() -> ui.execute(() -> run(started)), debounce.toNanos(), TimeUnit.NANOSECONDS);
        } else {
            run(started);
        }
    }

    private void run(long started) {
        if (started != generation) {
            return;
        }
        pending = null;
        Optional<Jid> where = Optional.empty();
        if (scope.get() == SearchScope.CURRENT_CONVERSATION) {
            if (currentConversation.get() == null) {
                results.clear();
                status.set(new SearchStatus.NoConversation());
                return;
            }
            where = Optional.of(currentConversation.get());
        }
        status.set(new SearchStatus.Searching());
        String scopeText = where.map(c -> "in this conversation").orElse("in any conversation");
        search.search(new SearchQuery(query.get(), where, LIMIT))
                .whenComplete((hits, failure) -> ui.execute(() -> {
                    if (started != generation) {
                        return; // the query changed meanwhile: a newer search owns the list
                    }
                    if (failure != null) {
                        results.clear();
                        status.set(new SearchStatus.Failed(Failures.messageOf(failure)));
                        return;
                    }
                    results.setAll(hits.stream().map(this::item).toList());
                    status.set(hits.isEmpty() ? new SearchStatus.NoResults(scopeText)
                            : new SearchStatus.Found(hits.size(), hits.size() == LIMIT));
                }));
    }

    private SearchResultItem item(SearchHit hit) {
        String title = names.apply(hit.conversation());
        List<SnippetPart> snippet = hit.snippet().stream()
                .map(s -> new SnippetPart(s.text(), s.highlighted())).toList();
        return new SearchResultItem(hit.conversation(), hit.messageId(), title, labels.recent(hit.timestamp()),
                hit.direction() == Direction.OUTGOING ? "You" : title, snippet);
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<SearchScope> scopeProperty() {
        return scope;
    }

    /** The conversation open in the window (set by the shell), searched in with {@link SearchScope#CURRENT_CONVERSATION}. */
    public ObjectProperty<Jid> currentConversationProperty() {
        return currentConversation;
    }

    public ObservableList<SearchResultItem> results() {
        return results;
    }

    public ReadOnlyObjectProperty<SearchStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while there is search text: the results replace the conversation list. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }
}
