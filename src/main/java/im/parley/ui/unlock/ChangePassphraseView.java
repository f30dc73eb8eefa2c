package im.parley.ui.unlock;

import atlantafx.base.theme.Styles;
import im.parley.ui.common.CardScreen;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The change-passphrase screen, bound to a {@link ChangePassphraseViewModel}. */
public final class ChangePassphraseView {

    private final ScrollPane root = new ScrollPane();

    public ChangePassphraseView(ChangePassphraseViewModel model) {
        Label title = new Label("Change archive passphrase");
        title.getStyleClass().add(Styles.TITLE_3);
        Label note = new Label("Parley re-encrypts the archive. If the computer stops in the middle, the old or the "
                + "new passphrase opens it, never neither.");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);

        PasswordField current = field("currentPassphrase", "Current passphrase");
        current.textProperty().bindBidirectional(model.currentProperty());
        current.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                current.requestFocus();
            }
        });
        PasswordField next = field("newPassphrase", "New passphrase");
        next.textProperty().bindBidirectional(model.nextProperty());
        ProgressBar meter = new ProgressBar(0);
        meter.setMaxWidth(Double.MAX_VALUE);
        Label strength = new Label();
        strength.setId("newStrength");
        strength.setWrapText(true);
        strength.setMinHeight(36); // two lines kept free: the advice appearing must not move the buttons under the pointer
        strength.textProperty().bind(model.strengthTextProperty());
        model.strengthScoreProperty().addListener((obs, old, now) -> {
            int score = now.intValue();
            meter.setProgress(score < 0 ? 0 : (score + 1) / 5.0);
            meter.getStyleClass().removeAll("strength-weak", "strength-fair", "strength-strong");
            if (score >= 0) {
                meter.getStyleClass().add(score < 2 ? "strength-weak" : model.strongEnough(score) ? "strength-strong" : "strength-fair");
            }
        });
        PasswordField confirmation = field("newConfirmation", "New passphrase again");
        confirmation.textProperty().bindBidirectional(model.confirmationProperty());
        current.setOnAction(e -> next.requestFocus());
        next.setOnAction(e -> confirmation.requestFocus());
        confirmation.setOnAction(e -> model.submit());

        Button change = new Button("Change passphrase");
        change.setId("changePassphrase");
        change.setDefaultButton(true);
        change.getStyleClass().add(Styles.ACCENT);
        change.setOnAction(e -> model.submit());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelChange");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.cancel());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(24, 24);
        spinner.visibleProperty().bind(model.busyProperty());
        HBox actions = new HBox(10, change, cancel, spinner);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(change, Priority.NEVER);

        Label error = new Label();
        error.setId("changeError");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(model.errorProperty().isNotEmpty());

        VBox fields = new VBox(6, new Label("Current passphrase"), current, new Label("New passphrase"), next, meter,
                strength, new Label("Repeat the new passphrase"), confirmation);
        fields.disableProperty().bind(model.busyProperty());
        actions.disableProperty().bind(model.busyProperty());
        VBox card = new VBox(12, title, note, fields, actions, error);
        CardScreen.wrap(root, card);
    }

    public Parent root() {
        return root;
    }

    private static PasswordField field(String id, String prompt) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }
}
