package im.parley.archive;

import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.common.Jid;
import im.parley.service.roster.Contact;
import im.parley.service.roster.RosterCache;
import im.parley.service.roster.Subscription;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One account's roster cache in the encrypted archive: items in {@code roster_item} (groups as a JSON array, read
 * back with SQLite's {@code json_each}), the server's version in {@code roster_version}, each change and its version
 * in one transaction.
 */
public final class SqlRosterCache implements RosterCache {

    private final EncryptedDatabase database;
    private final Supplier<Jid> account;

    /** {@code account} is asked on each call: the roster is only fetched once logged in. */
    public SqlRosterCache(EncryptedDatabase database, Supplier<Jid> account) {
        this.database = database;
        this.account = account;
    }

    @Override
    public Optional<Snapshot> load() {
        String owner = owner();
        try {
            return database.read(c -> {
                Optional<String> version = version(c, owner);
                if (version.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Snapshot(version.get(), contacts(c, owner)));
            });
        } catch (SQLException e) {
            throw new ArchiveException("Cannot read the cached roster", e);
        }
    }

    @Override
    public void replaceAll(String version, List<Contact> contacts) {
        String owner = owner();
        write(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM roster_item WHERE account = ?")) {
                delete.setString(1, owner);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(UPSERT)) {
                for (Contact contact : contacts) {
                    bind(insert, owner, contact);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            saveVersion(c, owner, version);
        });
    }

    @Override
    public void put(String version, Contact contact) {
        String owner = owner();
        write(c -> {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                bind(upsert, owner, contact);
                upsert.executeUpdate();
            }
            saveVersion(c, owner, version);
        });
    }

    @Override
    public void remove(String version, Jid jid) {
        String owner = owner();
        write(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM roster_item WHERE account = ? AND jid = ?")) {
                delete.setString(1, owner);
                delete.setString(2, jid.asBareString());
                delete.executeUpdate();
            }
            saveVersion(c, owner, version);
        });
    }

    @Override
    public void clear() {
        String owner = owner();
        write(c -> {
            for (String table : List.of("roster_item", "roster_version")) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE account = ?")) {
                    delete.setString(1, owner);
                    delete.executeUpdate();
                }
            }
        });
    }

    private static final String UPSERT = """
            INSERT INTO roster_item (account, jid, name, groups, subscription, awaiting_approval)
            VALUES (?, ?, ?, json(?), ?, ?)
            ON CONFLICT (account, jid) DO UPDATE SET name = excluded.name, groups = excluded.groups,
                subscription = excluded.subscription, awaiting_approval = excluded.awaiting_approval""";

    private static void bind(PreparedStatement statement, String owner, Contact contact) throws SQLException {
        statement.setString(1, owner);
        statement.setString(2, contact.jid().asBareString());
        statement.setString(3, contact.name());
        statement.setString(4, jsonArray(contact.groups()));
        statement.setString(5, contact.subscription().name());
        statement.setBoolean(6, contact.awaitingApproval());
    }

    /** Group names are single sanitised lines; quotes, backslashes and any control character are escaped anyway. */
    static String jsonArray(Set<String> values) {
        return values.stream().sorted().map(SqlRosterCache::jsonString).collect(Collectors.joining(",", "[", "]"));
    }

    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.chars().forEach(ch -> {
            if (ch == '"' || ch == '\\') {
                out.append('\\').append((char) ch);
            } else if (ch < 0x20) {
                out.append(String.format("\\u%04x", ch));
            } else {
                out.append((char) ch);
            }
        });
        return out.append('"').toString();
    }

    private static Optional<String> version(Connection c, String owner) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT version FROM roster_version WHERE account = ?")) {
            select.setString(1, owner);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    private static List<Contact> contacts(Connection c, String owner) throws SQLException {
        record Item(String name, Subscription subscription, boolean awaiting, Set<String> groups) {
        }
        Map<String, Item> items = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT r.jid, r.name, r.subscription, r.awaiting_approval, g.value
                FROM roster_item r LEFT JOIN json_each(r.groups) g
                WHERE r.account = ? ORDER BY r.jid""")) {
            select.setString(1, owner);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Item item = items.computeIfAbsent(rows.getString(1), jid -> {
                        try {
                            return new Item(rows.getString(2), Subscription.valueOf(rows.getString(3)),
                                    rows.getBoolean(4), new TreeSet<>());
                        } catch (SQLException e) {
                            throw new ArchiveException("Cannot read the cached roster", e);
                        }
                    });
                    String group = rows.getString(5);
                    if (group != null) {
                        item.groups().add(group);
                    }
                }
            }
        }
        List<Contact> contacts = new ArrayList<>(items.size());
        items.forEach((jid, item) -> contacts.add(new Contact(Jid.parse(jid), item.name() == null ? "" : item.name(),
                item.groups(), item.subscription(), item.awaiting())));
        return contacts;
    }

    /** Without a version (a server that does not version rosters) the next login asks for the whole roster. */
    private static void saveVersion(Connection c, String owner, String version) throws SQLException {
        if (version == null) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM roster_version WHERE account = ?")) {
                delete.setString(1, owner);
                delete.executeUpdate();
            }
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO roster_version (account, version) VALUES (?, ?)
                ON CONFLICT (account) DO UPDATE SET version = excluded.version""")) {
            upsert.setString(1, owner);
            upsert.setString(2, version);
            upsert.executeUpdate();
        }
    }

    private String owner() {
        return account.get().bare().asBareString();
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private void write(Work work) {
        try {
            database.write(c -> {
                work.run(c);
                return null;
            });
        } catch (SQLException e) {
            throw new ArchiveException("Cannot store the roster cache", e);
        }
    }
}
