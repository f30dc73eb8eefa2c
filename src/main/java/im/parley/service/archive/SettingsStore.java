package im.parley.service.archive;

import java.util.Optional;

/** Port: small named settings, per scope (an account's bare address, or "app"), kept in the encrypted archive. */
public interface SettingsStore {

    Optional<String> get(String scope, String name);

    void put(String scope, String name, String value);

    void remove(String scope, String name);
}
