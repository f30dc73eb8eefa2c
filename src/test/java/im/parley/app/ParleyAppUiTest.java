package im.parley.app;

import im.parley.testsupport.ProsodyExtension;
import im.parley.testsupport.ProsodyServer;
import im.parley.testsupport.RosterSeed;
import im.parley.testsupport.TestAccount;
import im.parley.testsupport.TestConnections;
import im.parley.ui.chat.ChatLine;
import im.parley.ui.chat.DeliveryMark;
import im.parley.ui.roster.RosterRow;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;


import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole app on headless JavaFX against a real Prosody: log in through the window (trusting the
 * self-signed certificate after comparing its fingerprint), see a contact, chat with a plain Smack peer.
 */
class ParleyAppUiTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String PASSPHRASE = "tangerine orbit velvet cactus 42";
    private static final String SENT_MARKER = "Hello from the window parley-out-7c1e9a";
    private static final String RECEIVED_MARKER = "Hi Alice, Bob here parley-in-93ab5d";

    @RegisterExtension
    static final ProsodyExtension PROSODY = new ProsodyExtension();

    @TempDir
    static Path home;

    private static Application app;
    private final FxRobot robot = new FxRobot();
    private XMPPTCPConnection bobConnection;

    @BeforeAll
    static void startApp() throws Exception {
        System.setProperty("parley.home", home.toString());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ParleyApplication.class);
    }

    @AfterAll
    static void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        System.clearProperty("parley.home");
    }

    /** The first start asks for the archive passphrase; later tests find it unlocked already. */
    @BeforeEach
    void createTheArchiveWhenAsked() {
        await().atMost(TIMEOUT).until(() -> robot.lookup("#address").tryQuery().isPresent()
                || robot.lookup("#create").tryQuery().isPresent());
        if (robot.lookup("#create").tryQuery().isPresent()) {
            robot.clickOn("#passphrase").write(PASSPHRASE);
            robot.clickOn("#confirmation").write(PASSPHRASE);
            robot.clickOn("#create");
            await().atMost(TIMEOUT).until(() -> robot.lookup("#address").tryQuery().isPresent());
        }
    }

    @AfterEach
    void disconnectBob() {
        if (bobConnection != null) {
            bobConnection.disconnect();
        }
    }

    @AfterEach
    void theArchiveWasNeverCalledOnTheUiThread() {
        assertThat(((ParleyApplication) app).archiveCallsOnUiThread())
                .as("blocking archive calls on the JavaFX thread (their stacks are in the log)").isZero();
    }

    @Test
    void logsInThroughTheWindowSeesTheContactAndChatsBothWays() throws Exception {
        ProsodyServer server = PROSODY.server();
        TestAccount alice = server.newAccount("alice");
        TestAccount bob = server.newAccount("bob");
        server.seedRoster(alice, List.of(new RosterSeed(bob.jid(), "Bob Builder", "Friends")));
        server.seedRoster(bob, List.of(new RosterSeed(alice.jid(), "Alice", null)));
        bobConnection = TestConnections.connect(server, bob);
        List<String> bobReceived = new CopyOnWriteArrayList<>();
        bobConnection.addAsyncStanzaListener(s -> bobReceived.add(((Message) s).getBody()), MessageWithBodiesFilter.INSTANCE);

        logIn(alice, server);

        assertThat(text("#fingerprint").replace("\n", ":")).as("the fingerprint shown before trusting")
                .isEqualTo(server.certificateSha256());
        robot.clickOn("#trust");

        ListView<RosterRow> roster = await().atMost(TIMEOUT).until(() -> robot.lookup("#roster").tryQuery(),
                Optional::isPresent).map(n -> (ListView<RosterRow>) n).orElseThrow();
        Node contactsTab = await().atMost(TIMEOUT).until(
                () -> robot.lookup(".tab-label").match(LabeledMatchers.hasText("Contacts")).tryQuery(),
                Optional::isPresent).orElseThrow();
        robot.clickOn(contactsTab);
        await().atMost(TIMEOUT).until(() -> contactRow(roster, "Bob Builder").isPresent());
        RosterRow first = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> roster.getItems().getFirst());
        assertThat(first).isEqualTo(new RosterRow.GroupRow("Friends", ((RosterRow.GroupRow) first).online(), 1, true));

        robot.clickOn("Bob Builder");
        await().atMost(TIMEOUT).until(() -> robot.lookup("#composer").tryQuery().isPresent());
        assertThat(((javafx.scene.control.Label) robot.lookup("#chatTitle").query()).getText()).isEqualTo("Bob Builder");
        robot.clickOn("#composer").write(SENT_MARKER);
        robot.type(KeyCode.ENTER);

        await().atMost(TIMEOUT).until(() -> bobReceived.contains(SENT_MARKER));
        ListView<ChatLine> messages = robot.lookup("#messages").query();
        await().atMost(TIMEOUT).until(() -> messageLine(messages, SENT_MARKER)
                .filter(m -> m.outgoing() && m.mark() == DeliveryMark.DELIVERED).isPresent());
        assertThat(text("#composer")).isEmpty();

        bobConnection.sendStanza(bobConnection.getStanzaFactory().buildMessageStanza()
                .to(JidCreate.entityBareFrom(alice.jid())).ofType(Message.Type.chat)
                .setBody(RECEIVED_MARKER).build());
        await().atMost(TIMEOUT).until(() -> messageLine(messages, RECEIVED_MARKER)
                .filter(m -> !m.outgoing() && m.sender().equals("Bob Builder")).isPresent());
        assertThat(WaitForAsyncUtils.waitForAsyncFx(5_000, () -> messages.getItems().getFirst()))
                .isEqualTo(new ChatLine.DayLine("Today"));

        // Search the archive from the shell: the received message is found and opening the hit shows it in place.
        robot.clickOn("#searchField").write("93ab5d");
        robot.type(KeyCode.ENTER);
        ListView<?> results = robot.lookup("#searchResults").query();
        await().atMost(TIMEOUT).until(() -> WaitForAsyncUtils.waitForAsyncFx(5_000, () -> results.getItems().size()) == 1);
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        ListView<ChatLine> found = robot.lookup("#messages").query();
        await().atMost(TIMEOUT).until(() -> messageLine(found, RECEIVED_MARKER).isPresent());
        assertThat(((javafx.scene.control.Label) robot.lookup("#chatTitle").query()).getText()).isEqualTo("Bob Builder");
        robot.clickOn("#searchField").type(KeyCode.ESCAPE);
        await().atMost(TIMEOUT).until(() -> !robot.lookup("#searchResultsPane").query().isVisible()
                && robot.lookup("#sidebar").query().isVisible());

        robot.clickOn("#logout");
        await().atMost(TIMEOUT).until(() -> robot.lookup("#address").tryQuery().isPresent());
        await().atMost(TIMEOUT).until(() -> bobConnection.isConnected()
                && !Roster.getInstanceFor(bobConnection)
                .getPresence(JidCreate.bareFrom(alice.jid())).isAvailable());

        // Nothing of the session is readable at rest: not the bodies, the password or the archive passphrase.
        assertThat(PlaintextScan.filesContaining(home, List.of(SENT_MARKER, RECEIVED_MARKER, alice.password(), PASSPHRASE)))
                .as("files under the profile directory holding a marker in plaintext").isEmpty();
        assertThat(PlaintextScan.filesUnder(home)).as("the archive is there and was written")
                .anyMatch(f -> f.getFileName().toString().equals("archive.db"));
    }

    @Test
    void aSubscriptionRequestWaitsForTheUserAndAcceptingItSharesPresenceBothWays() throws Exception {
        ProsodyServer server = PROSODY.server();
        TestAccount alice = server.newAccount("alice");
        TestAccount carol = server.newAccount("carol");
        logIn(alice, server);
        assertThat(text("#fingerprint").replace("\n", ":")).isEqualTo(server.certificateSha256());
        robot.clickOn("#trust");
        await().atMost(TIMEOUT).until(() -> robot.lookup("#roster").tryQuery().isPresent());

        XMPPTCPConnection carolConnection = TestConnections.connect(server, carol);
        try {
            Roster carolsRoster = Roster.getInstanceFor(carolConnection);
            carolsRoster.setSubscriptionMode(Roster.SubscriptionMode.accept_all);
            carolsRoster.createItemAndRequestSubscription(JidCreate.entityBareFrom(alice.jid()), "Alice", null);

            String accept = "#accept-" + carol.jid();
            await().atMost(TIMEOUT).until(() -> robot.lookup(accept).tryQuery().map(Node::isVisible).orElse(false));
            assertThat(carolsRoster.getEntry(JidCreate.entityBareFrom(alice.jid())).canSeeHisPresence())
                    .as("nothing is shared before the user answers").isFalse();
            robot.clickOn(accept);

            await().atMost(TIMEOUT).until(() -> carolsRoster.getEntry(JidCreate.entityBareFrom(alice.jid())).getType()
                    == RosterPacket.ItemType.both);
            await().atMost(TIMEOUT).until(() -> robot.lookup(accept).tryQuery().isEmpty());
        } finally {
            carolConnection.disconnect();
        }
        robot.clickOn("#logout");
        await().atMost(TIMEOUT).until(() -> robot.lookup("#address").tryQuery().isPresent());
    }

    @Test
    void anInvalidAddressIsRefusedInlineWithoutConnecting() {
        robot.interact(() -> field("#address").setText(""));
        robot.clickOn("#address").write("not an address@@");
        robot.clickOn("#login");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#addressError")).isNotBlank();
        assertThat(robot.lookup("#progress").query().isVisible()).isFalse();
        assertThat(robot.lookup("#login").query().isVisible()).isTrue();
    }

    private void logIn(TestAccount account, ProsodyServer server) {
        submitLogin(account, server);
        await().atMost(TIMEOUT).until(() -> robot.lookup("#trust").tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents(); // the card scrolls the decision into view: click where it ends up
    }

    private void submitLogin(TestAccount account, ProsodyServer server) {
        robot.interact(() -> {
            field("#address").setText("");
            field("#password").setText("");
            field("#host").setText("");
            field("#port").setText("");
        });
        robot.clickOn("#address").write(account.jid());
        robot.clickOn("#password").write(account.password());
        TitledPane advanced = robot.lookup("#advanced").query();
        if (!advanced.isExpanded()) {
            robot.clickOn("Advanced");
        }
        robot.clickOn("#host").write("127.0.0.1");
        robot.clickOn("#port").write(Integer.toString(server.c2sPort()));
        robot.clickOn("#login");
    }

    private TextField field(String query) {
        return robot.lookup(query).query();
    }

    /** The text of a control, read on the FX thread once pending UI work has run. */
    private String text(String query) {
        WaitForAsyncUtils.waitForFxEvents();
        Node node = robot.lookup(query).query();
        return WaitForAsyncUtils.waitForAsyncFx(5_000, () -> switch (node) {
            case javafx.scene.control.TextInputControl input -> input.getText();
            case javafx.scene.control.Labeled label -> label.getText();
            default -> throw new IllegalArgumentException(query + " has no text");
        });
    }

    private static Optional<RosterRow.ContactRow> contactRow(ListView<RosterRow> roster, String name) {
        return WaitForAsyncUtils.waitForAsyncFx(5_000, () -> List.copyOf(roster.getItems())).stream()
                .filter(r -> r instanceof RosterRow.ContactRow c && c.contact().name().equals(name))
                .map(r -> (RosterRow.ContactRow) r).findFirst();
    }

    private static Optional<ChatLine.MessageLine> messageLine(ListView<ChatLine> messages, String body) {
        return WaitForAsyncUtils.waitForAsyncFx(5_000, () -> List.copyOf(messages.getItems())).stream()
                .filter(l -> l instanceof ChatLine.MessageLine m && m.body().equals(body))
                .map(l -> (ChatLine.MessageLine) l).findFirst();
    }

}
