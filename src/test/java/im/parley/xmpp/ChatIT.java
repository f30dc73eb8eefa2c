package im.parley.xmpp;

import im.parley.service.chat.ChatEvent;
import im.parley.service.chat.ChatMessage;
import im.parley.service.chat.ChatState;
import im.parley.service.chat.DeliveryState;
import im.parley.service.chat.Direction;
import im.parley.service.common.Jid;
import im.parley.testsupport.ProsodyExtension;
import im.parley.testsupport.TestAccount;
import im.parley.testsupport.TestConnections;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension;
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** One-to-one chat between Parley clients: RFC 6121 §5, XEP-0184, XEP-0085, XEP-0280, XEP-0359. */
class ChatIT {

    @RegisterExtension
    static final ProsodyExtension PROSODY = new ProsodyExtension();

    @TempDir
    Path dir;

    /** Alice and Bob with a mutual subscription (receipts are only sent to subscribed contacts). */
    private record Pair(ClientUnderTest alice, ClientUnderTest bob, TestAccount a, TestAccount b) implements AutoCloseable {
        Jid aliceJid() {
            return Jid.parse(a.jid());
        }

        Jid bobJid() {
            return Jid.parse(b.jid());
        }

        @Override
        public void close() {
            alice.close();
            bob.close();
        }
    }

    private Pair friends() {
        TestAccount a = PROSODY.server().newAccount("alice");
        TestAccount b = PROSODY.server().newAccount("bob");
        ClientUnderTest alice = new ClientUnderTest(PROSODY.server(), dir.resolve("a-" + a.localpart())).loggedIn(a);
        ClientUnderTest bob = new ClientUnderTest(PROSODY.server(), dir.resolve("b-" + b.localpart())).loggedIn(b);
        Pair pair = new Pair(alice, bob, a, b);
        alice.roster.addContact(pair.bobJid(), "Bob", Set.of()).join();
        bob.awaitRosterEvent(im.parley.service.roster.RosterEvent.SubscriptionRequested.class, e -> true);
        bob.roster.approve(pair.aliceJid()).join();
        alice.awaitRosterEvent(im.parley.service.roster.RosterEvent.ContactChanged.class,
                e -> e.contact().subscription() == im.parley.service.roster.Subscription.BOTH);
        bob.awaitRosterEvent(im.parley.service.roster.RosterEvent.ContactChanged.class,
                e -> e.contact().subscription() == im.parley.service.roster.Subscription.BOTH);
        return pair;
    }

    @Test
    void messagesTravelBothWaysAndReceiptsMarkThemDelivered() {
        try (Pair p = friends()) {
            ChatMessage sent = p.alice().chat.send(p.bobJid(), "Hello Bob").join();
            assertThat(sent.state()).isEqualTo(DeliveryState.SENT);

            ChatMessage received = p.bob().awaitChatEvent(ChatEvent.MessageAdded.class,
                    e -> e.message().body().equals("Hello Bob")).message();
            assertThat(received.direction()).isEqualTo(Direction.INCOMING);
            assertThat(received.conversation()).isEqualTo(p.aliceJid());
            assertThat(received.sender().bare()).isEqualTo(p.aliceJid());
            assertThat(received.originId()).isEqualTo(sent.id());
            assertThat(received.stanzaId()).as("Prosody's XEP-0359 stanza-id by bob's account").isNotBlank();

            p.alice().awaitChatEvent(ChatEvent.MessageUpdated.class,
                    e -> e.message().id().equals(sent.id()) && e.message().state() == DeliveryState.DELIVERED);

            p.bob().chat.send(p.aliceJid(), "Hi Alice").join();
            p.alice().awaitChatEvent(ChatEvent.MessageAdded.class,
                    e -> e.message().body().equals("Hi Alice") && e.message().direction() == Direction.INCOMING);
            assertThat(p.alice().chat.conversations()).singleElement()
                    .satisfies(c -> assertThat(c.peer()).isEqualTo(p.bobJid()));
        }
    }

    @Test
    void messageToANonexistentAccountIsMarkedFailedWithTheReason() {
        try (Pair p = friends()) {
            Jid nobody = Jid.parse("nobody-" + System.nanoTime() + "@localhost");
            ChatMessage sent = p.alice().chat.send(nobody, "anyone there?").join();
            ChatMessage failed = p.alice().awaitChatEvent(ChatEvent.MessageUpdated.class,
                    e -> e.message().id().equals(sent.id()) && e.message().state() == DeliveryState.FAILED).message();
            assertThat(failed.failureReason()).isNotBlank();
        }
    }

    @Test
    void typingIsShownToThePeer() {
        try (Pair p = friends()) {
            p.alice().chat.sendChatState(p.bobJid(), ChatState.COMPOSING).join();
            p.bob().awaitChatEvent(ChatEvent.PeerChatStateChanged.class,
                    e -> e.peer().equals(p.aliceJid()) && e.state() == ChatState.COMPOSING);
            p.alice().chat.sendChatState(p.bobJid(), ChatState.PAUSED).join();
            p.bob().awaitChatEvent(ChatEvent.PeerChatStateChanged.class,
                    e -> e.peer().equals(p.aliceJid()) && e.state() == ChatState.PAUSED);
        }
    }

    @Test
    void messagesFromTheUsersOtherDeviceAppearAsOutgoingThroughCarbons() throws Exception {
        try (Pair p = friends()) {
            XMPPTCPConnection phone = TestConnections.connect(PROSODY.server(), p.a(), "phone");
            try {
                org.jivesoftware.smackx.carbons.CarbonManager.getInstanceFor(phone).enableCarbons();
                phone.sendStanza(StanzaBuilder.buildMessage("from-phone-1")
                        .to(JidCreate.entityBareFrom(p.b().jid())).ofType(Message.Type.chat)
                        .setBody("Sent from my phone").build());

                ChatMessage copy = p.alice().awaitChatEvent(ChatEvent.MessageAdded.class,
                        e -> e.message().body().equals("Sent from my phone")).message();
                assertThat(copy.direction()).isEqualTo(Direction.OUTGOING);
                assertThat(copy.conversation()).isEqualTo(p.bobJid());
                assertThat(copy.sender().resource()).isEqualTo("phone");

                p.bob().chat.send(p.aliceJid(), "Reply to both devices").join();
                p.alice().awaitChatEvent(ChatEvent.MessageAdded.class, e -> e.message().body().equals("Reply to both devices"));
            } finally {
                phone.disconnect();
            }
        }
    }

    @Test
    void aForgedCarbonFromAnotherAccountIsRejectedAndNotStored() throws Exception {
        try (Pair p = friends()) {
            TestAccount m = PROSODY.server().newAccount("mallory");
            XMPPTCPConnection mallory = TestConnections.connect(PROSODY.server(), m, "evil");
            try {
                Message fake = StanzaBuilder.buildMessage("forged-inner")
                        .from(JidCreate.from(p.a().jid() + "/parley"))
                        .to(JidCreate.entityBareFrom(p.b().jid()))
                        .ofType(Message.Type.chat).setBody("I owe Mallory 1000 EUR").build();
                Message wrapper = StanzaBuilder.buildMessage("forged-wrapper")
                        .to(JidCreate.from(p.alice().jid().toString()))
                        .ofType(Message.Type.chat)
                        .addExtension(new CarbonExtension(CarbonExtension.Direction.sent, new Forwarded<>(fake)))
                        .build();
                mallory.sendStanza(wrapper);

                ChatEvent.StanzaRejected rejected = p.alice().awaitChatEvent(ChatEvent.StanzaRejected.class, e -> true);
                assertThat(rejected.claimedSender().bare()).isEqualTo(Jid.parse(m.jid()));
                assertThat(p.alice().chatEvents).noneMatch(e -> e instanceof ChatEvent.MessageAdded a
                        && a.message().body().contains("Mallory"));
                assertThat(p.alice().chat.conversations()).noneMatch(c -> c.peer().equals(p.bobJid()) && c.preview().contains("Mallory"));
            } finally {
                mallory.disconnect();
            }
        }
    }

    @Test
    void aDuplicateDeliveryWithTheSameOriginIdIsShownOnce() throws Exception {
        try (Pair p = friends()) {
            XMPPTCPConnection bobPhone = TestConnections.connect(PROSODY.server(), p.b(), "phone");
            try {
                for (int i = 0; i < 2; i++) {
                    bobPhone.sendStanza(StanzaBuilder.buildMessage("resend-" + i)
                            .to(JidCreate.from(p.alice().jid().toString())).ofType(Message.Type.chat)
                            .addExtension(new org.jivesoftware.smackx.sid.element.OriginIdElement("same-origin"))
                            .setBody("only once please").build());
                }
                bobPhone.sendStanza(StanzaBuilder.buildMessage("marker")
                        .to(JidCreate.from(p.alice().jid().toString())).ofType(Message.Type.chat)
                        .setBody("marker").build());
                p.alice().awaitChatEvent(ChatEvent.MessageAdded.class, e -> e.message().body().equals("marker"));
                assertThat(p.alice().chatEvents).filteredOn(e -> e instanceof ChatEvent.MessageAdded a
                        && a.message().body().equals("only once please")).hasSize(1);
            } finally {
                bobPhone.disconnect();
            }
        }
    }
}
