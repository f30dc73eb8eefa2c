package im.parley.service.chat;

import java.util.List;

/**
 * One RSM page of archive results in archive order (oldest first), with the RSM first/last ids (null on an
 * empty page). {@code complete} is the server's word that no result lies beyond this page in the direction
 * of the query.
 */
public record ArchivePage(List<ArchivedMessage> messages, String firstId, String lastId, boolean complete) {

    public ArchivePage {
        messages = List.copyOf(messages);
    }
}
