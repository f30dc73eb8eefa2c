package im.parley.service.account;

import im.parley.service.common.Jid;

import java.util.Optional;

/**
 * What "remember me" keeps between starts: the account and its server override, never the
 * password (that waits for the encrypted archive or the OS keychain).
 */
public record RememberedLogin(Jid account, Optional<ServerAddress> server) {

    public RememberedLogin {
        account = account.bare();
        server = server == null ? Optional.empty() : server;
    }
}
