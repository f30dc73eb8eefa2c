package im.parley.service.roster;

import im.parley.service.common.Jid;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ContactTest {

    private static final Jid BOB = Jid.parse("bob@example.org");

    @Test
    @DisplayName("a contact's address is always bare")
    void jidIsBare() {
        Contact contact = new Contact(Jid.parse("bob@example.org/phone"), "Bob", Set.of(), Subscription.BOTH, false);

        assertThat(contact.jid()).isEqualTo(BOB);
    }

    @Test
    @DisplayName("the name loses bidi overrides and control characters, so it cannot flip the roster line")
    void nameSanitized() {
        Contact contact = new Contact(BOB, "\u202EBob\nthe builder\u2066", Set.of(), Subscription.BOTH, false);

        assertThat(contact.name()).isEqualTo("Bob the builder");
        assertThat(contact.displayName()).isEqualTo("Bob the builder");
    }

    @Test
    @DisplayName("the name is capped at 200 characters")
    void nameCapped() {
        Contact contact = new Contact(BOB, "x".repeat(500), Set.of(), Subscription.BOTH, false);

        assertThat(contact.name()).hasSize(200).endsWith("…");
    }

    @Test
    @DisplayName("a contact without a name is shown by its bare address")
    void displayNameFallsBackToAddress() {
        assertThat(new Contact(BOB, null, Set.of(), Subscription.NONE, false).displayName())
                .isEqualTo("bob@example.org");
        assertThat(new Contact(BOB, " \u202E ", Set.of(), Subscription.NONE, false).displayName())
                .isEqualTo("bob@example.org");
    }

    @Test
    @DisplayName("group names are sanitized and capped; groups that end up blank are dropped")
    void groupsSanitized() {
        Contact contact = new Contact(BOB, "Bob", Set.of("\u202EFriends", "  ", "\u200F", "W" + "o".repeat(150)),
                Subscription.BOTH, false);

        assertThat(contact.groups()).hasSize(2).contains("Friends");
        assertThat(contact.groups()).allSatisfy(g -> assertThat(g).hasSizeLessThanOrEqualTo(100));
        assertThat(contact.groups()).noneMatch(String::isBlank);
    }

    @Test
    @DisplayName("groups that differ only by the characters removed collapse into one")
    void groupsDeduplicatedAfterSanitizing() {
        Contact contact = new Contact(BOB, "Bob", Set.of("Work", "\u202DWork"), Subscription.BOTH, false);

        assertThat(contact.groups()).containsExactly("Work");
    }

    @Test
    @DisplayName("a contact without group is listed under the default group; one with groups under those")
    void displayGroups() {
        assertThat(new Contact(BOB, "Bob", Set.of(), Subscription.BOTH, false).displayGroups())
                .containsExactly(Contact.NO_GROUP);
        assertThat(new Contact(BOB, "Bob", Set.of("Family"), Subscription.BOTH, false).displayGroups())
                .containsExactly("Family");
    }

    @Test
    @DisplayName("withName and withGroups sanitize too and keep everything else")
    void copiesSanitize() {
        Contact contact = new Contact(BOB, "Bob", Set.of("Family"), Subscription.TO, true);

        Contact renamed = contact.withName("\u202ERobert");
        Contact moved = contact.withGroups(Set.of("\u2067Work"));

        assertThat(renamed).isEqualTo(new Contact(BOB, "Robert", Set.of("Family"), Subscription.TO, true));
        assertThat(moved).isEqualTo(new Contact(BOB, "Bob", Set.of("Work"), Subscription.TO, true));
    }

    @Test
    @DisplayName("the groups cannot be changed from outside")
    void groupsImmutable() {
        java.util.Set<String> groups = new java.util.HashSet<>(Set.of("Family"));
        Contact contact = new Contact(BOB, "Bob", groups, Subscription.BOTH, false);
        groups.add("Work");

        assertThat(contact.groups()).containsExactly("Family");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> contact.groups().add("Other"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
