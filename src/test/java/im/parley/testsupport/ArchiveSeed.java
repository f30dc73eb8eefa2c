package im.parley.testsupport;

import java.time.Instant;

/**
 * Writes chat messages straight into a user's MAM archive on a test {@link ProsodyServer}, far faster than sending
 * them. The messages are in the archive only (no offline copy, no live delivery). {@link #close()} finishes the seed;
 * seed before the owner's first archive query (Prosody may cache the archive's size).
 */
public interface ArchiveSeed extends AutoCloseable {

    /** One archived chat message; {@code key} becomes the MAM result id and stanza-id. */
    record Item(String key, String from, String to, String body, String messageId, String originId, Instant when) {

        /** The bare JID of the other side, from {@code owner}'s point of view (Prosody's {@code with}). */
        String peer(String owner) {
            return bare(from).equals(owner) ? bare(to) : bare(from);
        }

        private static String bare(String jid) {
            int slash = jid.indexOf('/');
            return slash < 0 ? jid : jid.substring(0, slash);
        }
    }

    /** Opens {@code owner}'s archive on {@code server}, in whichever storage the server uses. */
    static ArchiveSeed append(ProsodyServer server, TestAccount owner) {
        return switch (server.storage()) {
            case INTERNAL -> InternalArchiveSeed.append(server, owner);
            case SQL -> SqlArchiveSeed.append(server, owner);
        };
    }

    void add(Item item);

    @Override
    void close();
}
