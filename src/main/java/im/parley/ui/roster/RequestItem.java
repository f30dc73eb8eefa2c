package im.parley.ui.roster;

import im.parley.service.common.Jid;

/** Someone asking to see the user's presence, waiting for an answer. */
public record RequestItem(Jid jid, String address) {
}
