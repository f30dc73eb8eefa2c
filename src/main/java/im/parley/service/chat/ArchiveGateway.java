package im.parley.service.chat;

import java.util.concurrent.CompletableFuture;

/**
 * Port: the server's message archive (XEP-0313), one RSM page per call. A page fails with
 * {@link ArchiveCursorUnknownException} when the server no longer knows the id it was asked to page from.
 */
public interface ArchiveGateway {

    /** The largest page the server hands out; larger requests are cut to it. */
    int MAX_PAGE = 250;

    CompletableFuture<ArchivePage> query(ArchiveQuery query);
}
