package im.parley.ui.search;

/** Where a search stands, as the result list's header or placeholder says it. */
public sealed interface SearchStatus {

    String text();

    /** Nothing typed: the search is closed. */
    record Idle() implements SearchStatus {
        @Override
        public String text() {
            return "";
        }
    }

    record Searching() implements SearchStatus {
        @Override
        public String text() {
            return "Searching…";
        }
    }

    record Found(int count, boolean more) implements SearchStatus {
        @Override
        public String text() {
            return count == 1 ? "1 message" : (more ? "The best " + count + " messages" : count + " messages");
        }
    }

    record NoResults(String scope) implements SearchStatus {
        @Override
        public String text() {
            return "No messages found " + scope + ".";
        }
    }

    /** The current conversation was asked for, but none is open. */
    record NoConversation() implements SearchStatus {
        @Override
        public String text() {
            return "Open a conversation to search in it.";
        }
    }

    record Failed(String reason) implements SearchStatus {
        @Override
        public String text() {
            return "The search failed: " + reason;
        }
    }
}
