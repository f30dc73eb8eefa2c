package im.parley.service.search;

import java.util.List;

/** Port: full-text search over one account's stored messages. Blocking; call it off the UI thread. */
public interface MessageSearch {

    /**
     * The best matches first (then the newest), at most {@code query.limit()}. Any text gives hits or an empty
     * list; a failure of the store itself is thrown as a runtime exception that names no message or search text.
     */
    List<SearchHit> search(SearchQuery query);
}
