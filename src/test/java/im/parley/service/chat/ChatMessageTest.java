package im.parley.service.chat;

import im.parley.service.common.Jid;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatMessageTest {

    private static final Jid BOB = Jid.parse("bob@example.org/phone");
    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");

    private static ChatMessage message(String id, Transport transport, boolean authenticated, String corrects) {
        return new ChatMessage(id, BOB, Direction.INCOMING, BOB, "hi", AT, DeliveryState.RECEIVED, null, null, null,
                transport, authenticated, corrects);
    }

    @Test
    @DisplayName("a message is plaintext, unauthenticated and corrects nothing unless said otherwise")
    void plaintextByDefault() {
        ChatMessage m = new ChatMessage("m1", BOB, Direction.INCOMING, BOB, "hi", AT, DeliveryState.RECEIVED, null,
                null, null);

        assertThat(m.transport()).isEqualTo(Transport.PLAINTEXT);
        assertThat(m.authenticated()).isFalse();
        assertThat(m.corrects()).isNull();
    }

    @Test
    @DisplayName("a plaintext message can never claim an authenticated end-to-end sender")
    void plaintextCannotBeAuthenticated() {
        assertThatThrownBy(() -> message("m1", Transport.PLAINTEXT, true, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(message("m1", Transport.OMEMO, true, null).authenticated()).isTrue();
    }

    @Test
    @DisplayName("a message cannot correct itself")
    void noSelfCorrection() {
        assertThatThrownBy(() -> message("m1", Transport.OMEMO, false, "m1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a new delivery state keeps how the message travelled and what it corrects")
    void withStateKeepsTheRest() {
        ChatMessage m = message("m2", Transport.OPENPGP, true, "m1").withState(DeliveryState.RECEIVED, null);

        assertThat(m.transport()).isEqualTo(Transport.OPENPGP);
        assertThat(m.authenticated()).isTrue();
        assertThat(m.corrects()).isEqualTo("m1");
    }

    @Test
    @DisplayName("only end-to-end transports keep the body from the servers")
    void endToEnd() {
        assertThat(Transport.PLAINTEXT.endToEnd()).isFalse();
        assertThat(Transport.OMEMO.endToEnd()).isTrue();
        assertThat(Transport.OPENPGP.endToEnd()).isTrue();
    }
}
