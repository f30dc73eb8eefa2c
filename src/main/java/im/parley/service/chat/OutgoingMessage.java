package im.parley.service.chat;

import im.parley.service.common.Jid;

/** A message handed to the network; {@code id} is used as stanza id and origin-id. */
public record OutgoingMessage(Jid to, String body, String id) {

    @Override
    public String toString() {
        return "OutgoingMessage[to=" + to + ", id=" + id + "]";
    }
}
