package im.parley.testsupport;

import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files of Prosody's {@code internal} storage ({@code util/datamanager.lua}): one Lua file per user and store,
 * {@code DATA/<host>/<store>/<user>.dat} containing {@code return <table>;}. Host and user names are encoded
 * byte-wise: everything except ASCII letters and digits becomes {@code %xx} (lower-case hex), so
 * {@code conference.localhost} is stored as {@code conference%2elocalhost}; store names also keep {@code _}.
 */
final class InternalStorage {

    private InternalStorage() {
    }

    static Path file(Path dataDir, String host, String store, String user) {
        return dataDir.resolve(encode(host, false)).resolve(encode(store, true)).resolve(encode(user, false) + ".dat");
    }

    /** {@code datamanager.encode} ({@code %W} → {@code %xx}); {@code store_encode} when {@code keepUnderscore}. */
    static String encode(String name, boolean keepUnderscore) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || (keepUnderscore && c == '_');
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02x", c));
            }
        }
        return out.toString();
    }

    /** Replaces the roster of {@code user@host}. Prosody must be stopped: it caches rosters in memory. */
    static void writeRoster(Path dataDir, String host, String user, List<RosterSeed> items) {
        Path file = file(dataDir, host, "roster", user);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, rosterSource(items), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /**
     * The Lua source of a roster as {@code core/rostermanager.lua} stores it: the metadata under the key
     * {@code false}, then one table per contact keyed by its bare JID. Later duplicates of a JID win.
     */
    static String rosterSource(List<RosterSeed> items) {
        Map<String, RosterSeed> byJid = new LinkedHashMap<>();
        for (RosterSeed item : items) {
            byJid.put(bareJid(item.jid()), item);
        }
        StringBuilder lua = new StringBuilder(64 + byJid.size() * 120);
        lua.append("return {\n\t[false] = { version = 1; pending = {}; };\n");
        byJid.forEach((jid, item) -> {
            lua.append("\t[").append(Lua.string(jid)).append("] = { subscription = \"both\"; ");
            if (item.name() != null && !item.name().isEmpty()) {
                lua.append("name = ").append(Lua.string(item.name())).append("; ");
            }
            lua.append("groups = { ");
            if (item.group() != null && !item.group().isEmpty()) {
                lua.append('[').append(Lua.string(item.group())).append("] = true; ");
            }
            lua.append("}; };\n");
        });
        return lua.append("};\n").toString();
    }

    private static String bareJid(String jid) {
        try {
            return JidCreate.bareFrom(jid).toString();
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Not a valid JID: " + jid, e);
        }
    }
}
