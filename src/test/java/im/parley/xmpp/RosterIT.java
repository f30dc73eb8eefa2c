package im.parley.xmpp;

import im.parley.service.common.Availability;
import im.parley.service.common.Jid;
import im.parley.service.common.Presence;
import im.parley.service.roster.Contact;
import im.parley.service.roster.RosterEvent;
import im.parley.service.roster.Subscription;
import im.parley.testsupport.ProsodyExtension;
import im.parley.testsupport.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** RFC 6121 §2 (roster management) and §3 (subscriptions), §4 (presence) between two Parley clients. */
class RosterIT {

    @RegisterExtension
    static final ProsodyExtension PROSODY = new ProsodyExtension();

    @TempDir
    Path dir;

    @Test
    void addedContactAcceptsAndBothSeeEachOthersPresence() {
        TestAccount a = PROSODY.server().newAccount("alice");
        TestAccount b = PROSODY.server().newAccount("bob");
        try (ClientUnderTest alice = new ClientUnderTest(PROSODY.server(), dir.resolve("a")).loggedIn(a);
             ClientUnderTest bob = new ClientUnderTest(PROSODY.server(), dir.resolve("b")).loggedIn(b)) {
            Jid bobJid = Jid.parse(b.jid());
            Jid aliceJid = Jid.parse(a.jid());

            alice.roster.addContact(bobJid, "Bob", Set.of("Friends")).join();
            alice.awaitRosterEvent(RosterEvent.ContactChanged.class,
                    e -> e.contact().jid().equals(bobJid) && e.contact().awaitingApproval()
                            && e.contact().groups().equals(Set.of("Friends")));

            bob.awaitRosterEvent(RosterEvent.SubscriptionRequested.class, e -> e.from().equals(aliceJid));
            assertThat(bob.roster.pendingRequests()).containsExactly(aliceJid);

            bob.roster.approve(aliceJid).join();
            bob.awaitRosterEvent(RosterEvent.SubscriptionRequestSettled.class, e -> e.from().equals(aliceJid));
            assertThat(bob.roster.pendingRequests()).isEmpty();

            alice.awaitRosterEvent(RosterEvent.ContactChanged.class,
                    e -> e.contact().jid().equals(bobJid) && e.contact().subscription() == Subscription.BOTH);
            alice.awaitRosterEvent(RosterEvent.PresenceChanged.class,
                    e -> e.jid().equals(bobJid) && e.presence().availability().isOnline());
            bob.awaitRosterEvent(RosterEvent.ContactChanged.class,
                    e -> e.contact().jid().equals(aliceJid) && e.contact().subscription() == Subscription.BOTH);

            bob.account.setPresence(new Presence(Availability.AWAY, "Lunch")).join();
            alice.awaitRosterEvent(RosterEvent.PresenceChanged.class,
                    e -> e.jid().equals(bobJid) && e.presence().equals(new Presence(Availability.AWAY, "Lunch")));
            bob.account.setPresence(new Presence(Availability.DND, "Meeting")).join();
            alice.awaitRosterEvent(RosterEvent.PresenceChanged.class,
                    e -> e.jid().equals(bobJid) && e.presence().availability() == Availability.DND);

            bob.account.logout().join();
            alice.awaitRosterEvent(RosterEvent.PresenceChanged.class,
                    e -> e.jid().equals(bobJid) && e.presence().availability() == Availability.OFFLINE);
        }
    }

    @Test
    void deniedRequestLeavesNoSubscription() {
        TestAccount a = PROSODY.server().newAccount("alice");
        TestAccount b = PROSODY.server().newAccount("bob");
        try (ClientUnderTest alice = new ClientUnderTest(PROSODY.server(), dir.resolve("a")).loggedIn(a);
             ClientUnderTest bob = new ClientUnderTest(PROSODY.server(), dir.resolve("b")).loggedIn(b)) {
            Jid bobJid = Jid.parse(b.jid());
            Jid aliceJid = Jid.parse(a.jid());
            alice.roster.addContact(bobJid, "", Set.of()).join();
            bob.awaitRosterEvent(RosterEvent.SubscriptionRequested.class, e -> e.from().equals(aliceJid));

            bob.roster.deny(aliceJid).join();

            alice.awaitRosterEvent(RosterEvent.ContactChanged.class, e -> e.contact().jid().equals(bobJid)
                    && !e.contact().awaitingApproval() && e.contact().subscription() == Subscription.NONE);
            assertThat(bob.roster.pendingRequests()).isEmpty();
            assertThat(bob.rosterEvents).noneMatch(e -> e instanceof RosterEvent.ContactChanged c
                    && c.contact().jid().equals(aliceJid) && c.contact().subscription() != Subscription.NONE);
        }
    }

    @Test
    void renameMoveAndRemoveAreStoredOnTheServer() {
        TestAccount a = PROSODY.server().newAccount("alice");
        TestAccount b = PROSODY.server().newAccount("bob");
        Jid bobJid = Jid.parse(b.jid());
        try (ClientUnderTest alice = new ClientUnderTest(PROSODY.server(), dir.resolve("a")).loggedIn(a)) {
            alice.roster.addContact(bobJid, "Bob", Set.of("Work")).join();
            Contact added = alice.awaitRosterEvent(RosterEvent.ContactChanged.class, e -> e.contact().jid().equals(bobJid)).contact();

            alice.roster.rename(added, "Robert").join();
            Contact renamed = alice.awaitRosterEvent(RosterEvent.ContactChanged.class,
                    e -> e.contact().name().equals("Robert")).contact();
            alice.roster.moveToGroup(renamed, "Family").join();
            alice.awaitRosterEvent(RosterEvent.ContactChanged.class,
                    e -> e.contact().name().equals("Robert") && e.contact().groups().equals(Set.of("Family")));
        }
        try (ClientUnderTest again = new ClientUnderTest(PROSODY.server(), dir.resolve("a2")).loggedIn(a)) {
            RosterEvent.RosterLoaded loaded = again.awaitRosterEvent(RosterEvent.RosterLoaded.class, e -> true);
            assertThat(loaded.contacts()).singleElement().satisfies(c -> {
                assertThat(c.name()).isEqualTo("Robert");
                assertThat(c.groups()).containsExactly("Family");
            });
            again.roster.remove(bobJid).join();
            again.awaitRosterEvent(RosterEvent.ContactRemoved.class, e -> e.jid().equals(bobJid));
            await().atMost(ClientUnderTest.TIMEOUT).until(() -> again.roster.load().join().isEmpty());
        }
    }
}
