package im.parley.xmpp;

import im.parley.service.chat.ArchiveCursorUnknownException;
import im.parley.service.chat.ArchiveGateway;
import im.parley.service.chat.ArchivePage;
import im.parley.service.chat.ArchiveQuery;
import im.parley.service.chat.ArchivedMessage;
import im.parley.service.chat.InboundChat;
import im.parley.service.common.Jid;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jivesoftware.smackx.rsm.packet.RSMSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(SmackArchiveGateway.class);

    private static final Jid UNPARSABLE_SENDER = Jid.parse("invalid.invalid");

    private final XmppSession session;
    private volatile XMPPTCPConnection checked;

    public SmackArchiveGateway(XmppSession session) {
        this.session = session;
        session.onNewConnection(connection -> connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void authenticated(XMPPConnection c, boolean resumed) {
                if (!resumed) {
                    announceArchiveClient(c);
                }
            }
        }));
    }

    /**
     * Runs on Smack's login thread before the initial presence goes out. A server that sees an archive query
     * first (Prosody: {@code mam_requested}) does not flood the new session with offline messages one by one:
     * catch-up brings them instead, with one summary per conversation.
     */
    private static void announceArchiveClient(XMPPConnection connection) {
        try {
            connection.sendIqRequestAsync(new CountOnlyQuery());
        } catch (RuntimeException e) {
            LOG.debug("Could not announce the archive query before presence", e);
        }
    }

    /** {@code <query xmlns='urn:xmpp:mam:2'><set><max>0</max></set></query>}: counts, returns no message. */
    private static final class CountOnlyQuery extends IQ {
        CountOnlyQuery() {
            super("query", "urn:xmpp:mam:2");
            setType(Type.set);
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.rightAngleBracket();
            xml.append("<set xmlns='http://jabber.org/protocol/rsm'><max>0</max></set>");
            return xml;
        }
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
        Jid carrierFrom = Jids.fromSmack(carrier.getFrom());
        if (carrier.getFrom() != null && carrierFrom == null) {
            carrierFrom = UNPARSABLE_SENDER; // whatever it was, it is not the user's own account
        }
        return new ArchivedMessage(result.getId(), carrierFrom, stamp, incoming);
    }
}
