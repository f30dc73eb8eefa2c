package im.parley.architecture;

import im.parley.service.account.LoginRequest;
import im.parley.service.chat.ChatEvent;
import im.parley.service.chat.ChatMessage;
import im.parley.service.chat.DeliveryState;
import im.parley.service.chat.Direction;
import im.parley.service.chat.InboundChat;
import im.parley.service.chat.OutgoingMessage;
import im.parley.service.common.Jid;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other half of rule 8 ("never log message bodies, passwords or keys"), which ArchUnit cannot
 * check through data flow: the objects that carry a body or a password leave it out of
 * {@code toString()}, so logging the object itself (or an event that holds it) reveals nothing.
 */
class ToStringHidesSecretsTest {

    private static final String BODY = "meet me at the old mill at midnight";
    private static final String PASSWORD = "hunter2-correct-horse";
    private static final Jid BOB = Jid.parse("bob@example.org/phone");
    private static final Jid ALICE = Jid.parse("alice@example.org/laptop");

    private static final ChatMessage MESSAGE = new ChatMessage("id-1", BOB, Direction.INCOMING, BOB, BODY,
            Instant.parse("2025-11-22T12:00:00Z"), DeliveryState.RECEIVED, null, "origin-1", "stanza-1");
    private static final InboundChat.Incoming INCOMING = new InboundChat.Incoming(BOB, ALICE, BODY, "m-1", "o-1",
            "s-1", ALICE.bare(), null);

    @Test
    @DisplayName("ChatMessage.toString shows id, peer and state but not the body")
    void chatMessage() {
        assertThat(MESSAGE.toString()).contains("id-1", "bob@example.org").doesNotContain(BODY).doesNotContain("mill");
    }

    @Test
    @DisplayName("chat events that carry a message do not show its body")
    void chatEvents() {
        assertThat(new ChatEvent.MessageAdded(MESSAGE).toString()).doesNotContain(BODY);
        assertThat(new ChatEvent.MessageUpdated(MESSAGE).toString()).doesNotContain(BODY);
    }

    @Test
    @DisplayName("OutgoingMessage.toString shows recipient and id but not the body")
    void outgoingMessage() {
        assertThat(new OutgoingMessage(BOB.bare(), BODY, "id-2").toString())
                .contains("bob@example.org", "id-2").doesNotContain(BODY);
    }

    @Test
    @DisplayName("InboundChat.Incoming.toString, alone or inside a carbon, does not show the body")
    void incoming() {
        assertThat(INCOMING.toString()).contains("bob@example.org/phone", "m-1").doesNotContain(BODY);
        assertThat(new InboundChat.Carbon(ALICE.bare(), false, INCOMING).toString()).doesNotContain(BODY);
    }

    @Test
    @DisplayName("LoginRequest.toString shows the account but not the password")
    void loginRequest() {
        LoginRequest request = new LoginRequest(ALICE.bare(), PASSWORD.toCharArray());

        assertThat(request.toString()).contains("alice@example.org").doesNotContain(PASSWORD)
                .doesNotContain("hunter2");
    }
}
