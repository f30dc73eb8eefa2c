package im.parley.service.chat;

import im.parley.service.common.Jid;

/** What happened in conversations, published after the message store has it. */
public sealed interface ChatEvent {

    record MessageAdded(ChatMessage message) implements ChatEvent {
    }

    record MessageUpdated(ChatMessage message) implements ChatEvent {
    }

    record PeerChatStateChanged(Jid peer, ChatState state) implements ChatEvent {
    }

    record ConversationChanged(Conversation conversation) implements ChatEvent {
    }

    /** An inbound stanza was dropped as invalid or forged; {@code reason} is for the user. */
    record StanzaRejected(Jid claimedSender, String reason) implements ChatEvent {
    }

    /**
     * History sync stored {@code newMessages} messages of this conversation that were not here before (one summary
     * per conversation instead of one event per message); {@code unread} of them are incoming messages the user has
     * not seen (none in history fetched as already read, none before a reply the user sent from another device). The
     * conversation's unread count already includes them.
     */
    record HistoryCaughtUp(Jid conversation, int newMessages, int unread) implements ChatEvent {
    }

    /** The server's archive could not continue from where Parley stopped: older messages may be missing. */
    record HistoryGapFound(String reason) implements ChatEvent {
    }
}
