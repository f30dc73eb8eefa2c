package im.parley.ui.unlock;

import im.parley.service.archive.PassphraseMeter;
import im.parley.service.archive.PassphraseStrength;
import im.parley.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.concurrent.Executor;

/** The live strength rating of a passphrase being typed, shared by the screens that set one. */
final class StrengthRating {

    private static final List<String> APP_WORDS = List.of("parley");

    private final PassphraseMeter meter;
    private final UiExecutor ui;
    private final Executor background;
    private final ReadOnlyIntegerWrapper score = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private int ticket;

    StrengthRating(PassphraseMeter meter, UiExecutor ui, Executor background) {
        this.meter = meter;
        this.ui = ui;
        this.background = background;
    }

    /** Rates off the UI thread; a rating of older text never replaces a newer one. Call on the UI thread. */
    void rate(String typed) {
        int mine = ++ticket;
        background.execute(() -> {
            PassphraseStrength rated = rateNow(typed);
            ui.execute(() -> {
                if (mine == ticket) {
                    boolean empty = rated.label().isEmpty();
                    score.set(empty ? -1 : rated.score());
                    text.set(empty ? "" : rated.label() + ". " + rated.advice());
                }
            });
        });
    }

    /** On the calling thread (a background one). */
    PassphraseStrength rateNow(String typed) {
        return meter.rate(typed, APP_WORDS);
    }

    static boolean strongEnough(int score) {
        return score >= PassphraseStrength.MINIMUM_SCORE;
    }

    ReadOnlyIntegerProperty scoreProperty() {
        return score.getReadOnlyProperty();
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
