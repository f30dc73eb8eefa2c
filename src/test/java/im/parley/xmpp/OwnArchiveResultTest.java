package im.parley.xmpp;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jivesoftware.smackx.mam.element.MamVersion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;

import static org.assertj.core.api.Assertions.assertThat;

/** Which received messages skip the chat pipeline: only archive results the own account sent. */
class OwnArchiveResultTest {

    private static final EntityFullJid ME = full("alice@example.org/parley");

    private static EntityFullJid full(String jid) {
        try {
            return JidCreate.entityFullFrom(jid);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Message archiveResult(String from) throws Exception {
        Message inner = StanzaBuilder.buildMessage("inner").from(JidCreate.from("bob@example.org/phone"))
                .to(JidCreate.from("alice@example.org")).ofType(Message.Type.chat).setBody("hi").build();
        var builder = StanzaBuilder.buildMessage("carrier").to(ME)
                .addExtension(MamVersion.MAM2.newElementFactory().newResultExtension("q1", "s1", new Forwarded<>(inner)));
        if (from != null) {
            builder.from(JidCreate.from(from));
        }
        return builder.build();
    }

    @Test
    @DisplayName("a result from the own account, or with no sender (the own server), is the archive query's alone")
    void ownResultsSkipThePipeline() throws Exception {
        assertThat(SmackChatGateway.isOwnArchiveResult(archiveResult(null), ME)).isTrue();
        assertThat(SmackChatGateway.isOwnArchiveResult(archiveResult("alice@example.org"), ME)).isTrue();
    }

    @Test
    @DisplayName("a result from anyone else goes through, so it is rejected as forged")
    void foreignResultsGoThrough() throws Exception {
        assertThat(SmackChatGateway.isOwnArchiveResult(archiveResult("mallory@evil.example"), ME)).isFalse();
        assertThat(SmackChatGateway.isOwnArchiveResult(archiveResult("alice@example.org/other"), ME)).isFalse();
        assertThat(SmackChatGateway.isOwnArchiveResult(archiveResult(null), null)).as("before login").isTrue();
    }

    @Test
    @DisplayName("an ordinary message is never skipped")
    void ordinaryMessagesGoThrough() throws Exception {
        Message chat = StanzaBuilder.buildMessage("m1").from(JidCreate.from("alice@example.org"))
                .to(ME).ofType(Message.Type.chat).setBody("hello").build();
        assertThat(SmackChatGateway.isOwnArchiveResult(chat, ME)).isFalse();
    }
}
