package im.parley.ui.unlock;

import im.parley.service.archive.ArchiveService;
import im.parley.service.archive.ArchiveUnlockException;
import im.parley.service.archive.KeySource;
import im.parley.service.archive.PassphraseMeter;
import im.parley.service.archive.PassphraseStrength;
import im.parley.ui.common.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The archive screen before login: create the encrypted archive with a passphrase (rated as it is typed) or with
 * the key in the OS keychain, or unlock it. Key derivation runs in the background; a wrong passphrase says so and
 * changes nothing.
 */
public final class UnlockViewModel {

    private final ArchiveService archive;
    private final StrengthRating strength;
    private final UiExecutor ui;
    private final Executor background;
    private final Runnable unlocked;

    private final ReadOnlyObjectWrapper<UnlockMode> mode = new ReadOnlyObjectWrapper<>();
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper keychainAvailable = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding confirmationMatches =
            Bindings.createBooleanBinding(() -> passphrase.get().equals(confirmation.get()), passphrase, confirmation);

    public UnlockViewModel(ArchiveService archive, PassphraseMeter meter, UiExecutor ui, Executor background,
                           Runnable unlocked) {
        this.archive = archive;
        this.strength = new StrengthRating(meter, ui, background);
        this.ui = ui;
        this.background = background;
        this.unlocked = unlocked;
        mode.set(!archive.exists() ? UnlockMode.CREATE
                : archive.keySource() == KeySource.KEYCHAIN ? UnlockMode.KEYCHAIN : UnlockMode.UNLOCK);
        passphrase.addListener((obs, old, now) -> {
            error.set("");
            if (mode.get() == UnlockMode.CREATE) {
                strength.rate(now);
            }
        });
        confirmation.addListener((obs, old, now) -> error.set(""));
    }

    /** Starts what needs no input: the keychain probe when creating, the silent unlock for a keychain archive. */
    public void start() {
        switch (mode.get()) {
            case CREATE -> archive.keychainAvailable()
                    .thenAccept(available -> ui.execute(() -> keychainAvailable.set(available)));
            case KEYCHAIN -> run(archive.unlockFromKeychain());
            case UNLOCK -> { }
        }
    }

    /** The primary action: create with the passphrase, or unlock with it. */
    public void submit() {
        if (busy.get()) {
            return;
        }
        String typed = passphrase.get();
        switch (mode.get()) {
            case CREATE -> {
                PassphraseStrength rated = strength.rateNow(typed);
                if (!rated.acceptable()) {
                    error.set("Choose a stronger passphrase: " + rated.advice());
                    return;
                }
                if (!confirmationMatches.get()) {
                    error.set("The two passphrases are not the same.");
                    return;
                }
                run(archive.create(typed.toCharArray()));
            }
            case UNLOCK -> {
                if (typed.isEmpty()) {
                    error.set("Enter the archive's passphrase.");
                    return;
                }
                run(archive.unlock(typed.toCharArray()));
            }
            case KEYCHAIN -> run(archive.unlockFromKeychain());
        }
    }

    /** Creates the archive with a random key kept in the OS keychain instead of a passphrase. */
    public void useKeychain() {
        if (busy.get() || mode.get() != UnlockMode.CREATE || !keychainAvailable.get()) {
            return;
        }
        run(archive.createWithKeychain());
    }

    private void run(CompletableFuture<Void> work) {
        busy.set(true);
        error.set("");
        work.whenComplete((ok, failure) -> ui.execute(() -> {
            busy.set(false);
            if (failure == null) {
                passphrase.set("");
                confirmation.set("");
                unlocked.run();
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof ArchiveUnlockException e
                        && e.reason() == ArchiveUnlockException.Reason.WRONG_PASSPHRASE) {
                    passphrase.set(""); // before the message: typing clears it
                }
                error.set(cause instanceof ArchiveUnlockException e ? e.getMessage()
                        : "The archive could not be opened: " + cause.getMessage());
            }
        }));
    }

    public ReadOnlyObjectProperty<UnlockMode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    /** 0 (trivial) to 4 (very strong), or -1 while nothing is typed. */
    public ReadOnlyIntegerProperty strengthScoreProperty() {
        return strength.scoreProperty();
    }

    /** The rating and advice in words, empty while nothing is typed. */
    public ReadOnlyStringProperty strengthTextProperty() {
        return strength.textProperty();
    }

    public boolean strongEnough(int score) {
        return StrengthRating.strongEnough(score);
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty keychainAvailableProperty() {
        return keychainAvailable.getReadOnlyProperty();
    }

    public BooleanBinding confirmationMatchesProperty() {
        return confirmationMatches;
    }
}
