package im.parley.service.archive;

import java.util.Optional;

/** Port: the operating system's secret store (Secret Service, macOS Keychain, Windows Credential Manager). */
public interface Keychain {

    /** True when a secret store answers on this machine now. May block briefly; call off the UI thread. */
    boolean available();

    Optional<String> load(String entry) throws KeychainException;

    void save(String entry, String secret) throws KeychainException;

    void delete(String entry) throws KeychainException;

    /** The secret store refused or is not there. */
    final class KeychainException extends Exception {
        public KeychainException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
