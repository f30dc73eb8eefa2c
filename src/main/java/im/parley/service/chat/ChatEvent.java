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
}
