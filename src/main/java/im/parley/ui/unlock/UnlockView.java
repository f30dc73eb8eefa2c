package im.parley.ui.unlock;

import atlantafx.base.theme.Styles;
import im.parley.ui.common.CardScreen;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Objects;

/** The archive screen shown before login, bound to an {@link UnlockViewModel}. */
public final class UnlockView {

    private final UnlockViewModel model;
    private final ScrollPane root = new ScrollPane();

    public UnlockView(UnlockViewModel model) {
        this.model = model;
        UnlockMode mode = model.modeProperty().get();
        VBox card = new VBox(12, header(mode));
        card.getChildren().add(switch (mode) {
            case CREATE -> createForm();
            case UNLOCK -> unlockForm();
            case KEYCHAIN -> keychainPanel();
        });
        card.getChildren().add(errorLabel());
        CardScreen.wrap(root, card);
    }

    public Parent root() {
        return root;
    }

    private Node header(UnlockMode mode) {
        ImageView logo = new ImageView(new Image(
                Objects.requireNonNull(UnlockView.class.getResource("/im/parley/icons/parley-64.png")).toExternalForm(),
                48, 48, true, true));
        Label title = new Label(mode == UnlockMode.CREATE ? "Protect your archive" : "Unlock Parley");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label(switch (mode) {
            case CREATE -> "Parley keeps your messages, contacts and settings in an encrypted archive on this "
                    + "computer. Choose the passphrase that opens it.";
            case UNLOCK -> "Your messages and settings are encrypted. Enter your archive passphrase.";
            case KEYCHAIN -> "Opening your archive with the key in the system keychain…";
        });
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);
        VBox text = new VBox(2, title, subtitle);
        HBox box = new HBox(12, logo, text);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node createForm() {
        PasswordField passphrase = passphraseField("Passphrase");
        ProgressBar meter = new ProgressBar(0);
        meter.setId("strengthMeter");
        meter.setMaxWidth(Double.MAX_VALUE);
        Label strength = new Label();
        strength.setId("strengthLabel");
        strength.setWrapText(true);
        strength.setMinHeight(36); // two lines kept free: the advice appearing must not move the buttons under the pointer
        strength.textProperty().bind(model.strengthTextProperty());
        model.strengthScoreProperty().addListener((obs, old, now) -> showStrength(now.intValue(), meter));

        PasswordField confirmation = new PasswordField();
        confirmation.setId("confirmation");
        confirmation.setPromptText("Passphrase again");
        confirmation.textProperty().bindBidirectional(model.confirmationProperty());
        passphrase.setOnAction(e -> confirmation.requestFocus());
        confirmation.setOnAction(e -> model.submit());
        Label mismatch = new Label("Not the same as above");
        mismatch.setId("mismatch");
        mismatch.getStyleClass().add(Styles.DANGER);
        mismatch.visibleProperty().bind(model.confirmationMatchesProperty().not()
                .and(model.confirmationProperty().isNotEmpty()));
        mismatch.managedProperty().bind(mismatch.visibleProperty());

        Button create = primary("Create archive", "create");
        Label warning = new Label("There is no way to recover the archive without this passphrase.");
        warning.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        warning.setWrapText(true);

        Hyperlink keychain = new Hyperlink("Keep the key in the system keychain instead");
        keychain.setId("useKeychain");
        keychain.setWrapText(true);
        keychain.setOnAction(e -> model.useKeychain());
        keychain.disableProperty().bind(model.keychainAvailableProperty().not().or(model.busyProperty()));
        Label keychainNote = new Label();
        keychainNote.setId("keychainNote");
        keychainNote.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        keychainNote.setWrapText(true);
        keychainNote.textProperty().bind(Bindings.when(model.keychainAvailableProperty())
                .then("Parley then opens without asking, whenever you are logged in to this computer. "
                        + "Anyone using your desktop session can open it too.")
                .otherwise("No system keychain answers on this computer, so a passphrase is needed."));

        VBox fields = new VBox(6, new Label("Passphrase"), passphrase, meter, strength,
                new Label("Repeat it"), confirmation, mismatch);
        fields.disableProperty().bind(model.busyProperty());
        return new VBox(12, fields, busyRow(create), warning, keychain, keychainNote);
    }

    private Node unlockForm() {
        PasswordField passphrase = passphraseField("Passphrase");
        passphrase.setOnAction(e -> model.submit());
        passphrase.disableProperty().bind(model.busyProperty());
        Button unlock = primary("Unlock", "unlock");
        return new VBox(12, passphrase, busyRow(unlock));
    }

    private Node keychainPanel() {
        Button retry = primary("Try again", "retry");
        retry.visibleProperty().bind(model.errorProperty().isNotEmpty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(28, 28);
        spinner.visibleProperty().bind(model.busyProperty());
        HBox row = new HBox(12, spinner, retry);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private PasswordField passphraseField(String prompt) {
        PasswordField field = new PasswordField();
        field.setId("passphrase");
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(model.passphraseProperty());
        // Typing goes straight into the passphrase once the screen is up.
        field.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                field.requestFocus();
            }
        });
        model.passphraseProperty().addListener((obs, old, now) -> {
            if (now.isEmpty()) {
                field.requestFocus();
            }
        });
        return field;
    }

    private Button primary(String text, String id) {
        Button button = new Button(text);
        button.setId(id);
        button.setDefaultButton(true);
        button.getStyleClass().add(Styles.ACCENT);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setOnAction(e -> model.submit());
        button.disableProperty().bind(model.busyProperty());
        HBox.setHgrow(button, javafx.scene.layout.Priority.ALWAYS);
        return button;
    }

    private Node busyRow(Button action) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("unlockSpinner");
        spinner.setPrefSize(24, 24);
        spinner.visibleProperty().bind(model.busyProperty());
        spinner.managedProperty().bind(model.busyProperty());
        HBox row = new HBox(10, action, spinner);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node errorLabel() {
        Label error = new Label();
        error.setId("unlockError");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private void showStrength(int score, ProgressBar meter) {
        meter.setProgress(score < 0 ? 0 : (score + 1) / 5.0);
        meter.getStyleClass().removeAll("strength-weak", "strength-fair", "strength-strong");
        if (score >= 0) {
            meter.getStyleClass().add(score < 2 ? "strength-weak" : model.strongEnough(score) ? "strength-strong" : "strength-fair");
        }
    }
}
