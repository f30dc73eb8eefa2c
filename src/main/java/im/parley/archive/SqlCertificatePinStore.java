package im.parley.archive;

import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.account.CertificatePinStore;
import im.parley.service.common.Jid;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** Pinned server certificates, one per account, inside the encrypted archive. */
public final class SqlCertificatePinStore implements CertificatePinStore {

    private final EncryptedDatabase database;
    private final Clock clock;

    public SqlCertificatePinStore(EncryptedDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<String> pinnedFingerprint(Jid account) {
        try {
            return database.read(c -> {
                try (PreparedStatement select = c.prepareStatement("SELECT sha256 FROM pinned_certificate WHERE account = ?")) {
                    select.setString(1, account.asBareString());
                    try (ResultSet row = select.executeQuery()) {
                        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw new ArchiveException("Cannot read the pinned certificate of " + account.bare(), e);
        }
    }

    @Override
    public void pin(Jid account, String sha256Fingerprint) {
        String normalized = sha256Fingerprint.strip().toUpperCase(Locale.ROOT);
        if (!normalized.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}")) {
            throw new IllegalArgumentException("Not a SHA-256 fingerprint");
        }
        try {
            database.write(c -> {
                try (PreparedStatement upsert = c.prepareStatement("""
                        INSERT INTO pinned_certificate (account, sha256, pinned_at) VALUES (?, ?, ?)
                        ON CONFLICT (account) DO UPDATE SET sha256 = excluded.sha256, pinned_at = excluded.pinned_at""")) {
                    upsert.setString(1, account.asBareString());
                    upsert.setString(2, normalized);
                    upsert.setLong(3, clock.millis());
                    return upsert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new ArchiveException("Cannot pin the certificate of " + account.bare(), e);
        }
    }

    @Override
    public void forget(Jid account) {
        try {
            database.write(c -> {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM pinned_certificate WHERE account = ?")) {
                    delete.setString(1, account.asBareString());
                    return delete.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new ArchiveException("Cannot forget the pinned certificate of " + account.bare(), e);
        }
    }
}
