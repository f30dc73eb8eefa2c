package im.parley.testsupport;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/** Creates a MUC room that outlives its creator (XEP-0045 §10.1, persistent and public). */
final class DemoRoom {

    private DemoRoom() {
    }

    static void createPersistent(XMPPConnection owner, String roomJid, String nickname, String name, String subject)
            throws Exception {
        MultiUserChat room = MultiUserChatManager.getInstanceFor(owner).getMultiUserChat(JidCreate.entityBareFrom(roomJid));
        room.create(Resourcepart.from(nickname));
        FillableForm form = room.getConfigurationForm().getFillableForm();
        form.setAnswer("muc#roomconfig_roomname", name);
        form.setAnswer("muc#roomconfig_persistentroom", true);
        form.setAnswer("muc#roomconfig_publicroom", true);
        room.sendConfigurationForm(form);
        room.changeSubject(subject);
        room.leave();
    }
}
