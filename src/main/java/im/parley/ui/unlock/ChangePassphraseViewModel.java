package im.parley.ui.unlock;

import im.parley.service.archive.ArchiveService;
import im.parley.service.archive.ArchiveUnlockException;
import im.parley.service.archive.PassphraseMeter;
import im.parley.service.archive.PassphraseStrength;
import im.parley.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Changing the archive passphrase: the current one, a new one (rated as it is typed, the same floor as when
 * creating) typed twice. The change itself is crash-safe and runs in the background.
 */
public final class ChangePassphraseViewModel {

    private final ArchiveService archive;
    private final StrengthRating strength;
    private final UiExecutor ui;
    private final Executor background;
    private final Runnable changed;
    private final Runnable cancelled;

    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty next = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public ChangePassphraseViewModel(ArchiveService archive, PassphraseMeter meter, UiExecutor ui, Executor background,
                                     Runnable changed, Runnable cancelled) {
        this.archive = archive;
        this.strength = new StrengthRating(meter, ui, background);
        this.ui = ui;
        this.background = background;
        this.changed = changed;
        this.cancelled = cancelled;
        current.addListener((obs, old, now) -> error.set(""));
        confirmation.addListener((obs, old, now) -> error.set(""));
        next.addListener((obs, old, now) -> {
            error.set("");
            strength.rate(now);
        });
    }

    public void submit() {
        if (busy.get()) {
            return;
        }
        if (current.get().isEmpty()) {
            error.set("Enter the current passphrase.");
            return;
        }
        PassphraseStrength rated = strength.rateNow(next.get());
        if (!rated.acceptable()) {
            error.set("Choose a stronger new passphrase: " + rated.advice());
            return;
        }
        if (!next.get().equals(confirmation.get())) {
            error.set("The two new passphrases are not the same.");
            return;
        }
        busy.set(true);
        archive.changePassphrase(current.get().toCharArray(), next.get().toCharArray())
                .whenComplete((ok, failure) -> ui.execute(() -> {
                    busy.set(false);
                    if (failure == null) {
                        current.set("");
                        next.set("");
                        confirmation.set("");
                        changed.run();
                        return;
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (cause instanceof ArchiveUnlockException e
                            && e.reason() == ArchiveUnlockException.Reason.WRONG_PASSPHRASE) {
                        current.set("");
                    }
                    error.set(cause instanceof ArchiveUnlockException e ? e.getMessage()
                            : "The passphrase was not changed: " + cause.getMessage());
                }));
    }

    public void cancel() {
        if (!busy.get()) {
            cancelled.run();
        }
    }

    public boolean strongEnough(int score) {
        return StrengthRating.strongEnough(score);
    }

    public StringProperty currentProperty() {
        return current;
    }

    public StringProperty nextProperty() {
        return next;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public ReadOnlyIntegerProperty strengthScoreProperty() {
        return strength.scoreProperty();
    }

    public ReadOnlyStringProperty strengthTextProperty() {
        return strength.textProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
