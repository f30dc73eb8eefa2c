package im.parley.service.account;

import java.util.Optional;

/** Port: the login the user asked Parley to remember. */
public interface RememberedLoginStore {

    Optional<RememberedLogin> load();

    void save(RememberedLogin login);

    void clear();
}
