package im.parley.ui.search;

/** Where to search: every conversation of the account, or the one open now. */
public enum SearchScope {
    ALL_CONVERSATIONS, CURRENT_CONVERSATION
}
