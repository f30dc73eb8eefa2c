package im.parley.ui.login;

import im.parley.service.account.AccountService;
import im.parley.service.account.CertificateInfo;
import im.parley.service.account.FakeConnectionGateway;
import im.parley.service.account.InMemoryPinStore;
import im.parley.service.account.LoginException;
import im.parley.service.account.LoginFailure;
import im.parley.service.account.RememberedLogin;
import im.parley.service.account.ServerAddress;
import im.parley.service.common.Jid;
import im.parley.ui.common.UiExecutor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LoginViewModelTest {

    private static final Jid ALICE = Jid.parse("alice@example.org");
    private static final Jid BOUND = Jid.parse("alice@example.org/parley-1a2b");
    private static final CertificateInfo SELF_SIGNED = new CertificateInfo("AA:BB:CC", "CN=example.org",
            "CN=example.org", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
    private static final CertificateInfo OTHER = new CertificateInfo("DD:EE:FF", "CN=example.org",
            "CN=Someone Else", Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z"));

    private final FakeConnectionGateway gateway = new FakeConnectionGateway();
    private final InMemoryPinStore pins = new InMemoryPinStore();
    private final AccountService account = new AccountService(gateway, pins);
    private final InMemoryRememberedLoginStore remembered = new InMemoryRememberedLoginStore();
    private final List<Jid> loggedIn = new ArrayList<>();

    private LoginViewModel newModel() {
        return new LoginViewModel(account, remembered, UiExecutor.direct(), Runnable::run, loggedIn::add);
    }

    private LoginViewModel filledModel() {
        LoginViewModel model = newModel();
        model.addressProperty().set("alice@example.org");
        model.passwordProperty().set("secret");
        return model;
    }

    private static LoginException failure(LoginFailure reason) {
        return new LoginException(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "example.org", "alice@", "@example.org", "alice@example.org/phone",
            "alice smith@example.org"})
    @DisplayName("an invalid address shows an address error and does not connect")
    void invalidAddress(String address) {
        LoginViewModel model = filledModel();
        model.addressProperty().set(address);

        model.login();

        assertThat(model.addressErrorProperty().get()).isNotBlank();
        assertThat(gateway.connects).isEmpty();
        assertThat(model.phaseProperty().get()).isEqualTo(LoginPhase.EDITING);
    }

    @Test
    @DisplayName("an address without user name says to include it; editing the address clears the error")
    void addressErrorMessageAndClearing() {
        LoginViewModel model = filledModel();
        model.addressProperty().set("example.org");

        model.login();
        assertThat(model.addressErrorProperty().get()).isEqualTo("Include your user name: name@example.org.");

        model.addressProperty().set("alice@example.org");
        assertThat(model.addressErrorProperty().get()).isEmpty();
    }

    @Test
    @DisplayName("an empty password shows an error and does not connect")
    void emptyPassword() {
        LoginViewModel model = filledModel();
        model.passwordProperty().set("");

        model.login();

        assertThat(model.errorProperty().get()).isEqualTo("Enter the password of alice@example.org.");
        assertThat(gateway.connects).isEmpty();
        assertThat(model.phaseProperty().get()).isEqualTo(LoginPhase.EDITING);
    }

    @ParameterizedTest(name = "host \"{0}\", port \"{1}\"")
    @CsvSource(value = {
            "xmpp.example.org|abc|The port must be a number from 1 to 65535.",
            "xmpp.example.org|70000|The port must be a number from 1 to 65535.",
            "xmpp.example.org|0|The port must be a number from 1 to 65535.",
            "xmpp.example.org|-1|The port must be a number from 1 to 65535.",
            "|5222|Enter the host name or address of the server, or clear the port.",
            "   |5222|Enter the host name or address of the server, or clear the port."},
            delimiter = '|', ignoreLeadingAndTrailingWhitespace = false)
    @DisplayName("a bad server override shows a server error and does not connect")
    void badServer(String host, String port, String message) {
        LoginViewModel model = filledModel();
        model.hostProperty().set(host == null ? "" : host);
        model.portProperty().set(port);

        model.login();

        assertThat(model.serverErrorProperty().get()).isEqualTo(message);
        assertThat(gateway.connects).isEmpty();
        assertThat(model.phaseProperty().get()).isEqualTo(LoginPhase.EDITING);
    }

    @Test
    @DisplayName("a valid server override reaches the gateway with the request; a fixed form clears the server error")
    void serverOverrideReachesGateway() {
        LoginViewModel model = filledModel();
        model.hostProperty().set("xmpp.example.org");
        model.portProperty().set("70000");
        model.login();
        assertThat(model.serverErrorProperty().get()).isNotEmpty();

        model.portProperty().set(" 5223 ");
        model.directTlsProperty().set(true);
        model.login();

        assertThat(model.serverErrorProperty().get()).isEmpty();
        assertThat(gateway.connects).hasSize(1);
        assertThat(gateway.lastConnect().request().server())
                .contains(new ServerAddress("xmpp.example.org", 5223, true));
    }

    @Test
    @DisplayName("login sends the account and password and shows progress until the server answers")
    void loginConnects() {
        LoginViewModel model = filledModel();

        model.login();

        assertThat(gateway.connects).hasSize(1);
        assertThat(gateway.lastConnect().request().account()).isEqualTo(ALICE);
        assertThat(gateway.lastConnect().request().password()).containsExactly("secret".toCharArray());
        assertThat(gateway.lastConnect().request().server()).isEmpty();
        assertThat(gateway.lastConnect().pinnedFingerprint()).isEmpty();
        assertThat(model.phaseProperty().get()).isEqualTo(LoginPhase.CONNECTING);
        assertThat(model.connectingProperty().get()).isTrue();
        assertThat(loggedIn).isEmpty();
    }

    @Test
    @DisplayName("pressing login again while connecting does not start a second attempt")
    void loginWhileConnectingIgnored() {
        LoginViewModel model = filledModel();
        model.login();

        model.login();

        assertThat(gateway.connects).hasSize(1);
    }

    @Test
    @DisplayName("a successful login with remember me hands over the bound address, clears the password and saves the login")
    void successRemembered() {
        LoginViewModel model = filledModel();
        model.hostProperty().set("xmpp.example.org");
        model.portProperty().set("5222");
        model.rememberMeProperty().set(true);
        model.login();

        gateway.lastConnect().result().complete(BOUND);

        assertThat(loggedIn).containsExactly(BOUND);
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.phaseProperty().get()).isEqualTo(LoginPhase.EDITING);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(remembered.saves).isEqualTo(1);
        assertThat(remembered.clears).isZero();
        assertThat(remembered.stored).isEqualTo(
                new RememberedLogin(ALICE, Optional.of(new ServerAddress("xmpp.example.org", 5222, false))));
        assertThat(account.boundJid()).contains(BOUND);
    }

    @Test
    @DisplayName("a successful login without remember me clears what was remembered and saves nothing")
    void successNotRemembered() {
        remembered.stored = new RememberedLogin(ALICE, Optional.empty());
        LoginViewModel model = newModel();
        model.passwordProperty().set("secret");
        model.rememberMeProperty().set(false);
        model.login();

        gateway.lastConnect().result().complete(BOUND);

        assertThat(loggedIn).containsExactly(BOUND);
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(remembered.saves).isZero();
        assertThat(remembered.clears).isEqualTo(1);
        assertThat(remembered.stored).isNull();
    }

    @Test
    @DisplayName("the remembered login pre-fills address, server and remember me, but never a password")
    void rememberedLoginPrefills() {
        remembered.stored = new RememberedLogin(Jid.parse("alice@example.org/old"),
                Optional.of(new ServerAddress("xmpp.example.org", 5223, true)));

        LoginViewModel model = newModel();

        assertThat(model.addressProperty().get()).isEqualTo("alice@example.org");
        assertThat(model.hostProperty().get()).isEqualTo("xmpp.example.org");
        assertThat(model.portProperty().get()).isEqualTo("5223");
        assertThat(model.directTlsProperty().get()).isTrue();
        assertThat(model.rememberMeProperty().get()).isTrue();
        assertThat(model.passwordProperty().get()).isEmpty();
    }

    @Test
    @DisplayName("a remembered server with the default port leaves the port field empty")
    void rememberedDefaultPort() {
        remembered.stored = new RememberedLogin(ALICE, Optional.of(new ServerAddress("xmpp.example.org", 0, false)));

        LoginViewModel model = newModel();

        assertThat(model.hostProperty().get()).isEqualTo("xmpp.example.org");
        assertThat(model.portProperty().get()).isEmpty();
        assertThat(model.directTlsProperty().get()).isFalse();
    }

    @Test
    @DisplayName("without a remembered login the form starts empty, remember me off")
    void nothingRemembered() {
        LoginViewModel model = newModel();

        assertThat(model.addressProperty().get()).isEmpty();
        assertThat(model.hostProperty().get()).isEmpty();
        assertThat(model.rememberMeProperty().get()).isFalse();
    }

    @Test
    @DisplayName("a wrong password shows the user message and returns to editing")
    void wrongPassword() {
        LoginViewModel model = filledModel();
        model.login();

        gateway.lastConnect().result().completeExceptionally(failure(new LoginFailure.WrongPassword()));

        assertThat(model.errorProperty().get()).isEqualTo("The password is wrong.");
        assertThat(model.phaseProperty().get()).isEqualTo(LoginPhase.EDITING);
        assertThat(model.connectingProperty().get()).isFalse();
        assertThat(loggedIn).isEmpty();
        assertThat(remembered.saves + remembered.clears).isZero();
    }

    @Test
    @DisplayName("an unexpected failure is described by its innermost cause")
    void unexpectedFailure() {
        LoginViewModel model = filledModel();
        model.login();

        gateway.lastConnect().result().completeExceptionally(new IllegalStateException("stream closed"));

        assertThat(model.errorProperty().get()).isEqualTo("Login failed: stream closed");
        assertThat(model.phaseProperty().get()).isEqualTo(LoginPhase.EDITING);
    }

    @Test
    @DisplayName("the error of a failed attempt is cleared when the user tries again")
    void errorClearedOnRetry() {
        LoginViewModel model = filledModel();
        model.login();
        gateway.lastConnect().result().completeExceptionally(failure(new LoginFailure.WrongPassword()));

        model.login();

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(gateway.connects).hasSize(2);
    }

    @Test
    @DisplayName("an untrusted certificate asks the user, showing its fingerprint and details")
    void untrustedCertificate() {
        LoginViewModel model = filledModel();
        model.login();

        gateway.lastConnect().result().completeExceptionally(
                failure(new LoginFailure.UntrustedCertificate(SELF_SIGNED)));

        assertThat(model.phaseProperty().get()).isEqualTo(LoginPhase.UNTRUSTED_CERTIFICATE);
        assertThat(model.presentedFingerprintProperty().get()).isEqualTo("AA:BB:CC");
        assertThat(model.pinnedFingerprintProperty().get()).isEmpty();
        assertThat(model.certificateDetailsProperty().get())
                .contains("Issued to: CN=example.org", "Issued by: CN=example.org", "2026-01-01 to 2027-01-01");
        assertThat(model.errorProperty().get())
                .isEqualTo(new LoginFailure.UntrustedCertificate(SELF_SIGNED).userMessage());
        assertThat(pins.pins).isEmpty();
        assertThat(loggedIn).isEmpty();
    }

    @Test
    @DisplayName("trusting the certificate pins it for the account and logs in again with the pin")
    void trustCertificatePinsAndReconnects() {
        LoginViewModel model = filledModel();
        model.login();
        gateway.lastConnect().result().completeExceptionally(
                failure(new LoginFailure.UntrustedCertificate(SELF_SIGNED)));

        model.trustCertificate();

        assertThat(pins.pins).containsExactly(java.util.Map.entry(ALICE, "AA:BB:CC"));
        assertThat(gateway.connects).hasSize(2);
        assertThat(gateway.lastConnect().pinnedFingerprint()).contains("AA:BB:CC");
        assertThat(gateway.lastConnect().request().password()).containsExactly("secret".toCharArray());
        assertThat(model.phaseProperty().get()).isEqualTo(LoginPhase.CONNECTING);

        gateway.lastConnect().result().complete(BOUND);
        assertThat(loggedIn).containsExactly(BOUND);
    }

    @Test
    @DisplayName("trusting twice connects once: the offered certificate is used up")
    void trustOnlyOnce() {
        LoginViewModel model = filledModel();
        model.login();
        gateway.lastConnect().result().completeExceptionally(
                failure(new LoginFailure.UntrustedCertificate(SELF_SIGNED)));

        model.trustCertificate();
        model.trustCertificate();

        assertThat(gateway.connects).hasSize(2);
    }

    @Test
    @DisplayName("rejecting the certificate pins nothing, does not connect and says why")
    void rejectCertificate() {
        LoginViewModel model = filledModel();
        model.login();
        gateway.lastConnect().result().completeExceptionally(
                failure(new LoginFailure.UntrustedCertificate(SELF_SIGNED)));

        model.rejectCertificate();
        model.trustCertificate();

        assertThat(model.phaseProperty().get()).isEqualTo(LoginPhase.EDITING);
        assertThat(model.errorProperty().get()).isEqualTo("Not connected: the certificate was not trusted.");
        assertThat(pins.pins).isEmpty();
        assertThat(gateway.connects).hasSize(1);
    }

    @Test
    @DisplayName("a changed certificate shows both fingerprints and cannot be trusted from the login screen")
    void certificateChanged() {
        pins.pin(ALICE, "AA:BB:CC");
        LoginViewModel model = filledModel();
        model.login();
        assertThat(gateway.lastConnect().pinnedFingerprint()).contains("AA:BB:CC");

        gateway.lastConnect().result().completeExceptionally(
                failure(new LoginFailure.CertificateChanged(OTHER, "AA:BB:CC")));

        assertThat(model.phaseProperty().get()).isEqualTo(LoginPhase.CERTIFICATE_CHANGED);
        assertThat(model.presentedFingerprintProperty().get()).isEqualTo("DD:EE:FF");
        assertThat(model.pinnedFingerprintProperty().get()).isEqualTo("AA:BB:CC");
        assertThat(model.certificateDetailsProperty().get()).contains("Issued by: CN=Someone Else");
        assertThat(model.errorProperty().get()).startsWith("DANGER");

        model.trustCertificate();

        assertThat(pins.pins).containsExactly(java.util.Map.entry(ALICE, "AA:BB:CC"));
        assertThat(gateway.connects).hasSize(1);
        assertThat(model.phaseProperty().get()).isEqualTo(LoginPhase.CERTIFICATE_CHANGED);
    }

    @Test
    @DisplayName("a changed certificate after an untrusted one cannot be trusted with the earlier offer")
    void changedAfterUntrustedCannotBeTrusted() {
        LoginViewModel model = filledModel();
        model.login();
        gateway.lastConnect().result().completeExceptionally(
                failure(new LoginFailure.UntrustedCertificate(SELF_SIGNED)));
        model.login(); // the user pressed login again instead of deciding
        gateway.lastConnect().result().completeExceptionally(
                failure(new LoginFailure.CertificateChanged(OTHER, "AA:BB:CC")));

        model.trustCertificate();

        assertThat(pins.pins).isEmpty();
        assertThat(gateway.connects).hasSize(2);
    }

    @Test
    @DisplayName("cancel while connecting returns to editing at once and asks the gateway to stop")
    void cancelWhileConnecting() {
        LoginViewModel model = filledModel();
        model.login();

        model.cancel();

        assertThat(gateway.cancels).isEqualTo(1);
        assertThat(model.phaseProperty().get()).isEqualTo(LoginPhase.EDITING);
        assertThat(model.connectingProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEqualTo("Login cancelled.");
    }

    @Test
    @DisplayName("cancel when not connecting does nothing")
    void cancelWhenIdle() {
        LoginViewModel model = filledModel();

        model.cancel();

        assertThat(gateway.cancels).isZero();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    @DisplayName("a late success of a cancelled attempt does not log in or change the form")
    void lateSuccessAfterCancelIgnored() {
        LoginViewModel model = filledModel();
        model.rememberMeProperty().set(true);
        model.login();
        model.cancel();

        gateway.lastConnect().result().complete(BOUND);

        assertThat(loggedIn).isEmpty();
        assertThat(model.phaseProperty().get()).isEqualTo(LoginPhase.EDITING);
        assertThat(model.errorProperty().get()).isEqualTo("Login cancelled.");
        assertThat(model.passwordProperty().get()).isEqualTo("secret");
        assertThat(remembered.saves).isZero();
    }

    @Test
    @DisplayName("a late failure of a cancelled attempt does not touch the next attempt")
    void lateFailureAfterCancelIgnored() {
        LoginViewModel model = filledModel();
        model.login();
        FakeConnectionGateway.Connect first = gateway.lastConnect();
        model.cancel();
        model.login();

        first.result().completeExceptionally(failure(new LoginFailure.UntrustedCertificate(SELF_SIGNED)));

        assertThat(model.phaseProperty().get()).isEqualTo(LoginPhase.CONNECTING);
        assertThat(model.presentedFingerprintProperty().get()).isEmpty();
        assertThat(model.errorProperty().get()).isEmpty();

        gateway.lastConnect().result().complete(BOUND);
        assertThat(loggedIn).containsExactly(BOUND);
    }
}
