package im.parley.service.search;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Runs searches on its own executor, so no caller ever waits on the archive's disk. */
public final class SearchService {

    private final MessageSearch search;
    private final Executor executor;

    public SearchService(MessageSearch search, Executor executor) {
        this.search = search;
        this.executor = executor;
    }

    /** Completes with the hits, or an empty list at once when the text has nothing to search for. */
    public CompletableFuture<List<SearchHit>> search(SearchQuery query) {
        if (query.terms().isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return CompletableFuture.supplyAsync(() -> search.search(query), executor);
    }
}
