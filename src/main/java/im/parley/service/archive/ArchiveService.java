package im.parley.service.archive;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Creates and unlocks the encrypted archive off the caller's thread (key derivation takes a noticeable moment) and
 * wipes every passphrase it is handed once used. Futures fail with {@link ArchiveUnlockException}.
 */
public final class ArchiveService {

    private final ArchiveVault vault;
    private final Executor executor;

    public ArchiveService(ArchiveVault vault, Executor executor) {
        this.vault = vault;
        this.executor = executor;
    }

    public boolean exists() {
        return vault.exists();
    }

    public KeySource keySource() {
        return vault.keySource();
    }

    public CompletableFuture<Boolean> keychainAvailable() {
        return CompletableFuture.supplyAsync(vault::keychainAvailable, executor);
    }

    public CompletableFuture<Void> create(char[] passphrase) {
        return run(() -> vault.create(passphrase), passphrase);
    }

    public CompletableFuture<Void> createWithKeychain() {
        return run(vault::createWithKeychain, new char[0]);
    }

    public CompletableFuture<Void> unlock(char[] passphrase) {
        return run(() -> vault.unlock(passphrase), passphrase);
    }

    public CompletableFuture<Void> unlockFromKeychain() {
        return run(vault::unlockFromKeychain, new char[0]);
    }

    public CompletableFuture<Void> changePassphrase(char[] current, char[] next) {
        return CompletableFuture.runAsync(() -> {
            try {
                vault.changePassphrase(current, next);
            } catch (ArchiveUnlockException e) {
                throw new CompletionException(e);
            } finally {
                Arrays.fill(current, '\0');
                Arrays.fill(next, '\0');
            }
        }, executor);
    }

    private CompletableFuture<Void> run(VaultCall call, char[] toWipe) {
        return CompletableFuture.runAsync(() -> {
            try {
                call.run();
            } catch (ArchiveUnlockException e) {
                throw new CompletionException(e);
            } finally {
                Arrays.fill(toWipe, '\0');
            }
        }, executor);
    }

    @FunctionalInterface
    private interface VaultCall {
        void run() throws ArchiveUnlockException;
    }
}
