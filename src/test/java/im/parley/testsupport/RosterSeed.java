package im.parley.testsupport;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * One roster item written by {@link ProsodyServer#seedRoster}: always {@code subscription="both"}.
 *
 * @param jid   the contact's bare JID
 * @param name  the display name, or {@code null} for none
 * @param group the single group, or {@code null} for none
 */
public record RosterSeed(String jid, String name, String group) {

    public RosterSeed {
        Objects.requireNonNull(jid, "jid");
        if (jid.isBlank() || jid.contains("/")) {
            throw new IllegalArgumentException("A roster item needs a bare JID: " + jid);
        }
    }

    /** {@code count} contacts {@code contact-0@localhost … } named "Contact 0 …", all in {@code group}. */
    public static List<RosterSeed> numbered(int count, String group) {
        return IntStream.range(0, count)
                .mapToObj(i -> new RosterSeed("contact-" + i + "@" + ProsodyServer.HOST, "Contact " + i, group))
                .toList();
    }
}
