package im.parley.service.chat;

/** XEP-0085 chat states. */
public enum ChatState {
    ACTIVE, COMPOSING, PAUSED, INACTIVE, GONE
}
