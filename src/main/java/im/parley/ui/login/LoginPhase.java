package im.parley.ui.login;

/** Where the login screen is: editing, waiting for the server, or asking about a certificate. */
public enum LoginPhase {
    EDITING, CONNECTING, UNTRUSTED_CERTIFICATE, CERTIFICATE_CHANGED
}
