package im.parley.ui.search;

import im.parley.service.common.Jid;

import java.util.List;

/**
 * One row of the result list: the conversation's name, when, who wrote it, and the snippet. {@code conversation}
 * and {@code messageId} say where to open it. The snippet (message text) stays out of {@code toString()}.
 */
public record SearchResultItem(Jid conversation, String messageId, String title, String time, String author,
                               List<SnippetPart> snippet) {

    public SearchResultItem {
        snippet = List.copyOf(snippet);
    }

    @Override
    public String toString() {
        return "SearchResultItem[" + conversation + ", id=" + messageId + ", " + time + "]";
    }
}
