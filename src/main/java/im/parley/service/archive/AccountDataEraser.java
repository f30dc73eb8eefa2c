package im.parley.service.archive;

import im.parley.service.common.Jid;

/** Port: removes an account's data from this computer for real (rows, search index, freed pages). */
public interface AccountDataEraser {

    /** Messages, conversations, search index and sync state of the account; nothing of other accounts. */
    void forgetHistory(Jid account);

    /** Everything the archive holds for the account: history, roster cache, pinned certificate, settings, login. */
    void forgetAccount(Jid account);
}
