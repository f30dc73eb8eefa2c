package im.parley.archive;

import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.archive.SettingsStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Settings inside the encrypted archive. */
public final class SqlSettingsStore implements SettingsStore {

    private final EncryptedDatabase database;

    public SqlSettingsStore(EncryptedDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<String> get(String scope, String name) {
        try {
            return database.read(c -> {
                try (PreparedStatement select = c.prepareStatement("SELECT value FROM setting WHERE scope = ? AND name = ?")) {
                    select.setString(1, scope);
                    select.setString(2, name);
                    try (ResultSet row = select.executeQuery()) {
                        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw new ArchiveException("Cannot read the setting " + name, e);
        }
    }

    @Override
    public void put(String scope, String name, String value) {
        try {
            database.write(c -> {
                try (PreparedStatement upsert = c.prepareStatement("""
                        INSERT INTO setting (scope, name, value) VALUES (?, ?, ?)
                        ON CONFLICT (scope, name) DO UPDATE SET value = excluded.value""")) {
                    upsert.setString(1, scope);
                    upsert.setString(2, name);
                    upsert.setString(3, value);
                    return upsert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new ArchiveException("Cannot store the setting " + name, e);
        }
    }

    @Override
    public void remove(String scope, String name) {
        try {
            database.write(c -> {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM setting WHERE scope = ? AND name = ?")) {
                    delete.setString(1, scope);
                    delete.setString(2, name);
                    return delete.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new ArchiveException("Cannot remove the setting " + name, e);
        }
    }
}
