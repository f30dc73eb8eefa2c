package im.parley.ui.roster;

import im.parley.archive.InMemoryMessageStore;
import im.parley.service.chat.ChatService;
import im.parley.service.chat.FakeChatGateway;
import im.parley.service.chat.InboundChat;
import im.parley.service.common.Availability;
import im.parley.service.common.Jid;
import im.parley.service.common.Presence;
import im.parley.service.roster.Contact;
import im.parley.service.roster.FakeRosterGateway;
import im.parley.service.roster.RosterEvent;
import im.parley.service.roster.RosterService;
import im.parley.service.roster.Subscription;
import im.parley.ui.common.PresenceTone;
import im.parley.ui.common.UiExecutor;
import im.parley.ui.testing.MutableClock;
import im.parley.ui.testing.QueuedUiExecutor;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RosterViewModelTest {

    private static final Jid ME = Jid.parse("me@example.org/parley");
    private static final Jid ANNA = Jid.parse("anna@example.org");
    private static final Jid BEN = Jid.parse("ben@example.org");
    private static final Jid CAROL = Jid.parse("carol@example.org");
    private static final Jid DAVE = Jid.parse("dave@example.org");
    private static final Jid ZED = Jid.parse("z.smith@example.org");
    private static final Jid ERIN = Jid.parse("erin@example.net");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final FakeRosterGateway rosterGateway = new FakeRosterGateway();
    private final RosterService roster = new RosterService(rosterGateway);
    private final FakeChatGateway chatGateway = new FakeChatGateway(ME);
    private final ChatService chat = new ChatService(chatGateway, new InMemoryMessageStore(clock), clock);
    private final List<Jid> opened = new ArrayList<>();

    private RosterViewModel model = new RosterViewModel(roster, chat, UiExecutor.direct(), Runnable::run, opened::add);

    private static Contact contact(Jid jid, String name, String... groups) {
        return new Contact(jid, name, Set.of(groups), Subscription.BOTH, false);
    }

    /** Anna (Family), Ben (no group), Carol (Family and Work), Dave (Work), Zed (Work). */
    private static List<Contact> sampleRoster() {
        return List.of(
                contact(ZED, "Zed", "Work"),
                contact(ANNA, "anna", "Family"),
                contact(BEN, "Ben"),
                contact(CAROL, "Carol", "Work", "Family"),
                contact(DAVE, "Dave", "Work"));
    }

    private void startWith(List<Contact> contacts) {
        model.start();
        rosterGateway.emit(new RosterEvent.RosterLoaded(contacts));
    }

    private void presence(Jid jid, Availability availability, String status) {
        rosterGateway.emit(new RosterEvent.PresenceChanged(jid, new Presence(availability, status)));
    }

    private void online(Jid jid) {
        presence(jid, Availability.ONLINE, "");
    }

    /** The rows as "# Group online/total" and "  Name" lines; collapsed groups end in " >". */
    private List<String> shownRows() {
        return model.rows().stream().map(row -> switch (row) {
            case RosterRow.GroupRow g -> "# " + g.name() + " " + g.online() + "/" + g.total() + (g.expanded() ? "" : " >");
            case RosterRow.ContactRow c -> "  " + c.contact().name();
        }).toList();
    }

    private ContactItem item(Jid jid) {
        return model.rows().stream()
                .filter(r -> r instanceof RosterRow.ContactRow c && c.contact().jid().equals(jid))
                .map(r -> ((RosterRow.ContactRow) r).contact())
                .findFirst().orElseThrow(() -> new AssertionError(jid + " is not shown"));
    }

    private RosterRow.GroupRow group(String name) {
        return model.rows().stream()
                .filter(r -> r instanceof RosterRow.GroupRow g && g.name().equals(name))
                .map(r -> (RosterRow.GroupRow) r)
                .findFirst().orElseThrow(() -> new AssertionError("group " + name + " is not shown"));
    }

    private void incoming(Jid from, String id) {
        chatGateway.receive(new InboundChat.Incoming(from.withResource("phone"), ME, "hello", id, null, null, null,
                null));
    }

    @Test
    @DisplayName("the loaded roster is listed as group headers with their contacts; groups by name, 'Contacts' last")
    void groupsThenContacts() {
        startWith(sampleRoster());

        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(shownRows()).containsExactly(
                "# Family 0/2", "  anna", "  Carol",
                "# Work 0/3", "  Carol", "  Dave", "  Zed",
                "# Contacts 0/1", "  Ben");
    }

    @Test
    @DisplayName("nothing is listed before the roster arrives")
    void emptyBeforeLoad() {
        model.start();

        assertThat(model.rows()).isEmpty();
        assertThat(model.loadedProperty().get()).isFalse();
    }

    @Test
    @DisplayName("within a group online contacts come first, each part alphabetical")
    void onlineFirstThenAlphabetical() {
        startWith(sampleRoster());

        online(ZED);
        presence(DAVE, Availability.AWAY, "");

        assertThat(shownRows()).containsExactly(
                "# Family 0/2", "  anna", "  Carol",
                "# Work 2/3", "  Dave", "  Zed", "  Carol",
                "# Contacts 0/1", "  Ben");
    }

    @Test
    @DisplayName("a presence change updates the contact's tone and status line")
    void presenceUpdatesTone() {
        startWith(sampleRoster());
        assertThat(item(CAROL).tone()).isEqualTo(PresenceTone.OFFLINE);

        presence(CAROL, Availability.DND, "in a meeting");
        assertThat(item(CAROL).tone()).isEqualTo(PresenceTone.BUSY);
        assertThat(item(CAROL).status()).isEqualTo("in a meeting");

        presence(CAROL, Availability.XA, "");
        assertThat(item(CAROL).tone()).isEqualTo(PresenceTone.EXTENDED_AWAY);

        rosterGateway.emit(new RosterEvent.PresenceChanged(CAROL.withResource("laptop"), Presence.OFFLINE));
        assertThat(item(CAROL).tone()).isEqualTo(PresenceTone.OFFLINE);
        assertThat(item(CAROL).status()).isEmpty();
    }

    @Test
    @DisplayName("the filter narrows the list to contacts whose name or address matches, ignoring case")
    void filterByNameOrAddress() {
        startWith(sampleRoster());

        model.filterProperty().set("CAR");
        assertThat(shownRows()).containsExactly("# Family 0/1", "  Carol", "# Work 0/1", "  Carol");

        model.filterProperty().set("smith");
        assertThat(shownRows()).containsExactly("# Work 0/1", "  Zed");

        model.filterProperty().set("nobody");
        assertThat(model.rows()).isEmpty();

        model.filterProperty().set("");
        assertThat(shownRows()).hasSize(9);
    }

    @Test
    @DisplayName("toggling a group header collapses it and toggling again expands it")
    void toggleCollapsesAndExpands() {
        startWith(sampleRoster());

        model.toggle(group("Work"));
        assertThat(shownRows()).containsExactly(
                "# Family 0/2", "  anna", "  Carol",
                "# Work 0/3 >",
                "# Contacts 0/1", "  Ben");

        model.toggle(group("Work"));
        assertThat(shownRows()).containsSequence("# Work 0/3", "  Carol", "  Dave", "  Zed");
    }

    @Test
    @DisplayName("a collapsed group stays collapsed when contacts change")
    void collapsedSurvivesUpdates() {
        startWith(sampleRoster());
        model.toggle(group("Work"));

        online(DAVE);

        assertThat(shownRows()).contains("# Work 1/3 >").doesNotContain("  Dave", "  Zed");
    }

    @Test
    @DisplayName("while filtering, collapsed groups are shown expanded; clearing the filter collapses them again")
    void filterExpandsCollapsedGroups() {
        startWith(sampleRoster());
        model.toggle(group("Work"));

        model.filterProperty().set("smith");
        assertThat(shownRows()).containsExactly("# Work 0/1", "  Zed");

        model.filterProperty().set("");
        assertThat(shownRows()).contains("# Work 0/3 >").doesNotContain("  Zed");
    }

    @Test
    @DisplayName("the summary counts each contact once: 'N of M online'")
    void summary() {
        startWith(sampleRoster());
        assertThat(model.summaryProperty().get()).isEqualTo("0 of 5 online");

        online(CAROL); // in two groups
        presence(BEN, Availability.CHAT, "");

        assertThat(model.summaryProperty().get()).isEqualTo("2 of 5 online");
        assertThat(group("Family").online()).isEqualTo(1);
        assertThat(group("Work").online()).isEqualTo(1);
    }

    @Test
    @DisplayName("the summary of an empty roster says there are no contacts yet")
    void summaryEmpty() {
        startWith(List.of());

        assertThat(model.summaryProperty().get()).isEqualTo("No contacts yet");
    }

    @Test
    @DisplayName("contact changes and removals from the server show in the list")
    void contactChangedAndRemoved() {
        startWith(sampleRoster());

        rosterGateway.emit(new RosterEvent.ContactChanged(contact(BEN, "Benjamin", "Family")));
        rosterGateway.emit(new RosterEvent.ContactRemoved(ZED));

        assertThat(shownRows()).containsExactly(
                "# Family 0/3", "  anna", "  Benjamin", "  Carol",
                "# Work 0/2", "  Carol", "  Dave");
        assertThat(model.summaryProperty().get()).isEqualTo("0 of 4 online");
    }

    @Test
    @DisplayName("a contact without a name is shown by address; pending and one-way subscriptions are noted")
    void displayNameAndSubscriptionNotes() {
        Jid frank = Jid.parse("frank@example.org");
        Jid gina = Jid.parse("gina@example.org");
        startWith(List.of(
                new Contact(frank, "", Set.of(), Subscription.NONE, true),
                new Contact(gina, "Gina", Set.of(), Subscription.FROM, false),
                contact(BEN, "Ben")));

        assertThat(item(frank).name()).isEqualTo("frank@example.org");
        assertThat(item(frank).address()).isEqualTo("frank@example.org");
        assertThat(item(frank).subscriptionNote()).isEqualTo("waiting for approval");
        assertThat(item(gina).subscriptionNote()).isEqualTo("presence not shared with you");
        assertThat(item(BEN).subscriptionNote()).isEmpty();
        assertThat(item(BEN).group()).isEqualTo(Contact.NO_GROUP);
    }

    @Test
    @DisplayName("a subscription request is listed once; accepting approves it on the server and removes it")
    void acceptRequest() {
        startWith(sampleRoster());

        rosterGateway.emit(new RosterEvent.SubscriptionRequested(ERIN));
        rosterGateway.emit(new RosterEvent.SubscriptionRequested(ERIN.withResource("phone")));

        assertThat(model.requests()).containsExactly(new RequestItem(ERIN, "erin@example.net"));

        model.accept(model.requests().getFirst());

        assertThat(rosterGateway.approved).containsExactly(ERIN);
        assertThat(rosterGateway.denied).isEmpty();
        assertThat(model.requests()).isEmpty();
    }

    @Test
    @DisplayName("denying a request tells the server and removes it")
    void denyRequest() {
        startWith(sampleRoster());
        rosterGateway.emit(new RosterEvent.SubscriptionRequested(ERIN));

        model.deny(model.requests().getFirst());

        assertThat(rosterGateway.denied).containsExactly(ERIN);
        assertThat(rosterGateway.approved).isEmpty();
        assertThat(model.requests()).isEmpty();
    }

    @Test
    @DisplayName("a request that failed on the server stays listed and the error is shown")
    void failedAcceptKeepsRequest() {
        startWith(sampleRoster());
        rosterGateway.emit(new RosterEvent.SubscriptionRequested(ERIN));
        rosterGateway.nextResult = CompletableFuture.failedFuture(new IllegalStateException("not connected"));

        model.accept(model.requests().getFirst());

        assertThat(model.requests()).hasSize(1);
        assertThat(model.errorProperty().get()).isEqualTo("Could not accept erin@example.net: not connected");
    }

    @Test
    @DisplayName("requests answered on another device disappear; requests from before start() are listed")
    void requestsSettledElsewhereAndEarlier() {
        rosterGateway.emit(new RosterEvent.SubscriptionRequested(ERIN));
        startWith(sampleRoster());
        assertThat(model.requests()).extracting(RequestItem::jid).containsExactly(ERIN);

        rosterGateway.emit(new RosterEvent.SubscriptionRequestSettled(ERIN));

        assertThat(model.requests()).isEmpty();
    }

    @Test
    @DisplayName("adding a contact with a bad address, a resource or an existing address returns why and sends nothing")
    void addContactRejected() {
        startWith(sampleRoster());

        assertThat(model.addContact("", "", "")).hasValueSatisfying(p -> assertThat(p).isNotBlank());
        assertThat(model.addContact(null, "", "")).hasValueSatisfying(p -> assertThat(p).isNotBlank());
        assertThat(model.addContact("frank@", "", "")).hasValueSatisfying(p -> assertThat(p).contains("domain"));
        assertThat(model.addContact("fr ank@example.org", "", "")).isPresent();
        assertThat(model.addContact("frank@example.org/phone", "", ""))
                .hasValue("Leave out the '/phone' part: contacts are added by their bare address.");
        assertThat(model.addContact("Carol@Example.org", "", ""))
                .hasValue("carol@example.org is already in your contacts.");

        assertThat(rosterGateway.added).isEmpty();
    }

    @Test
    @DisplayName("adding a valid contact sends the bare address, trimmed name and the group")
    void addContactSends() {
        startWith(sampleRoster());

        assertThat(model.addContact("  frank@example.org ", " Frank ", " Friends ")).isEmpty();
        assertThat(model.addContact("gina@example.org", null, "  ")).isEmpty();

        assertThat(rosterGateway.added).containsExactly(
                new FakeRosterGateway.Added(Jid.parse("frank@example.org"), "Frank", Set.of("Friends")),
                new FakeRosterGateway.Added(Jid.parse("gina@example.org"), "", Set.of()));
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    @DisplayName("a server refusal of an add shows in the error, and clearError hides it")
    void addContactServerFailure() {
        startWith(sampleRoster());
        rosterGateway.nextResult = CompletableFuture.failedFuture(new IllegalStateException("forbidden"));

        assertThat(model.addContact("frank@example.org", "", "")).isEmpty();

        assertThat(model.errorProperty().get()).isEqualTo("Could not add frank@example.org: forbidden");
        model.clearError();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    @DisplayName("rename sends the contact with the new (trimmed) name and its groups unchanged")
    void rename() {
        startWith(sampleRoster());

        model.rename(item(CAROL), "  Carla ");

        assertThat(rosterGateway.updated).containsExactly(
                new Contact(CAROL, "Carla", Set.of("Work", "Family"), Subscription.BOTH, false));
    }

    @Test
    @DisplayName("moveToGroup sends the contact in exactly that group; an empty group means none")
    void moveToGroup() {
        startWith(sampleRoster());

        model.moveToGroup(item(CAROL), "Friends");
        model.moveToGroup(item(DAVE), "");

        assertThat(rosterGateway.updated).containsExactly(
                new Contact(CAROL, "Carol", Set.of("Friends"), Subscription.BOTH, false),
                new Contact(DAVE, "Dave", Set.of(), Subscription.BOTH, false));
    }

    @Test
    @DisplayName("remove sends the contact's address to the server")
    void remove() {
        startWith(sampleRoster());

        model.remove(item(DAVE));

        assertThat(rosterGateway.removed).containsExactly(DAVE);
    }

    @Test
    @DisplayName("a failing rename shows the reason in the error")
    void renameFailure() {
        startWith(sampleRoster());
        rosterGateway.nextResult = CompletableFuture.failedFuture(
                new java.util.concurrent.CompletionException(new IllegalStateException("item-not-found")));

        model.rename(item(DAVE), "David");

        assertThat(model.errorProperty().get()).isEqualTo("Could not rename dave@example.org: item-not-found");
    }

    @Test
    @DisplayName("groupNames lists the groups in use, by name, without the default group")
    void groupNames() {
        startWith(sampleRoster());

        assertThat(model.groupNames()).containsExactly("Family", "Work");
    }

    @Test
    @DisplayName("opening a contact asks to open its chat")
    void openContact() {
        startWith(sampleRoster());

        model.open(item(DAVE));

        assertThat(opened).containsExactly(DAVE);
    }

    @Test
    @DisplayName("unread counts of the chat conversations show on the contacts, and go away when read")
    void unreadCounts() {
        startWith(sampleRoster());

        incoming(CAROL, "m1");
        incoming(CAROL, "m2");
        incoming(DAVE, "m3");

        assertThat(item(CAROL).unread()).isEqualTo(2);
        assertThat(item(DAVE).unread()).isEqualTo(1);
        assertThat(item(ZED).unread()).isZero();
        assertThat(model.rows().stream()
                .filter(r -> r instanceof RosterRow.ContactRow c && c.contact().jid().equals(CAROL))
                .map(r -> ((RosterRow.ContactRow) r).contact().unread()))
                .containsExactly(2, 2); // in both of Carol's groups

        chat.markRead(CAROL);

        assertThat(item(CAROL).unread()).isZero();
        assertThat(item(DAVE).unread()).isEqualTo(1);
    }

    @Test
    @DisplayName("messages that arrived before the roster view started (offline delivery at login) count as unread")
    void unreadFromBeforeStart() {
        incoming(DAVE, "early");

        startWith(sampleRoster());

        assertThat(item(DAVE).unread()).isEqualTo(1);
    }

    @Test
    @DisplayName("5,000 presences queued before the UI turn rebuild the rows once")
    void presenceBurstRebuildsOnce() {
        QueuedUiExecutor ui = new QueuedUiExecutor();
        model = new RosterViewModel(roster, chat, ui, Runnable::run, opened::add);
        List<Contact> many = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            many.add(contact(Jid.parse(String.format("user%04d@example.org", i)), "", "Group " + (i % 7)));
        }
        model.start();
        rosterGateway.emit(new RosterEvent.RosterLoaded(many));
        ui.runAll();
        assertThat(model.summaryProperty().get()).isEqualTo("0 of 5000 online");
        AtomicInteger rowChanges = new AtomicInteger();
        model.rows().addListener((ListChangeListener<RosterRow>) change -> rowChanges.incrementAndGet());

        for (Contact c : many) {
            online(c.jid());
        }

        assertThat(ui.pending()).isEqualTo(1);
        assertThat(rowChanges).hasValue(0);
        ui.runAll();
        assertThat(rowChanges).hasValue(1);
        assertThat(model.summaryProperty().get()).isEqualTo("5000 of 5000 online");
        assertThat(model.rows()).hasSize(5_000 + 7);
    }
}
