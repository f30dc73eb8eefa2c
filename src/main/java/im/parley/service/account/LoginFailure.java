package im.parley.service.account;

/** Why a login did not succeed: a closed set, each with a message written for the user. */
public sealed interface LoginFailure {

    String userMessage();

    record WrongPassword() implements LoginFailure {
        public String userMessage() {
            return "The password is wrong.";
        }
    }

    record AccountNotFound(String account) implements LoginFailure {
        public String userMessage() {
            return "The server has no account " + account + ".";
        }
    }

    record NotAuthorized(String account) implements LoginFailure {
        public String userMessage() {
            return "The server refused the login for " + account + ": wrong password or no such account.";
        }
    }

    record AccountDisabled() implements LoginFailure {
        public String userMessage() {
            return "The server has disabled this account.";
        }
    }

    record ServerNotFound(String domain) implements LoginFailure {
        public String userMessage() {
            return "No server for " + domain + " was found (DNS). Check the domain, or set the host under Advanced.";
        }
    }

    record ServerUnreachable(String endpoint, String detail) implements LoginFailure {
        public String userMessage() {
            return "The server at " + endpoint + " cannot be reached" + (detail.isBlank() ? "." : ": " + detail + ".");
        }
    }

    record TlsFailure(String detail) implements LoginFailure {
        public String userMessage() {
            return "A secure (TLS) connection could not be set up: " + detail;
        }
    }

    record UntrustedCertificate(CertificateInfo certificate) implements LoginFailure {
        public String userMessage() {
            return "The server's certificate is not signed by an authority this computer trusts.";
        }
    }

    record CertificateChanged(CertificateInfo presented, String pinnedFingerprint) implements LoginFailure {
        public String userMessage() {
            return "DANGER: the server presented a different certificate than the one you trusted before. "
                    + "Someone may be intercepting the connection. Login refused.";
        }
    }

    record Cancelled() implements LoginFailure {
        public String userMessage() {
            return "Login cancelled.";
        }
    }

    record Unexpected(String detail) implements LoginFailure {
        public String userMessage() {
            return "Login failed: " + detail;
        }
    }
}
