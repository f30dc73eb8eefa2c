package im.parley.service.archive;

import im.parley.service.common.Jid;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What the user can ask the archive to forget: one account's history now, or all of the account's data every
 * time they log out. Runs on the given executor (disk work).
 */
public final class PrivacyService {

    static final String CLEAR_ON_LOGOUT = "clear-on-logout";

    private final AccountDataEraser eraser;
    private final SettingsStore settings;
    private final Executor executor;

    public PrivacyService(AccountDataEraser eraser, SettingsStore settings, Executor executor) {
        this.eraser = eraser;
        this.settings = settings;
        this.executor = executor;
    }

    public CompletableFuture<Boolean> clearsOnLogout(Jid account) {
        return CompletableFuture.supplyAsync(() -> settings.get(scope(account), CLEAR_ON_LOGOUT)
                .map(Boolean::parseBoolean).orElse(false), executor);
    }

    public CompletableFuture<Void> setClearOnLogout(Jid account, boolean clear) {
        return CompletableFuture.runAsync(() -> settings.put(scope(account), CLEAR_ON_LOGOUT, Boolean.toString(clear)),
                executor);
    }

    public CompletableFuture<Void> forgetHistory(Jid account) {
        return CompletableFuture.runAsync(() -> eraser.forgetHistory(account.bare()), executor);
    }

    /** After logout: erases the account's data when the user asked for it; completes with whether it did. */
    public CompletableFuture<Boolean> loggedOut(Jid account) {
        return CompletableFuture.supplyAsync(() -> {
            boolean clear = settings.get(scope(account), CLEAR_ON_LOGOUT).map(Boolean::parseBoolean).orElse(false);
            if (clear) {
                eraser.forgetAccount(account.bare());
            }
            return clear;
        }, executor);
    }

    private static String scope(Jid account) {
        return account.asBareString();
    }
}
