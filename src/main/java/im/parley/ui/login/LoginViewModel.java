package im.parley.ui.login;

import im.parley.service.account.AccountService;
import im.parley.service.account.CertificateInfo;
import im.parley.service.account.LoginException;
import im.parley.service.account.LoginFailure;
import im.parley.service.account.LoginRequest;
import im.parley.service.account.RememberedLogin;
import im.parley.service.account.RememberedLoginStore;
import im.parley.service.account.ServerAddress;
import im.parley.service.common.Failures;
import im.parley.service.common.InvalidJidException;
import im.parley.service.common.Jid;
import im.parley.ui.common.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** The login screen: validates the form, logs in, and lets the user decide about a certificate. */
public final class LoginViewModel {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final AccountService account;
    private final RememberedLoginStore remembered;
    private final UiExecutor ui;
    private final Executor background;
    private final Consumer<Jid> loggedIn;
    private final String resource = "parley-" + HexFormat.of().toHexDigits(new SecureRandom().nextInt()).substring(0, 4);

    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final BooleanProperty directTls = new SimpleBooleanProperty(false);
    private final BooleanProperty rememberMe = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper addressError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper serverError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper presentedFingerprint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pinnedFingerprint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper certificateDetails = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LoginPhase> phase = new ReadOnlyObjectWrapper<>(LoginPhase.EDITING);
    private final BooleanBinding connecting = Bindings.equal(LoginPhase.CONNECTING, phase);

    private final ReadOnlyBooleanWrapper passphraseChangeOffered = new ReadOnlyBooleanWrapper(false);
    private Runnable changePassphrase = () -> { };
    private int attempt;
    private Jid attemptedAccount;
    private CertificateInfo offeredCertificate;

    /** {@code background} does the file work (remembered login, certificate pins), never the JavaFX thread. */
    public LoginViewModel(AccountService account, RememberedLoginStore remembered, UiExecutor ui,
                          Executor background, Consumer<Jid> loggedIn) {
        this.account = account;
        this.remembered = remembered;
        this.ui = ui;
        this.background = background;
        this.loggedIn = loggedIn;
        background.execute(() -> remembered.load().ifPresent(login -> ui.execute(() -> {
            if (address.get().isEmpty()) {
                fill(login); // unless the user started typing already
            }
        })));
        address.addListener((obs, old, now) -> addressError.set(""));
    }

    private void fill(RememberedLogin login) {
        address.set(login.account().asBareString());
        login.server().ifPresent(s -> {
            host.set(s.host());
            port.set(s.port() == 0 ? "" : Integer.toString(s.port()));
            directTls.set(s.directTls());
        });
        rememberMe.set(true);
    }

    /** Validates the form and, when it is fine, starts logging in. */
    public void login() {
        if (phase.get() == LoginPhase.CONNECTING) {
            return;
        }
        error.set("");
        Optional<Jid> jid = validAccount();
        Optional<Optional<ServerAddress>> server = validServer();
        if (jid.isEmpty() || server.isEmpty()) {
            return;
        }
        if (password.get().isEmpty()) {
            error.set("Enter the password of " + jid.get().asBareString() + ".");
            return;
        }
        int current = ++attempt;
        attemptedAccount = jid.get();
        phase.set(LoginPhase.CONNECTING);
        LoginRequest request = new LoginRequest(jid.get(), password.get().toCharArray(), server.get(), resource);
        Optional<ServerAddress> chosenServer = server.get();
        account.login(request).whenComplete((bound, failure) -> ui.execute(() -> {
            if (current == attempt) {
                finished(bound, failure, chosenServer);
            }
        }));
    }

    private Optional<Jid> validAccount() {
        String text = address.get() == null ? "" : address.get().strip();
        if (text.isEmpty()) {
            addressError.set("Enter your address, such as name@example.org.");
            return Optional.empty();
        }
        try {
            return Optional.of(Jid.parseAccount(text));
        } catch (InvalidJidException e) {
            addressError.set(e.getMessage());
            return Optional.empty();
        }
    }

    /** Empty when the form is invalid; an empty inner optional when no override is set. */
    private Optional<Optional<ServerAddress>> validServer() {
        serverError.set("");
        String h = host.get() == null ? "" : host.get().strip();
        String p = port.get() == null ? "" : port.get().strip();
        if (h.isEmpty() && p.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        if (h.isEmpty()) {
            serverError.set("Enter the host name or address of the server, or clear the port.");
            return Optional.empty();
        }
        int number = 0;
        if (!p.isEmpty()) {
            try {
                number = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                number = -1;
            }
            if (number < 1 || number > 65_535) {
                serverError.set("The port must be a number from 1 to 65535.");
                return Optional.empty();
            }
        }
        try {
            return Optional.of(Optional.of(new ServerAddress(h, number, directTls.get())));
        } catch (IllegalArgumentException e) {
            serverError.set(e.getMessage());
            return Optional.empty();
        }
    }

    private void finished(Jid bound, Throwable failure, Optional<ServerAddress> server) {
        if (failure == null) {
            phase.set(LoginPhase.EDITING);
            RememberedLogin login = new RememberedLogin(attemptedAccount, server);
            boolean remember = rememberMe.get();
            background.execute(() -> {
                if (remember) {
                    remembered.save(login);
                } else {
                    remembered.clear();
                }
            });
            password.set("");
            loggedIn.accept(bound);
            return;
        }
        LoginFailure reason = LoginException.failureOf(failure);
        error.set(reason.userMessage());
        switch (reason) {
            case LoginFailure.UntrustedCertificate(CertificateInfo certificate) -> {
                offeredCertificate = certificate;
                showCertificate(certificate);
                pinnedFingerprint.set("");
                phase.set(LoginPhase.UNTRUSTED_CERTIFICATE);
            }
            case LoginFailure.CertificateChanged(CertificateInfo presented, String pinned) -> {
                offeredCertificate = null;
                showCertificate(presented);
                pinnedFingerprint.set(pinned);
                phase.set(LoginPhase.CERTIFICATE_CHANGED);
            }
            case LoginFailure.Cancelled() -> {
                error.set("");
                phase.set(LoginPhase.EDITING);
            }
            default -> phase.set(LoginPhase.EDITING);
        }
    }

    private void showCertificate(CertificateInfo certificate) {
        presentedFingerprint.set(certificate.sha256Fingerprint());
        certificateDetails.set("Issued to: " + certificate.subject() + "\nIssued by: " + certificate.issuer()
                + "\nValid: " + DAY.format(certificate.notBefore()) + " to " + DAY.format(certificate.notAfter()));
    }

    public void cancel() {
        if (phase.get() == LoginPhase.CONNECTING) {
            attempt++;
            account.cancelLogin();
            phase.set(LoginPhase.EDITING);
            error.set("Login cancelled.");
        }
    }

    /** The user compared the fingerprint and trusts it for this account: pin it and log in again. */
    public void trustCertificate() {
        if (phase.get() != LoginPhase.UNTRUSTED_CERTIFICATE || offeredCertificate == null) {
            return;
        }
        Jid trusted = attemptedAccount;
        var certificate = offeredCertificate;
        offeredCertificate = null;
        phase.set(LoginPhase.EDITING);
        CompletableFuture.runAsync(() -> account.trustCertificate(trusted, certificate), background)
                .whenComplete((ok, failure) -> ui.execute(() -> {
                    if (failure != null) {
                        error.set("The certificate could not be remembered: " + Failures.messageOf(failure));
                    } else {
                        login();
                    }
                }));
    }

    public void rejectCertificate() {
        offeredCertificate = null;
        phase.set(LoginPhase.EDITING);
        error.set("Not connected: the certificate was not trusted.");
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public BooleanProperty directTlsProperty() {
        return directTls;
    }

    public BooleanProperty rememberMeProperty() {
        return rememberMe;
    }

    public ReadOnlyStringProperty addressErrorProperty() {
        return addressError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverErrorProperty() {
        return serverError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty presentedFingerprintProperty() {
        return presentedFingerprint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pinnedFingerprintProperty() {
        return pinnedFingerprint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty certificateDetailsProperty() {
        return certificateDetails.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LoginPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public BooleanBinding connectingProperty() {
        return connecting;
    }

    /** Offers "change archive passphrase" on this screen (only for an archive that has a passphrase). */
    public void offerPassphraseChange(Runnable action) {
        changePassphrase = action;
        passphraseChangeOffered.set(true);
    }

    public void changePassphrase() {
        if (phase.get() != LoginPhase.CONNECTING) {
            changePassphrase.run();
        }
    }

    public ReadOnlyBooleanProperty passphraseChangeOfferedProperty() {
        return passphraseChangeOffered.getReadOnlyProperty();
    }
}
