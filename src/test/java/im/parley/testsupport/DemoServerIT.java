package im.parley.testsupport;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.RoomInfo;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link DemoServer} promises: alice finds bob as a mutual contact, his welcome message and the room. */
class DemoServerIT {

    @Test
    void aliceSeesBobTheWelcomeMessageAndThePersistentRoom() throws Exception {
        try (ProsodyServer server = ProsodyServer.startNew()) {
            DemoServer.DemoSetup setup = DemoServer.prepare(server);

            XMPPTCPConnection alice = new XMPPTCPConnection(
                    TestConnections.startTls(server, setup.alice(), "it").build());
            BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
            alice.addAsyncStanzaListener(s -> messages.add((Message) s), s -> s instanceof Message m && m.getBody() != null);
            try {
                alice.connect().login();
                Roster roster = Roster.getInstanceFor(alice);
                roster.reloadAndWait();
                RosterEntry bob = roster.getEntry(JidCreate.bareFrom(setup.bob().jid()));
                assertThat(bob).isNotNull();
                assertThat(bob.getType()).isEqualTo(RosterPacket.ItemType.both);

                Message welcome = messages.poll(10, TimeUnit.SECONDS);
                assertThat(welcome).isNotNull();
                assertThat(welcome.getFrom().asBareJid().toString()).isEqualTo(setup.bob().jid());
                assertThat(welcome.getBody()).isEqualTo(DemoServer.WELCOME);

                RoomInfo room = MultiUserChatManager.getInstanceFor(alice).getRoomInfo(JidCreate.entityBareFrom(setup.room()));
                assertThat(room.isPersistent()).isTrue();
                assertThat(room.getName()).isEqualTo("Lobby");
            } finally {
                alice.disconnect();
            }
        }
    }
}
