package im.parley.testsupport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes messages straight into a user's MAM archive in Prosody's internal storage
 * ({@code DATA/<host>/archive/<user>.list}, one {@code item({...});} per message, as {@code mod_storage_internal}
 * appends them), far faster than sending them: 100,000 take about a second. Prosody reads the file on every archive
 * query, so this works while it runs, but a query then costs time in proportion to the whole archive.
 */
final class InternalArchiveSeed implements ArchiveSeed {

    private final BufferedWriter out;
    private final String owner;

    private InternalArchiveSeed(BufferedWriter out, String owner) {
        this.out = out;
        this.owner = owner;
    }

    /** Opens {@code owner}'s archive file for appending (creating it when the archive is empty). */
    static InternalArchiveSeed append(ProsodyServer server, TestAccount owner) {
        Path file = server.dataDir().resolve(InternalStorage.encode(server.host(), false))
                .resolve(InternalStorage.encode("archive", true))
                .resolve(InternalStorage.encode(owner.localpart(), false) + ".list");
        try {
            Files.createDirectories(file.getParent());
            return new InternalArchiveSeed(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND), owner.jid());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + file, e);
        }
    }

    @Override
    public void add(Item item) {
        String peer = item.peer(owner);
        StringBuilder lua = new StringBuilder(320);
        lua.append("item({ name = \"message\"; attr = { xmlns = \"jabber:client\"; type = \"chat\"; from = ")
                .append(Lua.string(item.from())).append("; to = ").append(Lua.string(item.to()))
                .append("; id = ").append(Lua.string(item.messageId()))
                .append("; stamp = ").append(Lua.string(item.when().truncatedTo(ChronoUnit.SECONDS).toString()))
                .append("; }; { name = \"body\"; attr = { }; ").append(Lua.string(item.body())).append("; }; ");
        if (item.originId() != null) {
            lua.append("{ name = \"origin-id\"; attr = { xmlns = \"urn:xmpp:sid:0\"; id = ")
                    .append(Lua.string(item.originId())).append("; }; }; ");
        }
        lua.append("key = ").append(Lua.string(item.key()))
                // whole seconds: Prosody's os.date refuses a fraction ("number has no integer representation")
                .append("; when = ").append(item.when().getEpochSecond())
                .append("; with = ").append(Lua.string(peer)).append("; });\n");
        try {
            out.write(lua.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the archive of " + owner, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the archive of " + owner, e);
        }
    }
}
