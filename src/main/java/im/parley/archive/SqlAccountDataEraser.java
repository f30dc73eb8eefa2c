package im.parley.archive;

import im.parley.service.archive.AccountDataEraser;
import im.parley.service.common.Jid;

/** The service port over {@link SqlAccountEraser}. */
public final class SqlAccountDataEraser implements AccountDataEraser {

    private final SqlAccountEraser eraser;

    public SqlAccountDataEraser(SqlAccountEraser eraser) {
        this.eraser = eraser;
    }

    @Override
    public void forgetHistory(Jid account) {
        eraser.forgetHistory(account);
    }

    @Override
    public void forgetAccount(Jid account) {
        eraser.forgetAccount(account);
    }
}
