package im.parley.xmpp;

import im.parley.archive.SqlMessageStore;
import im.parley.archive.SqlSyncStore;
import im.parley.archive.db.ArchiveKey;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.platform.FileCertificatePinStore;
import im.parley.service.account.AccountService;
import im.parley.service.account.LoginRequest;
import im.parley.service.account.ServerAddress;
import im.parley.service.chat.ChatEvent;
import im.parley.service.chat.ChatMessage;
import im.parley.service.chat.ChatService;
import im.parley.service.chat.HistoryPager;
import im.parley.service.chat.HistorySync;
import im.parley.service.chat.SyncStore;
import im.parley.service.common.Jid;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import static org.awaitility.Awaitility.await;

/**
 * Parley's real pieces for history sync, one account: the encrypted archive on a file (kept across logins) and,
 * per login, a Smack session with the chat service, catch-up and paging back on top of it.
 */
final class SyncClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    final Jid account;
    final EncryptedDatabase database;
    final SqlMessageStore messages;
    final SyncStore sync;
    private final Path pinFile;

    SyncClient(Path archiveFile, byte[] key, Jid account, UnaryOperator<SyncStore> decorate) throws Exception {
        this.account = account.bare();
        this.database = EncryptedDatabase.open(archiveFile, new ArchiveKey(key.clone()));
        this.messages = new SqlMessageStore(database, account, Clock.systemUTC());
        this.sync = decorate.apply(new SqlSyncStore(database, account, Clock.systemUTC()));
        this.pinFile = archiveFile.resolveSibling(archiveFile.getFileName() + ".pins");
    }

    /** Logs in (trusting the certificate {@code pinSha256}) and wires the services; nothing is synced yet. */
    Login login(String password, int c2sPort, String pinSha256) {
        FileCertificatePinStore pins = new FileCertificatePinStore(pinFile);
        pins.pin(account, pinSha256);
        Login login = new Login(pins);
        login.account.login(new LoginRequest(account, password.toCharArray(),
                        Optional.of(new ServerAddress("127.0.0.1", c2sPort, false)), "parley"))
                .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        return login;
    }

    List<ChatMessage> all(Jid peer) {
        return messages.latest(peer.bare(), Integer.MAX_VALUE);
    }

    @Override
    public void close() throws Exception {
        database.close();
    }

    /** One session: the chat pipeline, catch-up and paging back, and the chat events they published. */
    final class Login implements AutoCloseable {
        final XmppSession session = new XmppSession();
        final AccountService account;
        final ChatService chat;
        final HistorySync history;
        final HistoryPager pager;
        final List<ChatEvent> events = new CopyOnWriteArrayList<>();
        private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

        private Login(FileCertificatePinStore pins) {
            this.account = new AccountService(new SmackConnectionGateway(session), pins);
            this.chat = new ChatService(new SmackChatGateway(session), messages, Clock.systemUTC());
            SmackArchiveGateway archive = new SmackArchiveGateway(session);
            this.history = new HistorySync(archive, chat, messages, sync, Clock.systemUTC(), background);
            this.pager = new HistoryPager(archive, chat, messages, sync, Clock.systemUTC(), background);
            chat.addListener(events::add);
        }

        HistorySync.CatchUp catchUp() {
            return history.catchUp().orTimeout(5, TimeUnit.MINUTES).join();
        }

        Jid jid() {
            return account.boundJid().orElseThrow();
        }

        @SuppressWarnings("unchecked")
        <E extends ChatEvent> E awaitEvent(Class<E> type, Predicate<E> matching) {
            await().atMost(TIMEOUT).until(() -> events.stream().anyMatch(e -> type.isInstance(e) && matching.test((E) e)));
            return (E) events.stream().filter(e -> type.isInstance(e) && matching.test((E) e)).findFirst().orElseThrow();
        }

        <E extends ChatEvent> List<E> eventsOf(Class<E> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        @Override
        public void close() {
            try {
                account.logout().orTimeout(5, TimeUnit.SECONDS).join();
            } catch (RuntimeException ignored) {
                // already disconnected
            } finally {
                session.close();
                background.shutdownNow();
            }
        }
    }
}
