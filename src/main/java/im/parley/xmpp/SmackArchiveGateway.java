package im.parley.xmpp;

import im.parley.service.chat.ArchiveCursorUnknownException;
import im.parley.service.chat.ArchiveGateway;
import im.parley.service.chat.ArchivePage;
import im.parley.service.chat.ArchiveQuery;
import im.parley.service.chat.ArchivedMessage;
import im.parley.service.chat.InboundChat;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jivesoftware.smackx.rsm.packet.RSMSet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The user's own message archive through Smack's {@link MamManager}: one RSM page per query, results mapped with
 * the {@code from} of the message that carried each (Smack matches results to the query by query id only).
 */
public final class SmackArchiveGateway implements ArchiveGateway {

    private final XmppSession session;
    private volatile XMPPTCPConnection checked;

    public SmackArchiveGateway(XmppSession session) {
        this.session = session;
    }

    @Override
    public CompletableFuture<ArchivePage> query(ArchiveQuery query) {
        return session.call(() -> {
            XMPPTCPConnection connection = session.connection();
            MamManager mam = MamManager.getInstanceFor(connection);
            if (checked != connection) {
                // Smack 4.5.0-rc1 throws NullPointerException from queryArchive until isSupported() has run.
                if (!mam.isSupported()) {
                    throw new UnsupportedOperationException("The server keeps no message archive (XEP-0313).");
                }
                checked = connection;
            }
            MamManager.MamQuery result;
            try {
                result = mam.queryArchive(arguments(query));
            } catch (XMPPException.XMPPErrorException e) {
                if (e.getStanzaError().getCondition() == StanzaError.Condition.item_not_found) {
                    throw new ArchiveCursorUnknownException(query.afterId() != null ? query.afterId() : query.beforeId(), e);
                }
                throw e;
            }
            return page(result.getPage());
        });
    }

    private static MamManager.MamQueryArgs arguments(ArchiveQuery query) {
        MamManager.MamQueryArgs.Builder args = MamManager.MamQueryArgs.builder().setResultPageSize(query.max());
        if (query.with() != null) {
            args.limitResultsToJid(Jids.toEntityBare(query.with()));
        }
        if (query.since() != null) {
            args.limitResultsSince(Date.from(query.since()));
        }
        if (query.until() != null) {
            args.limitResultsBefore(Date.from(query.until()));
        }
        if (query.afterId() != null) {
            args.afterUid(query.afterId());
        }
        if (query.backward()) {
            args.beforeUid(query.beforeId() == null ? "" : query.beforeId());
        }
        return args.build();
    }

    static ArchivePage page(MamManager.MamQueryPage page) {
        List<Message> carriers = page.getMamResultCarrierMessages();
        List<MamElements.MamResultExtension> results = page.getMamResultExtensions();
        List<ArchivedMessage> messages = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            messages.add(archived(carriers.get(i), results.get(i)));
        }
        RSMSet rsm = page.getMamFinIq().getRSMSet();
        return new ArchivePage(messages, rsm == null ? null : rsm.getFirst(), rsm == null ? null : rsm.getLast(),
                page.getMamFinIq().isComplete());
    }

    private static ArchivedMessage archived(Message carrier, MamElements.MamResultExtension result) {
        Forwarded<Message> forwarded = result.getForwarded();
        DelayInformation delay = forwarded == null ? null : forwarded.getDelayInformation();
        Instant stamp = delay == null || delay.getStamp() == null ? null : delay.getStamp().toInstant();
        Message inner = forwarded == null ? null : forwarded.getForwardedStanza();
        InboundChat.Incoming incoming = inner == null || inner.getType() == Message.Type.groupchat
                || inner.getType() == Message.Type.error
                ? null : SmackChatGateway.InboundMessages.incoming(inner, delay);
        var carrierFrom = Jids.fromSmack(carrier.getFrom());
        if (carrier.getFrom() != null && carrierFrom == null) {
            // An address Parley cannot even parse is not the user's own account.
            return new ArchivedMessage(result.getId(), im.parley.service.common.Jid.parse("invalid.invalid"), stamp, incoming);
        }
        return new ArchivedMessage(result.getId(), carrierFrom, stamp, incoming);
    }
}
