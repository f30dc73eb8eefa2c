package im.parley.archive;

import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.account.RememberedLogin;
import im.parley.service.account.RememberedLoginStore;
import im.parley.service.account.ServerAddress;
import im.parley.service.common.Jid;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;

/** "Remember me", inside the encrypted archive: the account row marked remembered, with its server override. */
public final class SqlRememberedLoginStore implements RememberedLoginStore {

    private final EncryptedDatabase database;
    private final Clock clock;

    public SqlRememberedLoginStore(EncryptedDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<RememberedLogin> load() {
        try {
            return database.read(c -> {
                try (Statement s = c.createStatement();
                     ResultSet row = s.executeQuery("""
                             SELECT jid, host, port, direct_tls FROM account WHERE remembered = 1
                             ORDER BY last_login DESC LIMIT 1""")) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    String host = row.getString(2);
                    Optional<ServerAddress> server = host == null ? Optional.empty()
                            : Optional.of(new ServerAddress(host, row.getInt(3), row.getInt(4) != 0));
                    return Optional.of(new RememberedLogin(Jid.parse(row.getString(1)), server));
                }
            });
        } catch (SQLException e) {
            throw new ArchiveException("Cannot read the remembered login", e);
        }
    }

    @Override
    public void save(RememberedLogin login) {
        try {
            database.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE account SET remembered = 0");
                }
                try (PreparedStatement upsert = c.prepareStatement("""
                        INSERT INTO account (jid, host, port, direct_tls, remembered, last_login) VALUES (?, ?, ?, ?, 1, ?)
                        ON CONFLICT (jid) DO UPDATE SET host = excluded.host, port = excluded.port,
                            direct_tls = excluded.direct_tls, remembered = 1, last_login = excluded.last_login""")) {
                    ServerAddress server = login.server().orElse(null);
                    upsert.setString(1, login.account().asBareString());
                    upsert.setString(2, server == null ? null : server.host());
                    upsert.setInt(3, server == null ? 0 : server.port());
                    upsert.setInt(4, server != null && server.directTls() ? 1 : 0);
                    upsert.setLong(5, clock.millis());
                    return upsert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new ArchiveException("Cannot remember the login", e);
        }
    }

    @Override
    public void clear() {
        try {
            database.write(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("UPDATE account SET remembered = 0");
                }
            });
        } catch (SQLException e) {
            throw new ArchiveException("Cannot forget the remembered login", e);
        }
    }
}
