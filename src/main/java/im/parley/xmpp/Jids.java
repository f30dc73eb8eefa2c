package im.parley.xmpp;

import im.parley.service.common.InvalidJidException;
import im.parley.service.common.Jid;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/** Converts between Smack's JIDs and the domain's {@link Jid}. */
final class Jids {

    private Jids() {
    }

    /** The domain JID, or null when the network sent something that is not a valid address. */
    static Jid fromSmack(org.jxmpp.jid.Jid jid) {
        if (jid == null) {
            return null;
        }
        try {
            return Jid.parse(jid.toString());
        } catch (InvalidJidException e) {
            return null;
        }
    }

    static EntityBareJid toEntityBare(Jid jid) {
        try {
            return JidCreate.entityBareFrom(jid.asBareString());
        } catch (XmppStringprepException e) {
            throw new InvalidJidException("Not a valid address: " + e.getMessage());
        }
    }

    /** Also for a domain-only address (a roster may hold a server or a gateway). */
    static BareJid toBare(Jid jid) {
        try {
            return JidCreate.bareFrom(jid.asBareString());
        } catch (XmppStringprepException e) {
            throw new InvalidJidException("Not a valid address: " + e.getMessage());
        }
    }
}
