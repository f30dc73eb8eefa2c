package im.parley.ui.login;

import atlantafx.base.theme.Styles;
import im.parley.ui.common.CardScreen;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The login window's content, bound to a {@link LoginViewModel}. */
public final class LoginView {

    private static final int BYTES_PER_LINE = 8;

    private final LoginViewModel model;
    private final ScrollPane root = new ScrollPane();

    public LoginView(LoginViewModel model) {
        this.model = model;
        VBox card = new VBox(12, header(), form(), advanced(), actions(), errorLabel(),
                builtWhenShown(this::untrustedPanel, LoginPhase.UNTRUSTED_CERTIFICATE),
                builtWhenShown(this::changedPanel, LoginPhase.CERTIFICATE_CHANGED));
        CardScreen.wrap(root, card);
        model.phaseProperty().addListener((obs, old, phase) -> {
            if (phase == LoginPhase.UNTRUSTED_CERTIFICATE || phase == LoginPhase.CERTIFICATE_CHANGED) {
                // The decision is at the bottom of the card: lay the panel out now and bring it into view.
                root.applyCss();
                root.layout();
                root.setVvalue(root.getVmax());
            }
        });
    }

    public Parent root() {
        return root;
    }

    private Node header() {
        // The app's own icon, not an icon font: the login window is the first frame, and loading the font costs.
        ImageView logo = new ImageView(new Image(
                java.util.Objects.requireNonNull(LoginView.class.getResource("/im/parley/icons/parley-64.png")).toExternalForm(),
                48, 48, true, true));
        Label title = new Label("Parley");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Sign in to your XMPP account");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        VBox text = new VBox(2, title, subtitle);
        HBox box = new HBox(12, logo, text);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node form() {
        TextField address = new TextField();
        address.setId("address");
        address.setPromptText("name@example.org");
        address.textProperty().bindBidirectional(model.addressProperty());
        Label addressError = errorText(model.addressErrorProperty());
        addressError.setId("addressError");
        model.addressErrorProperty().addListener((obs, old, now) ->
                address.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));

        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText("Password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        password.setOnAction(e -> model.login());
        address.setOnAction(e -> password.requestFocus());

        CheckBox remember = new CheckBox("Remember me on this computer");
        remember.setId("rememberMe");
        remember.setTooltip(new javafx.scene.control.Tooltip(
                "Keeps your address and server settings for the next start. The password is never stored."));
        remember.selectedProperty().bindBidirectional(model.rememberMeProperty());

        VBox box = new VBox(6, new Label("Address"), address, addressError, new Label("Password"), password, remember);
        box.disableProperty().bind(model.connectingProperty());
        return box;
    }

    private Node advanced() {
        TextField host = new TextField();
        host.setId("host");
        host.setPromptText("found through DNS");
        host.textProperty().bindBidirectional(model.hostProperty());
        TextField port = new TextField();
        port.setId("port");
        port.setPromptText("5222");
        port.setPrefColumnCount(6);
        port.textProperty().bindBidirectional(model.portProperty());
        CheckBox directTls = new CheckBox("Direct TLS (usually port 5223)");
        directTls.setTooltip(new javafx.scene.control.Tooltip(
                "TLS from the first byte (XEP-0368) instead of STARTTLS. Either way, Parley never connects unencrypted."));
        directTls.setId("directTls");
        directTls.selectedProperty().bindBidirectional(model.directTlsProperty());

        GridPane grid = new GridPane(8, 6);
        grid.addRow(0, fixedLabel("Host"), host);
        grid.addRow(1, fixedLabel("Port"), port);
        grid.add(directTls, 1, 2);
        Label serverError = errorText(model.serverErrorProperty());
        serverError.setId("serverError");
        grid.add(serverError, 1, 3);
        GridPane.setHgrow(host, Priority.ALWAYS);

        TitledPane pane = new TitledPane("Advanced", grid);
        pane.setId("advanced");
        pane.setExpanded(!model.hostProperty().get().isEmpty());
        pane.disableProperty().bind(model.connectingProperty());
        model.serverErrorProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                pane.setExpanded(true);
            }
        });
        return pane;
    }

    private Node actions() {
        Button login = new Button("Log in");
        login.setId("login");
        login.setDefaultButton(true);
        login.getStyleClass().add(Styles.ACCENT);
        login.setMaxWidth(Double.MAX_VALUE);
        login.setOnAction(e -> model.login());
        login.visibleProperty().bind(model.connectingProperty().not());
        login.managedProperty().bind(login.visibleProperty());

        Label connecting = new Label("Connecting securely…");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.cancel());
        HBox progress = new HBox(10, connecting, gap, cancel);
        progress.setId("progress");
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(model.connectingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.visibleProperty().addListener((obs, was, shown) -> {
            if (shown && !(progress.getChildren().getFirst() instanceof ProgressIndicator)) {
                ProgressIndicator spinner = new ProgressIndicator(); // animated: built when first needed
                spinner.setPrefSize(22, 22);
                progress.getChildren().addFirst(spinner);
            }
        });
        HBox.setHgrow(login, Priority.ALWAYS);
        javafx.scene.control.Hyperlink change = new javafx.scene.control.Hyperlink("Change archive passphrase…");
        change.setId("offerPassphraseChange");
        change.getStyleClass().add(Styles.TEXT_SMALL);
        change.setOnAction(e -> model.changePassphrase());
        change.visibleProperty().bind(model.passphraseChangeOfferedProperty().and(model.connectingProperty().not()));
        change.managedProperty().bind(change.visibleProperty());
        return new VBox(6, login, progress, change);
    }

    private Node errorLabel() {
        Label error = errorText(model.errorProperty());
        error.setId("error");
        return error;
    }

    private Node untrustedPanel() {
        Label explain = new Label("Compare this SHA-256 fingerprint with the one your server's administrator "
                + "published. Trust it only if they match: Parley will then accept exactly this certificate for "
                + "this account, and refuse any other.");
        explain.setWrapText(true);
        Button trust = new Button("Trust and log in");
        trust.setId("trust");
        trust.getStyleClass().add(Styles.ACCENT);
        trust.setOnAction(e -> model.trustCertificate());
        Button reject = new Button("Don't trust");
        reject.setId("rejectCertificate");
        reject.setOnAction(e -> model.rejectCertificate());
        VBox panel = new VBox(8, explain, fingerprintField("fingerprint", model.presentedFingerprintProperty()),
                details(), new HBox(8, trust, reject));
        panel.getStyleClass().add("certificate-panel");
        return panel;
    }

    private Node changedPanel() {
        Label explain = new Label("Trusted before:");
        Label now = new Label("Presented now:");
        VBox panel = new VBox(6, explain, fingerprintField("pinnedFingerprint", model.pinnedFingerprintProperty()),
                now, fingerprintField("presentedFingerprint", model.presentedFingerprintProperty()), details());
        panel.getStyleClass().addAll("certificate-panel", "certificate-changed");
        return panel;
    }

    private Label details() {
        Label details = new Label();
        details.textProperty().bind(model.certificateDetailsProperty());
        details.getStyleClass().add(Styles.TEXT_SMALL);
        details.setWrapText(true);
        return details;
    }

    private static Label fixedLabel(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** The fingerprint, selectable so it can be copied. */
    private static TextArea fingerprintField(String id, javafx.beans.value.ObservableStringValue fingerprint) {
        TextArea field = new TextArea();
        field.textProperty().bind(Bindings.createStringBinding(() -> inLines(fingerprint.get()), fingerprint));
        field.setEditable(false);
        field.setPrefRowCount(4);
        field.setWrapText(false);
        field.getStyleClass().add("fingerprint");
        field.setId(id);
        return field;
    }

    /** 32 bytes as four lines of eight, easy to compare group by group with what the administrator published. */
    private static String inLines(String fingerprint) {
        if (fingerprint == null) {
            return "";
        }
        String[] bytes = fingerprint.split(":");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            text.append(bytes[i]);
            if (i < bytes.length - 1) {
                text.append((i + 1) % BYTES_PER_LINE == 0 ? "\n" : ":");
            }
        }
        return text.toString();
    }

    /**
     * A slot for a panel that only some logins need, built the first time its phase comes: the login window is
     * the first frame, and every control in it costs start-up time.
     */
    private Node builtWhenShown(java.util.function.Supplier<Node> panel, LoginPhase phase) {
        VBox slot = new VBox();
        slot.visibleProperty().bind(Bindings.equal(phase, model.phaseProperty()));
        slot.managedProperty().bind(slot.visibleProperty());
        slot.visibleProperty().addListener((obs, was, shown) -> {
            if (shown && slot.getChildren().isEmpty()) {
                slot.getChildren().add(panel.get());
            }
        });
        return slot;
    }

    private static Label errorText(javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add(Styles.DANGER);
        label.setWrapText(true);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
