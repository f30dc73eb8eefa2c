package im.parley.xmpp;

import im.parley.archive.SqlMessageSearch;
import im.parley.archive.SqlMessageStore;
import im.parley.archive.db.ArchiveKey;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.account.AccountService;
import im.parley.service.account.InMemoryPinStore;
import im.parley.service.account.LoginRequest;
import im.parley.service.account.ServerAddress;
import im.parley.service.chat.ChatEvent;
import im.parley.service.chat.ChatService;
import im.parley.service.chat.DeliveryState;
import im.parley.service.chat.Direction;
import im.parley.service.common.Jid;
import im.parley.service.search.SearchHit;
import im.parley.service.search.SearchQuery;
import im.parley.service.search.SearchService;
import im.parley.service.search.SnippetSegment;
import im.parley.testsupport.ProsodyExtension;
import im.parley.testsupport.ProsodyServer;
import im.parley.testsupport.TestAccount;
import im.parley.testsupport.TestConnections;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Messages exchanged through a real Prosody with Parley's ChatService on the encrypted archive
 * ({@link SqlMessageStore}) are found by {@link SqlMessageSearch}, in the right conversation, with the snippet.
 */
class ArchiveSearchIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @RegisterExtension
    static final ProsodyExtension PROSODY = new ProsodyExtension();

    @TempDir
    Path dir;

    @Test
    void messagesSentAndReceivedThroughTheServerAreFoundInTheArchive() throws Exception {
        ProsodyServer server = PROSODY.server();
        TestAccount alice = server.newAccount("alice");
        TestAccount bob = server.newAccount("bob");
        TestAccount carol = server.newAccount("carol");
        Jid aliceJid = Jid.parseAccount(alice.jid());
        Jid bobJid = Jid.parseAccount(bob.jid());
        Jid carolJid = Jid.parseAccount(carol.jid());
        byte[] key = new byte[ArchiveKey.BYTES];
        new SecureRandom().nextBytes(key);
        ExecutorService searches = Executors.newVirtualThreadPerTaskExecutor();

        XMPPTCPConnection bobConnection = TestConnections.connect(server, bob);
        XMPPTCPConnection carolConnection = TestConnections.connect(server, carol);
        List<String> bobGot = new CopyOnWriteArrayList<>();
        bobConnection.addAsyncStanzaListener(s -> bobGot.add(((Message) s).getBody()), MessageWithBodiesFilter.INSTANCE);
        try (EncryptedDatabase database = EncryptedDatabase.open(dir.resolve("archive.db"), new ArchiveKey(key));
             SqlMessageSearch archiveSearch = new SqlMessageSearch(database, aliceJid);
             XmppSession session = new XmppSession()) {
            InMemoryPinStore pins = new InMemoryPinStore();
            pins.pin(aliceJid, server.certificateSha256());
            AccountService account = new AccountService(new SmackConnectionGateway(session), pins);
            ChatService chat = new ChatService(new SmackChatGateway(session),
                    new SqlMessageStore(database, aliceJid, Clock.systemUTC()), Clock.systemUTC());
            List<ChatEvent> events = new CopyOnWriteArrayList<>();
            chat.addListener(events::add);
            account.login(new LoginRequest(aliceJid, alice.password().toCharArray(),
                            Optional.of(new ServerAddress("127.0.0.1", server.c2sPort(), false)), "parley"))
                    .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
            SearchService search = new SearchService(archiveSearch, searches);

            assertThat(chat.send(bobJid, "Shall we meet at the Café Müller on Friday?").join().state())
                    .isEqualTo(DeliveryState.SENT);
            await().atMost(TIMEOUT).until(() -> bobGot.contains("Shall we meet at the Café Müller on Friday?"));
            send(bobConnection, alice.jid(), "Friday works, the cafeteria is closed though");
            send(carolConnection, alice.jid(), "Crème brûlée at the party on Saturday");
            await().atMost(TIMEOUT).until(() -> events.stream().filter(e -> e instanceof ChatEvent.MessageAdded m
                    && m.message().direction() == Direction.INCOMING).count() == 2);

            List<SearchHit> caf = search.search(SearchQuery.everywhere("caf", 10)).get(5, TimeUnit.SECONDS);
            assertThat(caf).extracting(SearchHit::conversation).containsOnly(bobJid).hasSize(2);
            assertThat(caf).extracting(SearchHit::direction)
                    .containsExactlyInAnyOrder(Direction.OUTGOING, Direction.INCOMING);
            SearchHit mine = caf.stream().filter(h -> h.direction() == Direction.OUTGOING).findFirst().orElseThrow();
            assertThat(mine.snippet()).filteredOn(SnippetSegment::highlighted).extracting(SnippetSegment::text)
                    .containsExactly("Café");
            assertThat(mine.snippetText()).isEqualTo("Shall we meet at the Café Müller on Friday?");
            assertThat(chat.around(bobJid, mine.messageId(), 0, 0)).singleElement()
                    .satisfies(m -> assertThat(m.body()).isEqualTo("Shall we meet at the Café Müller on Friday?"));

            List<SearchHit> creme = search.search(SearchQuery.everywhere("creme", 10)).get(5, TimeUnit.SECONDS);
            assertThat(creme).singleElement().satisfies(h -> {
                assertThat(h.conversation()).isEqualTo(carolJid);
                assertThat(h.sender().bare()).isEqualTo(carolJid);
                assertThat(h.snippet()).contains(new SnippetSegment("Crème", true));
            });

            assertThat(search.search(SearchQuery.in(carolJid, "friday", 10)).get(5, TimeUnit.SECONDS)).isEmpty();
            assertThat(search.search(SearchQuery.in(bobJid, "\"friday works\"", 10)).get(5, TimeUnit.SECONDS))
                    .singleElement().satisfies(h -> assertThat(h.direction()).isEqualTo(Direction.INCOMING));
            account.logout().orTimeout(5, TimeUnit.SECONDS).join();
        } finally {
            bobConnection.disconnect();
            carolConnection.disconnect();
            searches.shutdownNow();
        }
    }

    private static void send(XMPPTCPConnection from, String to, String body) throws Exception {
        from.sendStanza(from.getStanzaFactory().buildMessageStanza()
                .to(JidCreate.entityBareFrom(to)).ofType(Message.Type.chat).setBody(body).build());
    }
}
