package im.parley.xmpp;

import im.parley.service.chat.ChatGateway;
import im.parley.service.chat.ChatState;
import im.parley.service.chat.InboundChat;
import im.parley.service.chat.OutgoingMessage;
import im.parley.service.common.Jid;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension;
import org.jivesoftware.smackx.chatstates.ChatStateManager;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.hints.element.NoStoreHint;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jivesoftware.smackx.receipts.DeliveryReceipt;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.jxmpp.jid.impl.JidCreate;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** One-to-one messages through Smack: ids, receipts, chat states and carbons on the wire. */
public final class SmackChatGateway implements ChatGateway {

    private final XmppSession session;
    private volatile Consumer<InboundChat> listener = e -> { };

    public SmackChatGateway(XmppSession session) {
        this.session = session;
        session.onNewConnection(this::bind);
    }

    private void bind(XMPPTCPConnection connection) {
        DeliveryReceiptManager receipts = DeliveryReceiptManager.getInstanceFor(connection);
        receipts.setAutoReceiptMode(DeliveryReceiptManager.AutoReceiptMode.ifIsSubscribed);
        receipts.autoAddDeliveryReceiptRequests();
        ChatStateManager.getInstance(connection);
        connection.addSyncStanzaListener(stanza -> {
            Message message = (Message) stanza;
            if (!isOwnArchiveResult(message, connection.getUser())) {
                session.dispatchInbound(() -> handle(message));
            }
        }, StanzaTypeFilter.MESSAGE);
    }

    /**
     * A result of the user's own archive, from the own account: the query that asked for it takes it, and there is
     * nothing to check or store here, so a catch-up of 100,000 results costs no 100,000 hand-overs. Results from
     * anyone else still go through, to be rejected as forged.
     */
    static boolean isOwnArchiveResult(Message message, org.jxmpp.jid.EntityFullJid user) {
        if (MamElements.MamResultExtension.from(message) == null) {
            return false;
        }
        org.jxmpp.jid.Jid from = message.getFrom();
        return from == null || (user != null && from.equals(user.asBareJid()));
    }

    private void handle(Message message) {
        InboundChat event = InboundMessages.map(message);
        if (event != null) {
            listener.accept(event);
        }
    }

    @Override
    public CompletableFuture<Void> send(OutgoingMessage outgoing) {
        return session.run(() -> {
            XMPPTCPConnection c = session.connection();
            Message message = StanzaBuilder.buildMessage(outgoing.id())
                    .to(JidCreate.entityBareFrom(outgoing.to().asBareString()))
                    .ofType(Message.Type.chat)
                    .setBody(outgoing.body())
                    .addExtension(new OriginIdElement(outgoing.id()))
                    .addExtension(new ChatStateExtension(org.jivesoftware.smackx.chatstates.ChatState.active))
                    .build();
            c.sendStanza(message);
        });
    }

    @Override
    public CompletableFuture<Void> sendChatState(Jid to, ChatState state) {
        return session.run(() -> {
            XMPPTCPConnection c = session.connection();
            c.sendStanza(c.getStanzaFactory().buildMessageStanza()
                    .to(JidCreate.entityBareFrom(to.asBareString()))
                    .ofType(Message.Type.chat)
                    .addExtension(new ChatStateExtension(InboundMessages.toSmack(state)))
                    .addExtension(NoStoreHint.INSTANCE)
                    .build());
        });
    }

    @Override
    public void setListener(Consumer<InboundChat> listener) {
        this.listener = listener;
    }

    @Override
    public Jid ownJid() {
        return session.ownJid();
    }

    /** Maps one received message stanza to what the chat pipeline understands, or null. */
    static final class InboundMessages {

        private InboundMessages() {
        }

        static InboundChat map(Message message) {
            Jid from = Jids.fromSmack(message.getFrom());
            if (message.getType() == Message.Type.groupchat) {
                return null;
            }
            if (message.getType() == Message.Type.error) {
                StanzaError error = message.getError();
                String reason = error == null ? "the server returned an error"
                        : error.getDescriptiveText() != null ? error.getCondition() + ": " + error.getDescriptiveText()
                        : String.valueOf(error.getCondition()).replace('_', ' ');
                return new InboundChat.Error(from, message.getStanzaId(), reason);
            }
            if (MamElements.MamResultExtension.from(message) != null) {
                return new InboundChat.ArchiveResult(from);
            }
            CarbonExtension carbon = CarbonExtension.from(message);
            if (carbon != null) {
                Message forwarded = carbon.getForwarded().getForwardedStanza();
                DelayInformation delay = carbon.getForwarded().getDelayInformation();
                InboundChat.Incoming inner = incoming(forwarded, delay != null ? delay : DelayInformation.from(forwarded));
                if (inner.body() == null) {
                    return null;
                }
                return new InboundChat.Carbon(from, carbon.getDirection() == CarbonExtension.Direction.sent, inner);
            }
            DeliveryReceipt receipt = DeliveryReceipt.from(message);
            if (receipt != null) {
                return new InboundChat.Receipt(from, receipt.getId());
            }
            if (message.getBody() != null) {
                return incoming(message, DelayInformation.from(message));
            }
            if (message.getExtension(ChatStateExtension.NAMESPACE) instanceof ChatStateExtension state) {
                return new InboundChat.State(from, fromSmack(state.getChatState()));
            }
            return null;
        }

        static InboundChat.Incoming incoming(Message m, DelayInformation delay) {
            OriginIdElement origin = OriginIdElement.getOriginId(m);
            StanzaIdElement stanzaId = StanzaIdElement.getStanzaId(m);
            Instant serverTime = delay == null || delay.getStamp() == null ? null : delay.getStamp().toInstant();
            return new InboundChat.Incoming(Jids.fromSmack(m.getFrom()), Jids.fromSmack(m.getTo()), m.getBody(),
                    m.getStanzaId(), origin == null ? null : origin.getId(),
                    stanzaId == null ? null : stanzaId.getId(),
                    stanzaId == null ? null : parseOrNull(stanzaId.getBy()), serverTime);
        }

        private static Jid parseOrNull(String jid) {
            try {
                return jid == null ? null : Jid.parse(jid);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        static ChatState fromSmack(org.jivesoftware.smackx.chatstates.ChatState state) {
            return switch (state) {
                case active -> ChatState.ACTIVE;
                case composing -> ChatState.COMPOSING;
                case paused -> ChatState.PAUSED;
                case inactive -> ChatState.INACTIVE;
                case gone -> ChatState.GONE;
            };
        }

        static org.jivesoftware.smackx.chatstates.ChatState toSmack(ChatState state) {
            return switch (state) {
                case ACTIVE -> org.jivesoftware.smackx.chatstates.ChatState.active;
                case COMPOSING -> org.jivesoftware.smackx.chatstates.ChatState.composing;
                case PAUSED -> org.jivesoftware.smackx.chatstates.ChatState.paused;
                case INACTIVE -> org.jivesoftware.smackx.chatstates.ChatState.inactive;
                case GONE -> org.jivesoftware.smackx.chatstates.ChatState.gone;
            };
        }
    }
}
