package im.parley.service.account;

import im.parley.service.common.Jid;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the user asks for on the login screen. The password is a char array so the caller can
 * wipe it; {@link #toString()} never shows it.
 */
public record LoginRequest(Jid account, char[] password, Optional<ServerAddress> server, String resource) {

    public LoginRequest {
        if (account == null || account.local() == null || !account.isBare()) {
            throw new IllegalArgumentException("An account address has the form name@domain.");
        }
        password = password == null ? new char[0] : password.clone();
        server = server == null ? Optional.empty() : server;
        resource = resource == null || resource.isBlank() ? "parley" : resource;
    }

    public LoginRequest(Jid account, char[] password) {
        this(account, password, Optional.empty(), null);
    }

    @Override
    public char[] password() {
        return password.clone();
    }

    public void wipe() {
        Arrays.fill(password, '\0');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoginRequest other && account.equals(other.account) && server.equals(other.server)
                && resource.equals(other.resource) && Arrays.equals(password, other.password);
    }

    @Override
    public int hashCode() {
        return account.hashCode() * 31 + server.hashCode();
    }

    @Override
    public String toString() {
        return "LoginRequest[" + account + ", server=" + server + ", resource=" + resource + "]";
    }
}
