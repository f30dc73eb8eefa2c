package im.parley.xmpp;

import im.parley.service.chat.ChatEvent;
import im.parley.service.chat.ChatMessage;
import im.parley.service.chat.Direction;
import im.parley.service.chat.HistoryPager;
import im.parley.service.chat.HistorySync;
import im.parley.service.chat.SyncStore;
import im.parley.service.common.Jid;
import im.parley.testsupport.ArchiveSeed;
import im.parley.testsupport.ProsodyExtension;
import im.parley.testsupport.TestAccount;
import im.parley.testsupport.TestConnections;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension;
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jivesoftware.smackx.mam.element.MamVersion;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** XEP-0313 catch-up and paging back into the encrypted archive, against a real Prosody. */
class HistorySyncIT {

    @RegisterExtension
    static final ProsodyExtension PROSODY = new ProsodyExtension();

    @TempDir
    Path dir;

    private final byte[] key = newKey();

    private static byte[] newKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    private SyncClient client(TestAccount who) throws Exception {
        return new SyncClient(dir.resolve(who.localpart() + ".db"), key, Jid.parse(who.jid()), s -> s);
    }

    private SyncClient.Login login(SyncClient client, TestAccount who) {
        return client.login(who.password(), PROSODY.server().c2sPort(), PROSODY.server().certificateSha256());
    }

    private static XMPPTCPConnection peer(TestAccount who) throws Exception {
        return TestConnections.connect(PROSODY.server(), who);
    }

    private static Message chat(String to, String id, String body) throws Exception {
        return StanzaBuilder.buildMessage(id).to(JidCreate.from(to)).ofType(Message.Type.chat)
                .addExtension(new OriginIdElement(id)).setBody(body).build();
    }

    /** A round trip after sending, so the server has routed and archived everything sent before it. */
    private static void flush(XMPPTCPConnection c) throws Exception {
        PingManager.getInstanceFor(c).pingMyServer();
    }

    private static List<String> bodies(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::body).toList();
    }

    private static List<String> numbered(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void afterBeingOfflineEveryMessageIsStoredOnceInOrderWithOneSummaryPerConversation() throws Exception {
        TestAccount a = PROSODY.server().newAccount("alice");
        TestAccount b = PROSODY.server().newAccount("bob");
        TestAccount c = PROSODY.server().newAccount("carol");
        try (SyncClient alice = client(a)) {
            try (SyncClient.Login first = login(alice, a)) {
                assertThat(first.catchUp().firstSync()).isTrue();
            }
            XMPPTCPConnection bob = peer(b);
            XMPPTCPConnection carol = peer(c);
            try {
                for (int i = 0; i < 300; i++) {
                    bob.sendStanza(chat(a.jid(), "b-" + i, "bob " + i));
                }
                for (int i = 0; i < 3; i++) {
                    carol.sendStanza(chat(a.jid(), "c-" + i, "carol " + i));
                }
                flush(bob);
                flush(carol);
            } finally {
                bob.disconnect();
                carol.disconnect();
            }

            try (SyncClient.Login second = login(alice, a)) {
                HistorySync.CatchUp done = second.catchUp();

                assertThat(done.stored()).isEqualTo(303);
                Jid bobJid = Jid.parse(b.jid());
                Jid carolJid = Jid.parse(c.jid());
                assertThat(bodies(alice.all(bobJid))).isEqualTo(numbered("bob ", 0, 300));
                assertThat(bodies(alice.all(carolJid))).isEqualTo(numbered("carol ", 0, 3));
                assertThat(alice.all(bobJid)).allSatisfy(m -> assertThat(m.stanzaId()).isNotBlank());
                assertThat(second.eventsOf(ChatEvent.HistoryCaughtUp.class)).containsExactlyInAnyOrder(
                        new ChatEvent.HistoryCaughtUp(bobJid, 300, 300), new ChatEvent.HistoryCaughtUp(carolJid, 3, 3));
                assertThat(second.eventsOf(ChatEvent.MessageAdded.class)).as("no flood of single messages").isEmpty();
                assertThat(alice.messages.conversation(bobJid).orElseThrow().unread()).isEqualTo(300);
                assertThat(alice.messages.conversation(carolJid).orElseThrow().unread()).isEqualTo(3);
                assertThat(second.eventsOf(ChatEvent.ConversationChanged.class))
                        .anySatisfy(e -> assertThat(e.conversation().unread()).isEqualTo(300));

                assertThat(second.catchUp().stored()).as("nothing new the next time").isZero();
            }
        }
    }

    @Test
    void messagesSeenLiveAsCarbonsAreNotStoredAgainByTheNextCatchUp() throws Exception {
        TestAccount a = PROSODY.server().newAccount("alice");
        TestAccount b = PROSODY.server().newAccount("bob");
        Jid bobJid = Jid.parse(b.jid());
        try (SyncClient alice = client(a)) {
            try (SyncClient.Login laptop = login(alice, a)) {
                laptop.catchUp();
                XMPPTCPConnection phone = TestConnections.connect(PROSODY.server(), a, "phone");
                XMPPTCPConnection bob = peer(b);
                try {
                    CarbonManager.getInstanceFor(phone).enableCarbons();
                    await().atMost(SyncClient.TIMEOUT).until(() -> CarbonManager.getInstanceFor(
                            laptop.session.connection()).getCarbonsEnabled());
                    phone.sendStanza(chat(b.jid(), "phone-1", "from my phone 1"));
                    phone.sendStanza(StanzaBuilder.buildMessage("phone-2-no-origin").to(JidCreate.from(b.jid()))
                            .ofType(Message.Type.chat).setBody("from my phone 2").build());
                    bob.sendStanza(chat(a.jid(), "bob-1", "reply from bob"));
                    laptop.awaitEvent(ChatEvent.MessageAdded.class, e -> e.message().body().equals("reply from bob"));
                    laptop.awaitEvent(ChatEvent.MessageAdded.class, e -> e.message().body().equals("from my phone 2"));
                } finally {
                    phone.disconnect();
                    bob.disconnect();
                }
            }
            assertThat(alice.all(bobJid)).hasSize(3);

            try (SyncClient.Login next = login(alice, a)) {
                HistorySync.CatchUp done = next.catchUp();

                assertThat(done.stored()).isZero();
                assertThat(bodies(alice.all(bobJid))).containsExactlyInAnyOrder("from my phone 1", "from my phone 2",
                        "reply from bob");
                assertThat(alice.all(bobJid)).extracting(ChatMessage::direction)
                        .containsOnly(Direction.OUTGOING, Direction.INCOMING);
                assertThat(next.eventsOf(ChatEvent.HistoryCaughtUp.class)).isEmpty();
            }
        }
    }

    @Test
    void aForgedArchiveResultAndAForgedCarbonFromAnotherAccountAreRejectedAndNotStored() throws Exception {
        TestAccount a = PROSODY.server().newAccount("alice");
        TestAccount b = PROSODY.server().newAccount("bob");
        TestAccount m = PROSODY.server().newAccount("mallory");
        Jid bobJid = Jid.parse(b.jid());
        try (SyncClient alice = client(a); SyncClient.Login session = login(alice, a)) {
            session.catchUp();
            XMPPTCPConnection mallory = TestConnections.connect(PROSODY.server(), m, "evil");
            try {
                Message fakeFromBob = StanzaBuilder.buildMessage("forged-inner-1")
                        .from(JidCreate.from(b.jid() + "/phone")).to(JidCreate.from(a.jid()))
                        .ofType(Message.Type.chat).setBody("forged archive: send Mallory 1000 EUR").build();
                mallory.sendStanza(StanzaBuilder.buildMessage("forged-result")
                        .to(JidCreate.from(session.jid().toString()))
                        .addExtension(MamVersion.MAM2.newElementFactory().newResultExtension("some-query",
                                "forged-stanza-id", new Forwarded<>(fakeFromBob)))
                        .build());
                Message fakeSent = StanzaBuilder.buildMessage("forged-inner-2")
                        .from(JidCreate.from(a.jid() + "/parley")).to(JidCreate.from(b.jid()))
                        .ofType(Message.Type.chat).setBody("forged carbon: I owe Mallory 1000 EUR").build();
                mallory.sendStanza(StanzaBuilder.buildMessage("forged-carbon")
                        .to(JidCreate.from(session.jid().toString())).ofType(Message.Type.chat)
                        .addExtension(new CarbonExtension(CarbonExtension.Direction.sent, new Forwarded<>(fakeSent)))
                        .build());

                await().atMost(SyncClient.TIMEOUT).until(() -> session.eventsOf(ChatEvent.StanzaRejected.class).size() >= 2);
                assertThat(session.eventsOf(ChatEvent.StanzaRejected.class))
                        .extracting(r -> r.claimedSender().bare()).containsOnly(Jid.parse(m.jid()));
                assertThat(session.eventsOf(ChatEvent.StanzaRejected.class)).extracting(ChatEvent.StanzaRejected::reason)
                        .anyMatch(r -> r.contains("message-history result")).anyMatch(r -> r.contains("carbon"));

                session.catchUp();
                assertThat(alice.all(bobJid)).isEmpty();
                assertThat(alice.messages.conversations()).isEmpty();
                assertThat(session.eventsOf(ChatEvent.MessageAdded.class)).isEmpty();
            } finally {
                mallory.disconnect();
            }
        }
    }

    @Test
    void pagingBackFetchesFromTheServerWhenTheLocalArchiveRunsOutUntilTheServerHasNoMore() throws Exception {
        TestAccount a = PROSODY.server().newAccount("alice");
        TestAccount b = PROSODY.server().newAccount("bob");
        Jid bobJid = Jid.parse(b.jid());
        int total = 1_300;
        Instant start = Instant.now().minusSeconds(total + 60);
        try (ArchiveSeed seed = ArchiveSeed.append(PROSODY.server(), a)) {
            for (int i = 0; i < total; i++) {
                String from = i % 5 == 4 ? a.jid() + "/laptop" : b.jid() + "/phone";
                String to = i % 5 == 4 ? b.jid() : a.jid();
                seed.add(new ArchiveSeed.Item("seed-" + i, from, to, "m" + i, "mid-" + i, null, start.plusSeconds(i)));
            }
        }
        try (SyncClient alice = client(a); SyncClient.Login session = login(alice, a)) {
            HistorySync.CatchUp first = session.catchUp();
            assertThat(first.firstSync()).isTrue();
            assertThat(bodies(alice.all(bobJid))).as("the recent window").isEqualTo(numbered("m", 300, total));
            assertThat(alice.messages.conversation(bobJid).orElseThrow().unread()).isZero();

            Instant oldestShown = alice.all(bobJid).getFirst().timestamp();
            HistoryPager.OlderMessages page = session.pager.olderThan(bobJid, oldestShown, 120).join();
            assertThat(bodies(page.messages())).isEqualTo(numbered("m", 180, 300));
            assertThat(page.serverHasMore()).isTrue();
            assertThat(page.problem()).isNull();

            page = session.pager.olderThan(bobJid, page.messages().getFirst().timestamp(), 500).join();
            assertThat(bodies(page.messages())).isEqualTo(numbered("m", 0, 180));
            assertThat(page.serverHasMore()).isFalse();

            assertThat(bodies(alice.all(bobJid))).isEqualTo(numbered("m", 0, total));
            assertThat(alice.messages.conversation(bobJid).orElseThrow().unread()).isZero();
            assertThat(alice.all(bobJid).get(4).direction()).isEqualTo(Direction.OUTGOING);
        }
    }

    @Test
    void aCatchUpCutOffByADisconnectResumesAtTheNextLoginWithoutGapOrDuplicate() throws Exception {
        TestAccount a = PROSODY.server().newAccount("alice");
        TestAccount b = PROSODY.server().newAccount("bob");
        Jid bobJid = Jid.parse(b.jid());
        int total = 3_000;
        java.util.concurrent.atomic.AtomicReference<CommitHook> hook = new java.util.concurrent.atomic.AtomicReference<>();
        try (SyncClient alice = new SyncClient(dir.resolve("cut.db"), key, Jid.parse(a.jid()), s -> {
            hook.set(new CommitHook(s));
            return hook.get();
        })) {
            try (SyncClient.Login first = login(alice, a)) {
                first.catchUp();
            }
            Instant start = Instant.now().minusSeconds(200);
            try (ArchiveSeed seed = ArchiveSeed.append(PROSODY.server(), a)) {
                for (int i = 0; i < total; i++) {
                    seed.add(new ArchiveSeed.Item("cut-" + i, b.jid() + "/phone", a.jid(), "m" + i, "mid-" + i,
                            "oid-" + i, start.plusMillis(50L * i)));
                }
            }
            try (SyncClient.Login cut = login(alice, a)) {
                hook.get().onCommit(n -> {
                    if (n == 2) {
                        PROSODY.server().stop(); // the connection drops right after the second page is committed
                    }
                });
                CompletableFuture<HistorySync.CatchUp> running = cut.history.catchUp();
                assertThatThrownBy(running::join).isInstanceOf(CompletionException.class);
                hook.get().onCommit(n -> { });
            } finally {
                PROSODY.server().start();
            }
            int stored = alice.all(bobJid).size();
            assertThat(stored).as("cut off in the middle").isBetween(500, total - 250);
            assertThat(stored % 250).as("whole pages only").isZero();
            assertThat(alice.sync.cursor(SyncStore.OWN_ARCHIVE).orElseThrow().lastStanzaId()).isEqualTo("cut-" + (stored - 1));

            try (SyncClient.Login resumed = login(alice, a)) {
                HistorySync.CatchUp rest = resumed.catchUp();

                assertThat(rest.stored()).isEqualTo(total - stored);
                assertThat(bodies(alice.all(bobJid))).isEqualTo(numbered("m", 0, total));
                assertThat(alice.messages.conversation(bobJid).orElseThrow().unread()).isEqualTo(total);
            }
        }
    }
}
