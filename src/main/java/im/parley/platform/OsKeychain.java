package im.parley.platform;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import im.parley.service.archive.Keychain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The OS secret store through java-keyring: Secret Service (GNOME Keyring, KWallet) on Linux, the Keychain on macOS,
 * Credential Manager on Windows. Every call is bounded in time: a session bus that does not answer must not hang
 * the start of the app.
 */
public final class OsKeychain implements Keychain {

    private static final Logger LOG = LoggerFactory.getLogger(OsKeychain.class);
    private static final String SERVICE = "Parley";
    private static final Duration LIMIT = Duration.ofSeconds(5);
    /** Virtual threads: a call stuck in the session bus is abandoned without keeping the JVM alive. */
    private static final ExecutorService CALLS = Executors.newVirtualThreadPerTaskExecutor();

    @Override
    public boolean available() {
        try {
            return call(keyring -> true);
        } catch (KeychainException e) {
            LOG.info("No system keychain: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public Optional<String> load(String entry) throws KeychainException {
        return call(keyring -> {
            try {
                return Optional.ofNullable(keyring.getPassword(SERVICE, entry));
            } catch (PasswordAccessException e) {
                if (isNotFound(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public void save(String entry, String secret) throws KeychainException {
        call(keyring -> {
            keyring.setPassword(SERVICE, entry, secret);
            return null;
        });
    }

    @Override
    public void delete(String entry) throws KeychainException {
        call(keyring -> {
            keyring.deletePassword(SERVICE, entry);
            return null;
        });
    }

    /** java-keyring reports a missing entry as an access failure; each backend words it its own way. */
    static boolean isNotFound(PasswordAccessException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("no stored credentials") // Secret Service
                || message.contains("could not be found") || message.contains("-25300") // macOS errSecItemNotFound
                || message.contains("1168") || message.contains("element not found"); // Windows ERROR_NOT_FOUND
    }

    private <T> T call(KeyringCall<T> work) throws KeychainException {
        CompletableFuture<T> result = CompletableFuture.supplyAsync(() -> {
            try (Keyring keyring = Keyring.create()) {
                return work.run(keyring);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, CALLS);
        try {
            return result.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new KeychainException("the keychain did not answer within " + LIMIT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeychainException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            String what = cause instanceof BackendNotSupportedException ? "no supported keychain on this system"
                    : cause instanceof PasswordAccessException ? "access refused: " + cause.getMessage()
                    : String.valueOf(cause.getMessage());
            throw new KeychainException(what, cause);
        }
    }

    @FunctionalInterface
    private interface KeyringCall<T> {
        T run(Keyring keyring) throws Exception;
    }
}
