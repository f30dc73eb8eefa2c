package im.parley.ui.roster;

import im.parley.service.common.Jid;
import im.parley.ui.common.PresenceTone;

/** A contact as the roster list draws it; everything but {@code jid} is display text. */
public record ContactItem(Jid jid, String address, String name, PresenceTone tone, String status,
                          String subscriptionNote, int unread, String group) {
}
