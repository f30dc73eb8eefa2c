package im.parley.xmpp;

import im.parley.archive.InMemoryMessageStore;
import im.parley.platform.FileCertificatePinStore;
import im.parley.service.account.AccountService;
import im.parley.service.account.LoginRequest;
import im.parley.service.account.ServerAddress;
import im.parley.service.chat.ChatEvent;
import im.parley.service.chat.ChatService;
import im.parley.service.common.Jid;
import im.parley.service.roster.RosterEvent;
import im.parley.service.roster.RosterService;
import im.parley.testsupport.ProsodyServer;
import im.parley.testsupport.TestAccount;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Parley's real services and Smack adapters for one account, with the events they published. */
final class ClientUnderTest implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    final XmppSession session = new XmppSession();
    final FileCertificatePinStore pins;
    final AccountService account;
    final RosterService roster;
    final ChatService chat;
    final List<RosterEvent> rosterEvents = new CopyOnWriteArrayList<>();
    final List<ChatEvent> chatEvents = new CopyOnWriteArrayList<>();
    private final ProsodyServer server;

    ClientUnderTest(ProsodyServer server, Path pinFile) {
        this.server = server;
        this.pins = new FileCertificatePinStore(pinFile);
        this.account = new AccountService(new SmackConnectionGateway(session), pins);
        this.roster = new RosterService(new SmackRosterGateway(session));
        this.chat = new ChatService(new SmackChatGateway(session), new InMemoryMessageStore(Clock.systemUTC()), Clock.systemUTC());
        roster.addListener(rosterEvents::add);
        chat.addListener(chatEvents::add);
    }

    LoginRequest request(TestAccount who, String password) {
        return new LoginRequest(Jid.parseAccount(who.jid()), password.toCharArray(),
                Optional.of(new ServerAddress("127.0.0.1", server.c2sPort(), false)), "parley");
    }

    /** Trusts the test server's certificate (as a user would after seeing it) and logs in. */
    ClientUnderTest loggedIn(TestAccount who) {
        pins.pin(Jid.parseAccount(who.jid()), server.certificateSha256());
        account.login(request(who, who.password())).orTimeout(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).join();
        roster.load().join();
        return this;
    }

    Jid jid() {
        return account.boundJid().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    <E extends RosterEvent> E awaitRosterEvent(Class<E> type, Predicate<E> matching) {
        await().atMost(TIMEOUT).until(() -> rosterEvents.stream().anyMatch(e -> type.isInstance(e) && matching.test((E) e)));
        return (E) rosterEvents.stream().filter(e -> type.isInstance(e) && matching.test((E) e)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    <E extends ChatEvent> E awaitChatEvent(Class<E> type, Predicate<E> matching) {
        await().atMost(TIMEOUT).until(() -> chatEvents.stream().anyMatch(e -> type.isInstance(e) && matching.test((E) e)));
        return (E) chatEvents.stream().filter(e -> type.isInstance(e) && matching.test((E) e)).findFirst().orElseThrow();
    }

    <E extends ChatEvent> long countChatEvents(Class<E> type) {
        return chatEvents.stream().filter(type::isInstance).count();
    }

    @Override
    public void close() {
        try {
            account.logout().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join();
        } catch (RuntimeException ignored) {
            // already disconnected
        } finally {
            session.close();
        }
    }
}
