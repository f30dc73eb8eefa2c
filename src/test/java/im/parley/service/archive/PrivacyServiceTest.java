package im.parley.service.archive;

import im.parley.service.common.Jid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PrivacyServiceTest {

    private static final Jid ALICE = Jid.parse("alice@example.org/laptop");

    private final List<String> erased = new ArrayList<>();
    private final Map<String, String> settings = new HashMap<>();
    private final PrivacyService service = new PrivacyService(new AccountDataEraser() {
        @Override
        public void forgetHistory(Jid account) {
            erased.add("history " + account);
        }

        @Override
        public void forgetAccount(Jid account) {
            erased.add("account " + account);
        }
    }, new SettingsStore() {
        @Override
        public Optional<String> get(String scope, String name) {
            return Optional.ofNullable(settings.get(scope + "/" + name));
        }

        @Override
        public void put(String scope, String name, String value) {
            settings.put(scope + "/" + name, value);
        }

        @Override
        public void remove(String scope, String name) {
            settings.remove(scope + "/" + name);
        }
    }, Runnable::run);

    @Test
    void logoutKeepsEverythingUnlessTheUserAskedOtherwise() {
        assertThat(service.clearsOnLogout(ALICE).join()).isFalse();
        assertThat(service.loggedOut(ALICE).join()).isFalse();
        assertThat(erased).isEmpty();
    }

    @Test
    void clearOnLogoutErasesTheWholeAccountByItsBareAddress() {
        service.setClearOnLogout(ALICE, true).join();
        assertThat(service.clearsOnLogout(ALICE.bare()).join()).isTrue();
        assertThat(service.loggedOut(ALICE).join()).isTrue();
        assertThat(erased).containsExactly("account alice@example.org");
    }

    @Test
    void forgettingHistoryErasesOnlyTheHistory() {
        service.forgetHistory(ALICE).join();
        assertThat(erased).containsExactly("history alice@example.org");
    }
}
