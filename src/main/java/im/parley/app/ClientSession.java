package im.parley.app;

import im.parley.archive.SqlMessageSearch;
import im.parley.archive.SqlMessageStore;
import im.parley.archive.SqlRosterCache;
import im.parley.archive.SqlSyncStore;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.account.AccountService;
import im.parley.service.account.CertificatePinStore;
import im.parley.service.account.ConnectionState;
import im.parley.service.chat.ChatService;
import im.parley.service.chat.HistoryPager;
import im.parley.service.chat.HistorySync;
import im.parley.service.chat.TypingNotifier;
import im.parley.service.common.Jid;
import im.parley.service.notify.NotificationService;
import im.parley.service.search.SearchService;
import im.parley.service.notify.Notifier;
import im.parley.service.roster.RosterService;
import im.parley.xmpp.SmackArchiveGateway;
import im.parley.xmpp.SmackChatGateway;
import im.parley.xmpp.SmackConnectionGateway;
import im.parley.xmpp.SmackRosterGateway;
import im.parley.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
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
    final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("parley-timers").factory());
    /** The archive's one writer path for this session: pending outgoing rows, in the order they were sent. */
    private final ExecutorService historyWork =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("parley-history-", 0).factory());
    private final ExecutorService storage =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().name("parley-archive-writer").factory());
    final AccountService account;
    final RosterService roster;
    final ChatService chat;
    final TypingNotifier typing;
    final NotificationService notifications;
    final HistorySync history;
    final HistoryPager pager;

    ClientSession(CertificatePinStore pins, EncryptedDatabase archive, Clock clock) {
        this(pins, archive, clock, notification -> { }, peer -> false);
    }

    /** {@code inView} tells whether the user is looking at a conversation now (no notification for it then). */
    ClientSession(CertificatePinStore pins, EncryptedDatabase archive, Clock clock, Notifier notifier,
                  Predicate<Jid> inView) {
        account = new AccountService(new SmackConnectionGateway(xmpp), pins, storage);
        SmackChatGateway chatGateway = new SmackChatGateway(xmpp);
        roster = new RosterService(new SmackRosterGateway(xmpp, new SqlRosterCache(archive, chatGateway::ownJid)));
        SqlMessageStore messages = new SqlMessageStore(archive, chatGateway::ownJid, clock);
        chat = new ChatService(chatGateway, messages, clock, storage);
        SmackArchiveGateway archiveGateway = new SmackArchiveGateway(xmpp);
        SqlSyncStore sync = new SqlSyncStore(archive, chatGateway::ownJid, clock);
        history = new HistorySync(archiveGateway, chat, messages, sync, clock, historyWork);
        pager = new HistoryPager(archiveGateway, chat, messages, sync, clock, historyWork);
        // Every (re)connection catches up from where the archive stopped.
        account.addListener(event -> {
            if (event.state() == ConnectionState.CONNECTED) {
                history.catchUp().whenComplete((done, failure) -> {
                    if (failure != null) {
                        LOG.warn("History catch-up stopped: {}", failure.toString());
                    } else {
                        LOG.info("History catch-up: {} new messages in {} pages", done.stored(), done.pages());
                    }
                });
            }
        });
        typing = new TypingNotifier(chat, timers, TYPING_PAUSE);
        notifications = new NotificationService(notifier, roster::displayName, inView, clock);
        chat.addListener(notifications::onChatEvent);
    }

    private SqlMessageSearch search;

    /** Message search over this account's part of the archive (its reader connections close with the session). */
    SearchService searchFor(Jid account, EncryptedDatabase archive, java.util.concurrent.Executor executor) {
        search = new SqlMessageSearch(archive, account.bare());
        return new SearchService(search, executor);
    }

    /** Lets queued archive writes finish (bounded), so a message typed just before logout is not lost. */
    private static void drain(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Archive writes still queued at logout were abandoned");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    /** Logs out (bounded wait) and stops every thread of this session. */
    @Override
    public void close() {
        try {
            drain(storage); // queued messages are stored and handed to the server before the stream closes
            account.logout().get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.info("Logout did not finish cleanly: {}", e.toString());
        } finally {
            timers.shutdownNow();
            historyWork.shutdownNow();
            if (search != null) {
                search.close();
            }
            xmpp.close();
        }
    }
}
