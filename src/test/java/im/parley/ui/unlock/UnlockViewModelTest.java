package im.parley.ui.unlock;

import im.parley.service.archive.ArchiveService;
import im.parley.service.archive.ArchiveUnlockException;
import im.parley.service.archive.ArchiveUnlockException.Reason;
import im.parley.service.archive.ArchiveVault;
import im.parley.service.archive.KeySource;
import im.parley.service.archive.PassphraseMeter;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

class UnlockViewModelTest {

    private static final String STRONG = "tangerine orbit velvet cactus";

    private final FakeVault vault = new FakeVault();
    private final Queue<Runnable> queued = new ArrayDeque<>();
    private int unlockedCalls;

    private UnlockViewModel model(Executor executor) {
        return new UnlockViewModel(new ArchiveService(vault, executor), new PassphraseMeter(), Runnable::run,
                Runnable::run, () -> unlockedCalls++);
    }

    private UnlockViewModel model() {
        return model(Runnable::run);
    }

    @Test
    void theModeFollowsWhetherAndHowTheArchiveExists() {
        assertThat(model().modeProperty().get()).isEqualTo(UnlockMode.CREATE);
        vault.exists = true;
        assertThat(model().modeProperty().get()).isEqualTo(UnlockMode.UNLOCK);
        vault.source = KeySource.KEYCHAIN;
        assertThat(model().modeProperty().get()).isEqualTo(UnlockMode.KEYCHAIN);
    }

    @Test
    void theStrengthIsRatedWhileTyping() {
        UnlockViewModel model = model();
        assertThat(model.strengthScoreProperty().get()).isEqualTo(-1);
        model.passphraseProperty().set("password");
        assertThat(model.strengthScoreProperty().get()).isLessThan(2);
        assertThat(model.strengthTextProperty().get()).startsWith("Very weak");
        model.passphraseProperty().set(STRONG);
        assertThat(model.strengthScoreProperty().get()).isGreaterThanOrEqualTo(3);
        model.passphraseProperty().set("");
        assertThat(model.strengthScoreProperty().get()).isEqualTo(-1);
        assertThat(model.strengthTextProperty().get()).isEmpty();
    }

    @Test
    void aWeakPassphraseIsRefusedWithAdviceAndNothingIsCreated() {
        UnlockViewModel model = model();
        model.passphraseProperty().set("parley123");
        model.confirmationProperty().set("parley123");
        model.submit();
        assertThat(model.errorProperty().get()).startsWith("Choose a stronger passphrase");
        assertThat(vault.calls).isEmpty();
        assertThat(unlockedCalls).isZero();
    }

    @Test
    void aConfirmationThatDiffersIsRefused() {
        UnlockViewModel model = model();
        model.passphraseProperty().set(STRONG);
        model.confirmationProperty().set(STRONG + "!");
        assertThat(model.confirmationMatchesProperty().get()).isFalse();
        model.submit();
        assertThat(model.errorProperty().get()).contains("not the same");
        assertThat(vault.calls).isEmpty();
    }

    @Test
    void aStrongMatchingPassphraseCreatesTheArchiveAndIsThenForgotten() {
        UnlockViewModel model = model();
        model.passphraseProperty().set(STRONG);
        model.confirmationProperty().set(STRONG);
        model.submit();
        assertThat(vault.calls).containsExactly("create:" + STRONG);
        assertThat(vault.lastPassphrase).as("the service wipes the passphrase it was handed").containsOnly('\0');
        assertThat(unlockedCalls).isEqualTo(1);
        assertThat(model.passphraseProperty().get()).isEmpty();
        assertThat(model.confirmationProperty().get()).isEmpty();
    }

    @Test
    void whileTheKeyIsDerivedTheScreenIsBusyAndASecondSubmitIsIgnored() {
        UnlockViewModel model = model(queued::add);
        vault.exists = true;
        model = model(queued::add);
        model.passphraseProperty().set(STRONG);
        model.submit();
        assertThat(model.busyProperty().get()).isTrue();
        model.submit();
        assertThat(queued).hasSize(1);
        queued.poll().run();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(unlockedCalls).isEqualTo(1);
    }

    @Test
    void aWrongPassphraseSaysSoClearsTheFieldAndStaysLocked() {
        vault.exists = true;
        vault.failure = new ArchiveUnlockException(Reason.WRONG_PASSPHRASE,
                "That passphrase does not unlock this archive. Nothing was changed; try again.");
        UnlockViewModel model = model();
        model.passphraseProperty().set("not it at all");
        model.submit();
        assertThat(model.errorProperty().get()).contains("does not unlock");
        assertThat(model.passphraseProperty().get()).isEmpty();
        assertThat(unlockedCalls).isZero();
        model.passphraseProperty().set("x");
        assertThat(model.errorProperty().get()).as("typing again clears the message").isEmpty();
    }

    @Test
    void anEmptyPassphraseIsNotTried() {
        vault.exists = true;
        UnlockViewModel model = model();
        model.submit();
        assertThat(model.errorProperty().get()).contains("Enter");
        assertThat(vault.calls).isEmpty();
    }

    @Test
    void otherFailuresKeepTheTypedPassphraseAndShowTheReason() {
        vault.exists = true;
        vault.failure = new ArchiveUnlockException(Reason.DAMAGED, "The archive's key settings are missing.");
        UnlockViewModel model = model();
        model.passphraseProperty().set(STRONG);
        model.submit();
        assertThat(model.errorProperty().get()).isEqualTo("The archive's key settings are missing.");
        assertThat(model.passphraseProperty().get()).isEqualTo(STRONG);
    }

    @Test
    void aKeychainArchiveUnlocksByItselfAndCanBeRetriedAfterAFailure() {
        vault.exists = true;
        vault.source = KeySource.KEYCHAIN;
        vault.failure = new ArchiveUnlockException(Reason.KEYCHAIN_UNAVAILABLE, "The system keychain cannot be reached.");
        UnlockViewModel model = model();
        model.start();
        assertThat(vault.calls).containsExactly("keychain-unlock");
        assertThat(model.errorProperty().get()).contains("cannot be reached");
        vault.failure = null;
        model.submit();
        assertThat(unlockedCalls).isEqualTo(1);
    }

    @Test
    void theKeychainChoiceIsOfferedOnlyWhenAKeychainAnswers() {
        UnlockViewModel model = model();
        vault.keychain = false;
        model.start();
        assertThat(model.keychainAvailableProperty().get()).isFalse();
        model.useKeychain();
        assertThat(vault.calls).isEmpty();

        vault.keychain = true;
        UnlockViewModel offered = model();
        offered.start();
        assertThat(offered.keychainAvailableProperty().get()).isTrue();
        offered.useKeychain();
        assertThat(vault.calls).containsExactly("keychain-create");
        assertThat(unlockedCalls).isEqualTo(1);
    }

    /** The vault port in memory, for this class only. */
    private static final class FakeVault implements ArchiveVault {
        boolean exists;
        boolean keychain;
        KeySource source = KeySource.PASSPHRASE;
        ArchiveUnlockException failure;
        final List<String> calls = new ArrayList<>();
        char[] lastPassphrase;

        @Override
        public boolean exists() {
            return exists;
        }

        @Override
        public KeySource keySource() {
            return source;
        }

        @Override
        public boolean keychainAvailable() {
            return keychain;
        }

        @Override
        public void create(char[] passphrase) throws ArchiveUnlockException {
            record("create:" + new String(passphrase), passphrase);
        }

        @Override
        public void createWithKeychain() throws ArchiveUnlockException {
            record("keychain-create", null);
        }

        @Override
        public void unlock(char[] passphrase) throws ArchiveUnlockException {
            record("unlock:" + new String(passphrase), passphrase);
        }

        @Override
        public void unlockFromKeychain() throws ArchiveUnlockException {
            record("keychain-unlock", null);
        }

        @Override
        public void changePassphrase(char[] current, char[] next) throws ArchiveUnlockException {
            record("change:" + new String(current) + "->" + new String(next), next);
        }

        private void record(String call, char[] passphrase) throws ArchiveUnlockException {
            calls.add(call);
            lastPassphrase = passphrase;
            if (failure != null) {
                throw failure;
            }
        }
    }
}
