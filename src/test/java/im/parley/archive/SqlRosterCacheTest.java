package im.parley.archive;

import im.parley.archive.db.ArchiveKey;
import im.parley.archive.db.EncryptedDatabase;
import im.parley.service.common.Jid;
import im.parley.service.roster.Contact;
import im.parley.service.roster.RosterCache;
import im.parley.service.roster.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The roster cache on the real SQLCipher driver and a temp file, kept across reopen, one account at a time. */
class SqlRosterCacheTest {

    private static final Jid ME = Jid.parse("alice@example.org");
    private static final Jid OTHER_ACCOUNT = Jid.parse("alice@work.example");
    private static final Contact BOB = new Contact(Jid.parse("bob@example.org"), "Bob",
            Set.of("Friends", "Chess \"club\" \\ night"), Subscription.BOTH, false);
    private static final Contact CAROL = new Contact(Jid.parse("carol@example.org"), "", Set.of(), Subscription.NONE,
            true);
    private static final Contact GATEWAY = new Contact(Jid.parse("irc.example.org"), "IRC", Set.of("Gateways"),
            Subscription.TO, false);

    @TempDir
    Path dir;
    private final byte[] key = new byte[ArchiveKey.BYTES];
    private EncryptedDatabase database;

    @BeforeEach
    void open() throws Exception {
        new SecureRandom().nextBytes(key);
        reopen();
    }

    private void reopen() throws Exception {
        if (database != null) {
            database.close();
        }
        database = EncryptedDatabase.open(dir.resolve("archive.db"), new ArchiveKey(key.clone()));
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    private RosterCache cacheOf(Jid account) {
        return new SqlRosterCache(database, () -> account);
    }

    @Test
    @DisplayName("nothing is cached at first, so the server is asked for the whole roster")
    void emptyAtFirst() {
        assertThat(cacheOf(ME).load()).isEmpty();
    }

    @Test
    @DisplayName("the whole roster and its version survive a reopen: names, groups (quotes and all), subscriptions, pending requests")
    void wholeRosterSurvivesReopen() throws Exception {
        cacheOf(ME).replaceAll("v1", List.of(BOB, CAROL, GATEWAY));

        reopen();

        RosterCache.Snapshot snapshot = cacheOf(ME).load().orElseThrow();
        assertThat(snapshot.version()).isEqualTo("v1");
        assertThat(snapshot.contacts()).containsExactlyInAnyOrder(BOB, CAROL, GATEWAY);
    }

    @Test
    @DisplayName("a pushed change, addition or removal updates the cache together with its version")
    void pushesUpdateItemsAndVersion() {
        RosterCache cache = cacheOf(ME);
        cache.replaceAll("v1", List.of(BOB, CAROL));

        cache.put("v2", BOB.withName("Robert").withGroups(Set.of("Family")));
        cache.put("v3", GATEWAY);
        cache.remove("v4", CAROL.jid());

        RosterCache.Snapshot snapshot = cache.load().orElseThrow();
        assertThat(snapshot.version()).isEqualTo("v4");
        assertThat(snapshot.contacts()).containsExactlyInAnyOrder(
                BOB.withName("Robert").withGroups(Set.of("Family")), GATEWAY);
    }

    @Test
    @DisplayName("a new whole roster replaces the old one entirely")
    void replaceDropsWhatIsGone() {
        RosterCache cache = cacheOf(ME);
        cache.replaceAll("v1", List.of(BOB, CAROL));

        cache.replaceAll("v9", List.of(GATEWAY));

        assertThat(cache.load().orElseThrow().contacts()).containsExactly(GATEWAY);
    }

    @Test
    @DisplayName("a roster without a version is kept, but the next login asks for the whole roster again")
    void noVersionMeansFullFetchNextTime() {
        RosterCache cache = cacheOf(ME);
        cache.replaceAll("v1", List.of(BOB));

        cache.replaceAll(null, List.of(BOB, CAROL));

        assertThat(cache.load()).isEmpty();
    }

    @Test
    @DisplayName("each account has its own cache; clearing one leaves the other")
    void accountsAreSeparate() {
        cacheOf(ME).replaceAll("mine", List.of(BOB));
        cacheOf(OTHER_ACCOUNT).replaceAll("theirs", List.of(CAROL, GATEWAY));

        cacheOf(ME).clear();

        assertThat(cacheOf(ME).load()).isEmpty();
        RosterCache.Snapshot other = cacheOf(OTHER_ACCOUNT).load().orElseThrow();
        assertThat(other.version()).isEqualTo("theirs");
        assertThat(other.contacts()).containsExactlyInAnyOrder(CAROL, GATEWAY);
    }

    @Test
    @DisplayName("5,000 contacts are stored and read back whole")
    void largeRoster() {
        List<Contact> contacts = IntStream.range(0, 5_000).mapToObj(i -> new Contact(
                Jid.parse("contact" + i + "@example.net"), "Contact " + i, Set.of("Group " + (i % 40)),
                Subscription.BOTH, false)).toList();
        RosterCache cache = cacheOf(ME);

        cache.replaceAll("big", contacts);

        assertThat(cache.load().orElseThrow().contacts()).hasSize(5_000).containsExactlyInAnyOrderElementsOf(contacts);
    }

    @Test
    @DisplayName("group names are written as valid JSON strings whatever they hold")
    void jsonEscaping() {
        assertThat(SqlRosterCache.jsonArray(Set.of("a\"b", "c\\d", "e\u0001f")))
                .isEqualTo("[\"a\\\"b\",\"c\\\\d\",\"e\\u0001f\"]");
        assertThat(SqlRosterCache.jsonArray(Set.of())).isEqualTo("[]");
    }
}
