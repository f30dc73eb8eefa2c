package im.parley.app;

import im.parley.archive.InMemoryMessageStore;
import im.parley.service.account.AccountService;
import im.parley.service.account.CertificatePinStore;
import im.parley.service.chat.ChatService;
import im.parley.service.chat.TypingNotifier;
import im.parley.service.roster.RosterService;
import im.parley.xmpp.SmackChatGateway;
import im.parley.xmpp.SmackConnectionGateway;
import im.parley.xmpp.SmackRosterGateway;
import im.parley.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Everything one login needs, wired by constructor: the Smack session and its adapters, and the
 * services on top. A logout closes it; the next login gets a fresh one, so nothing of one
 * account leaks into the next.
 */
final class ClientSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);
    private static final Duration TYPING_PAUSE = Duration.ofSeconds(5);

    private final XmppSession xmpp = new XmppSession();
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("parley-timers").factory());
    final AccountService account;
    final RosterService roster;
    final ChatService chat;
    final TypingNotifier typing;

    ClientSession(CertificatePinStore pins, Clock clock) {
        account = new AccountService(new SmackConnectionGateway(xmpp), pins);
        roster = new RosterService(new SmackRosterGateway(xmpp));
        chat = new ChatService(new SmackChatGateway(xmpp), new InMemoryMessageStore(clock), clock);
        typing = new TypingNotifier(chat, timers, TYPING_PAUSE);
    }

    /** Logs out (bounded wait) and stops every thread of this session. */
    @Override
    public void close() {
        try {
            account.logout().get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.info("Logout did not finish cleanly: {}", e.toString());
        } finally {
            timers.shutdownNow();
            xmpp.close();
        }
    }
}
