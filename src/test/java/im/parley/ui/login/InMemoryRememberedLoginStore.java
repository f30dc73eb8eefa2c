package im.parley.ui.login;

import im.parley.service.account.RememberedLogin;
import im.parley.service.account.RememberedLoginStore;

import java.util.Optional;

/** Remembers one login in a field and counts what it was asked to do. */
final class InMemoryRememberedLoginStore implements RememberedLoginStore {

    RememberedLogin stored;
    int saves;
    int clears;

    @Override
    public Optional<RememberedLogin> load() {
        return Optional.ofNullable(stored);
    }

    @Override
    public void save(RememberedLogin login) {
        stored = login;
        saves++;
    }

    @Override
    public void clear() {
        stored = null;
        clears++;
    }
}
