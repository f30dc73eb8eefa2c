package im.parley.service.roster;

import im.parley.service.common.Jid;
import im.parley.service.common.Presence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class RosterServiceTest {

    private static final Jid BOB = Jid.parse("bob@example.org");
    private static final Jid CAROL = Jid.parse("carol@example.org");

    private final FakeRosterGateway gateway = new FakeRosterGateway();
    private final RosterService service = new RosterService(gateway);
    private final List<RosterEvent> events = new ArrayList<>();

    @BeforeEach
    void listen() {
        service.addListener(events::add);
    }

    private static Contact bob(Set<String> groups) {
        return new Contact(BOB, "Bob", groups, Subscription.BOTH, false);
    }

    @Test
    @DisplayName("a subscription request becomes pending and is announced")
    void requestIsPending() {
        gateway.emit(new RosterEvent.SubscriptionRequested(BOB));

        assertThat(service.pendingRequests()).containsExactly(BOB);
        assertThat(events).containsExactly(new RosterEvent.SubscriptionRequested(BOB));
    }

    @Test
    @DisplayName("a repeated request from the same account (any resource) is announced only once")
    void requestsDeduplicated() {
        gateway.emit(new RosterEvent.SubscriptionRequested(BOB));
        gateway.emit(new RosterEvent.SubscriptionRequested(Jid.parse("bob@example.org/phone")));
        gateway.emit(new RosterEvent.SubscriptionRequested(BOB));
        gateway.emit(new RosterEvent.SubscriptionRequested(CAROL));

        assertThat(service.pendingRequests()).containsExactlyInAnyOrder(BOB, CAROL);
        assertThat(events).containsExactly(new RosterEvent.SubscriptionRequested(BOB),
                new RosterEvent.SubscriptionRequested(CAROL));
    }

    @Test
    @DisplayName("approving a request approves the bare address, settles it and announces that")
    void approveSettles() {
        gateway.emit(new RosterEvent.SubscriptionRequested(BOB));

        CompletableFuture<Void> result = service.approve(Jid.parse("bob@example.org/phone"));

        assertThat(result).isCompleted();
        assertThat(gateway.approved).containsExactly(BOB);
        assertThat(service.pendingRequests()).isEmpty();
        assertThat(events).endsWith(new RosterEvent.SubscriptionRequestSettled(BOB));
    }

    @Test
    @DisplayName("denying a request denies it, settles it and announces that")
    void denySettles() {
        gateway.emit(new RosterEvent.SubscriptionRequested(BOB));
        gateway.emit(new RosterEvent.SubscriptionRequested(CAROL));

        service.deny(BOB);

        assertThat(gateway.denied).containsExactly(BOB);
        assertThat(service.pendingRequests()).containsExactly(CAROL);
        assertThat(events).endsWith(new RosterEvent.SubscriptionRequestSettled(BOB));
    }

    @Test
    @DisplayName("a request stays pending until the server confirms the answer, and after a failure")
    void settlesOnlyAfterGatewaySucceeds() {
        gateway.emit(new RosterEvent.SubscriptionRequested(BOB));
        CompletableFuture<Void> server = new CompletableFuture<>();
        gateway.nextResult = server;

        CompletableFuture<Void> result = service.approve(BOB);

        assertThat(service.pendingRequests()).containsExactly(BOB);
        server.completeExceptionally(new IOException("Not connected"));

        assertThat(result).isCompletedExceptionally();
        assertThat(service.pendingRequests()).containsExactly(BOB);
        assertThat(events).doesNotHaveAnyElementsOfTypes(RosterEvent.SubscriptionRequestSettled.class);
    }

    @Test
    @DisplayName("answering an account that had no pending request announces no settlement")
    void answeringUnknownRequest() {
        service.approve(BOB);

        assertThat(gateway.approved).containsExactly(BOB);
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("a request settled on another device clears it here and is announced once")
    void settledElsewhere() {
        gateway.emit(new RosterEvent.SubscriptionRequested(BOB));

        gateway.emit(new RosterEvent.SubscriptionRequestSettled(Jid.parse("bob@example.org/phone")));
        gateway.emit(new RosterEvent.SubscriptionRequestSettled(BOB));

        assertThat(service.pendingRequests()).isEmpty();
        assertThat(events).containsExactly(new RosterEvent.SubscriptionRequested(BOB),
                new RosterEvent.SubscriptionRequestSettled(BOB));
    }

    @Test
    @DisplayName("a new request after a settled one is announced again")
    void requestAgainAfterSettled() {
        gateway.emit(new RosterEvent.SubscriptionRequested(BOB));
        service.deny(BOB);

        gateway.emit(new RosterEvent.SubscriptionRequested(BOB));

        assertThat(service.pendingRequests()).containsExactly(BOB);
        assertThat(events).filteredOn(RosterEvent.SubscriptionRequested.class::isInstance).hasSize(2);
    }

    @Test
    @DisplayName("moveToGroup puts the contact in exactly that one group, trimmed")
    void moveToGroup() {
        service.moveToGroup(bob(Set.of("Family", "Friends")), "  Work ");

        assertThat(gateway.updated).singleElement()
                .satisfies(c -> assertThat(c.groups()).containsExactly("Work"))
                .satisfies(c -> assertThat(c.name()).isEqualTo("Bob"))
                .satisfies(c -> assertThat(c.jid()).isEqualTo(BOB));
    }

    @Test
    @DisplayName("moveToGroup with a blank or missing group takes the contact out of all groups")
    void moveToNoGroup() {
        service.moveToGroup(bob(Set.of("Family")), "   ");
        service.moveToGroup(bob(Set.of("Family")), null);

        assertThat(gateway.updated).hasSize(2).allSatisfy(c -> assertThat(c.groups()).isEmpty());
    }

    @Test
    @DisplayName("rename updates the contact with the new, sanitized name")
    void rename() {
        service.rename(bob(Set.of("Family")), "\u202ERobert");

        assertThat(gateway.updated).singleElement().isEqualTo(new Contact(BOB, "Robert", Set.of("Family"),
                Subscription.BOTH, false));
    }

    @Test
    @DisplayName("addContact and remove use the bare address; a missing name becomes empty")
    void addAndRemoveUseBareAddress() {
        service.addContact(Jid.parse("bob@example.org/phone"), null, Set.of("Work"));
        service.remove(Jid.parse("bob@example.org/phone"));

        assertThat(gateway.added).containsExactly(new FakeRosterGateway.Added(BOB, "", Set.of("Work")));
        assertThat(gateway.removed).containsExactly(BOB);
    }

    @Test
    @DisplayName("other roster events pass through unchanged and in server order")
    void otherEventsPassThrough() {
        Contact bob = bob(Set.of());
        List<RosterEvent> sent = List.of(new RosterEvent.RosterLoaded(List.of(bob)),
                new RosterEvent.PresenceChanged(BOB, Presence.ONLINE),
                new RosterEvent.ContactChanged(bob.withName("Robert")),
                new RosterEvent.ContactRemoved(BOB));

        sent.forEach(gateway::emit);

        assertThat(events).containsExactlyElementsOf(sent);
    }

    @Test
    @DisplayName("load returns the gateway's roster")
    void load() {
        gateway.roster = List.of(bob(Set.of()));

        assertThat(service.load()).isCompletedWithValue(List.of(bob(Set.of())));
    }
}
