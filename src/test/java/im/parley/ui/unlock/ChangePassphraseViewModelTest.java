package im.parley.ui.unlock;

import im.parley.service.archive.ArchiveService;
import im.parley.service.archive.ArchiveUnlockException;
import im.parley.service.archive.ArchiveUnlockException.Reason;
import im.parley.service.archive.ArchiveVault;
import im.parley.service.archive.KeySource;
import im.parley.service.archive.PassphraseMeter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChangePassphraseViewModelTest {

    private static final String OLD = "tangerine orbit velvet cactus";
    private static final String NEW = "seven quiet lanterns over the bay";

    private final List<String> changes = new ArrayList<>();
    private ArchiveUnlockException failure;
    private int changed;
    private int cancelled;

    private final ChangePassphraseViewModel model = new ChangePassphraseViewModel(new ArchiveService(new ArchiveVault() {
        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public KeySource keySource() {
            return KeySource.PASSPHRASE;
        }

        @Override
        public boolean keychainAvailable() {
            return false;
        }

        @Override
        public void create(char[] passphrase) {
        }

        @Override
        public void createWithKeychain() {
        }

        @Override
        public void unlock(char[] passphrase) {
        }

        @Override
        public void unlockFromKeychain() {
        }

        @Override
        public void changePassphrase(char[] current, char[] next) throws ArchiveUnlockException {
            changes.add(new String(current) + "->" + new String(next));
            if (failure != null) {
                throw failure;
            }
        }
    }, Runnable::run), new PassphraseMeter(), Runnable::run, Runnable::run, () -> changed++, () -> cancelled++);

    private void fill(String current, String next, String again) {
        model.currentProperty().set(current);
        model.nextProperty().set(next);
        model.confirmationProperty().set(again);
    }

    @Test
    void aStrongConfirmedNewPassphraseIsApplied() {
        fill(OLD, NEW, NEW);
        assertThat(model.strengthScoreProperty().get()).isGreaterThanOrEqualTo(3);
        model.submit();
        assertThat(changes).containsExactly(OLD + "->" + NEW);
        assertThat(changed).isEqualTo(1);
        assertThat(model.currentProperty().get()).isEmpty();
        assertThat(model.nextProperty().get()).isEmpty();
    }

    @Test
    void missingCurrentWeakNewOrMismatchAreRefusedBeforeAnythingRuns() {
        fill("", NEW, NEW);
        model.submit();
        assertThat(model.errorProperty().get()).contains("current passphrase");
        fill(OLD, "letmein1", "letmein1");
        model.submit();
        assertThat(model.errorProperty().get()).startsWith("Choose a stronger new passphrase");
        fill(OLD, NEW, NEW + " ");
        model.submit();
        assertThat(model.errorProperty().get()).contains("not the same");
        assertThat(changes).isEmpty();
        assertThat(changed).isZero();
    }

    @Test
    void aWrongCurrentPassphraseIsSaidAndCleared() {
        failure = new ArchiveUnlockException(Reason.WRONG_PASSPHRASE, "The current passphrase is not right. Nothing was changed.");
        fill("wrong", NEW, NEW);
        model.submit();
        assertThat(model.errorProperty().get()).isEqualTo("The current passphrase is not right. Nothing was changed.");
        assertThat(model.currentProperty().get()).isEmpty();
        assertThat(model.nextProperty().get()).isEqualTo(NEW);
        assertThat(changed).isZero();
    }

    @Test
    void cancelGoesBack() {
        model.cancel();
        assertThat(cancelled).isEqualTo(1);
    }
}
