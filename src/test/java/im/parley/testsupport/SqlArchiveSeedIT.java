package im.parley.testsupport;

import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.element.MamElements.MamResultExtension;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.impl.JidCreate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link ProsodyServer.Storage#SQL} server with an {@link ArchiveSeed} written into its SQLite archive: Prosody
 * serves the seeded messages through MAM exactly as seeded, in order, and keeps archiving live messages after them.
 */
class SqlArchiveSeedIT {

    private static final int SEEDED = 2_000;
    private static final int PAGE = 250;

    @RegisterExtension
    static final ProsodyExtension PROSODY = new ProsodyExtension(ProsodyServer.Storage.SQL);

    @Test
    void seededMessagesComeBackThroughMamInOrderWithBodiesAndIds(ProsodyServer server) throws Exception {
        TestAccount owner = server.newAccount("owner");
        TestAccount alice = server.newAccount("alice");
        TestAccount bob = server.newAccount("bob");
        Instant start = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        List<ArchiveSeed.Item> items = new ArrayList<>(SEEDED);
        for (int i = 0; i < SEEDED; i++) {
            String peer = (i % 3 == 0 ? bob : alice).jid() + "/phone";
            boolean incoming = i % 2 == 0;
            String body = i % 7 == 0 ? "tricky <&> \"quoted\" 'single' ünïcødé " + i : "message " + i;
            // three messages per second: Prosody must keep the order of the seed, not only of the times
            items.add(new ArchiveSeed.Item("seed-" + i, incoming ? peer : owner.jid() + "/laptop",
                    incoming ? owner.jid() : peer, body, "mid-" + i, i % 5 == 0 ? null : "oid-" + i,
                    start.plusSeconds(i / 3)));
        }
        try (ArchiveSeed seed = ArchiveSeed.append(server, owner)) {
            items.forEach(seed::add);
        }

        XMPPTCPConnection connection = TestConnections.connect(server, owner, "laptop");
        XMPPTCPConnection bobConnection = TestConnections.connect(server, bob, "phone");
        try {
            MamManager mam = MamManager.getInstanceFor(connection);
            assertThat(mam.isSupported()).isTrue();

            MamManager.MamQuery everything = mam.queryArchive(MamManager.MamQueryArgs.builder()
                    .setResultPageSize(PAGE).build());
            assertThat(everything.getPage().getMamFinIq().getRSMSet().getCount()).as("RSM count").isEqualTo(SEEDED);
            assertMatches(allPages(everything), items);

            List<ArchiveSeed.Item> withBob = items.stream().filter(item -> item.peer(owner.jid()).equals(bob.jid()))
                    .toList();
            MamManager.MamQuery bobOnly = mam.queryArchive(MamManager.MamQueryArgs.builder()
                    .limitResultsToJid(JidCreate.entityBareFrom(bob.jid())).setResultPageSize(PAGE).build());
            assertMatches(allPages(bobOnly), withBob);

            StanzaCollector inbox = connection.createStanzaCollector(MessageWithBodiesFilter.INSTANCE);
            try {
                bobConnection.sendStanza(StanzaBuilder.buildMessage("live-1").to(connection.getUser())
                        .ofType(Message.Type.chat).setBody("live after the seed").build());
                Message live = inbox.nextResultOrThrow(5_000);
                assertThat(StanzaIdElement.getStanzaId(live)).as("stanza-id of the live message").isNotNull();
                MamManager.MamQuery after = mam.queryArchive(MamManager.MamQueryArgs.builder()
                        .afterUid(items.getLast().key()).setResultPageSize(PAGE).build());
                List<MamResultExtension> newer = allPages(after);
                assertThat(newer).singleElement().satisfies(result -> {
                    assertThat(result.getId()).isEqualTo(StanzaIdElement.getStanzaId(live).getId());
                    assertThat(result.getForwarded().getForwardedStanza().getBody()).isEqualTo("live after the seed");
                });
            } finally {
                inbox.cancel();
            }
        } finally {
            connection.disconnect();
            bobConnection.disconnect();
        }
    }

    private static List<MamResultExtension> allPages(MamManager.MamQuery query) throws Exception {
        List<MamResultExtension> results = new ArrayList<>(query.getMamResultExtensions());
        while (!query.isComplete()) {
            query.pageNext(PAGE);
            results.addAll(query.getPage().getMamResultExtensions());
        }
        return results;
    }

    private static void assertMatches(List<MamResultExtension> results, List<ArchiveSeed.Item> items) {
        assertThat(results).extracting(MamResultExtension::getId)
                .as("result ids (the stanza-ids), in seed order")
                .containsExactlyElementsOf(items.stream().map(ArchiveSeed.Item::key).toList());
        for (int i = 0; i < items.size(); i++) {
            ArchiveSeed.Item item = items.get(i);
            Forwarded<Message> forwarded = results.get(i).getForwarded();
            Message message = forwarded.getForwardedStanza();
            OriginIdElement originId = OriginIdElement.getOriginId(message);
            assertThat(message.getBody()).as("body of %s", item.key()).isEqualTo(item.body());
            assertThat(message.getStanzaId()).as("id of %s", item.key()).isEqualTo(item.messageId());
            assertThat(originId == null ? null : originId.getId()).as("origin-id of %s", item.key())
                    .isEqualTo(item.originId());
            assertThat(String.valueOf(message.getFrom())).as("from of %s", item.key()).isEqualTo(item.from());
            assertThat(String.valueOf(message.getTo())).as("to of %s", item.key()).isEqualTo(item.to());
            assertThat(message.getType()).isEqualTo(Message.Type.chat);
            assertThat(StanzaIdElement.hasStanzaId(message)).as("stanza-id inside %s", item.key()).isFalse();
            assertThat(forwarded.getDelayInformation().getStamp().toInstant()).as("delay of %s", item.key())
                    .isEqualTo(item.when());
        }
    }
}
