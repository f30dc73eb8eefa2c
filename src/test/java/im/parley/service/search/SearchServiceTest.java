package im.parley.service.search;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchServiceTest {

    private final List<SearchQuery> asked = new ArrayList<>();
    private final List<Runnable> queued = new ArrayList<>();

    @Test
    @DisplayName("the search runs on the service's executor, not the caller's thread")
    void runsOnExecutor() {
        SearchService service = new SearchService(q -> {
            asked.add(q);
            return List.of();
        }, queued::add);

        CompletableFuture<List<SearchHit>> result = service.search(SearchQuery.everywhere("hello", 5));

        assertThat(result).isNotDone();
        assertThat(asked).isEmpty();
        queued.forEach(Runnable::run);
        assertThat(result).isCompletedWithValue(List.of());
        assertThat(asked).hasSize(1);
    }

    @Test
    @DisplayName("text with nothing to search for completes empty at once without asking the store")
    void nothingToSearch() {
        SearchService service = new SearchService(q -> {
            asked.add(q);
            return List.of();
        }, queued::add);

        assertThat(service.search(SearchQuery.everywhere(" !?* \"\" ", 5))).isCompletedWithValue(List.of());
        assertThat(queued).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    @DisplayName("a failing store fails the future with its error")
    void failure() {
        SearchService service = new SearchService(q -> {
            throw new IllegalStateException("archive closed");
        }, Runnable::run);

        assertThatThrownBy(() -> service.search(SearchQuery.everywhere("x", 5)).join())
                .isInstanceOf(CompletionException.class).hasRootCauseMessage("archive closed");
    }

    @Test
    @DisplayName("a query needs a sensible limit")
    void limits() {
        assertThatThrownBy(() -> SearchQuery.everywhere("x", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchQuery.everywhere("x", SearchQuery.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
