package im.parley.ui.search;

import im.parley.service.common.Jid;

/** What selecting a result does: open that conversation at that message. */
@FunctionalInterface
public interface SearchNavigation {

    void openAt(Jid conversation, String messageId);
}
