package im.parley.testsupport;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.impl.JidCreate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A local Prosody on 127.0.0.1 to try Parley without an account: alice and bob (random passwords) in each other's
 * roster, a persistent room, and a welcome message from bob waiting for alice. Runs until Ctrl+C; the harness's
 * shutdown hook stops Prosody and deletes its directory.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=im.parley.testsupport.DemoServer</pre>
 */
public final class DemoServer {

    static final String ROOM_LOCALPART = "lobby";
    static final String WELCOME = "Hi Alice! This is Bob on the Parley demo server. Say hello back.";

    private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

    private DemoServer() {
    }

    public static void main(String[] args) throws Exception {
        ProsodyServer server = ProsodyServer.startNew();
        DemoSetup setup;
        try {
            setup = prepare(server);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        System.out.println(setup.describe(server));
        while (server.isRunning()) {
            Thread.sleep(WATCH_INTERVAL);
        }
        LOG.error("Prosody stopped unexpectedly; its log: {}", server.logFile());
        System.exit(1);
    }

    /** Accounts, mutual roster, room and welcome message on a fresh server. */
    static DemoSetup prepare(ProsodyServer server) throws Exception {
        TestAccount alice = register(server, "alice");
        TestAccount bob = register(server, "bob");
        server.seedRoster(alice, List.of(new RosterSeed(bob.jid(), "Bob", "Demo")));
        server.seedRoster(bob, List.of(new RosterSeed(alice.jid(), "Alice", "Demo")));
        String room = ROOM_LOCALPART + "@" + server.mucHost();
        XMPPTCPConnection connection = TestConnections.connect(server, bob, "demo-setup");
        try {
            DemoRoom.createPersistent(connection, room, "bob", "Lobby", "Welcome to the Parley demo room");
            connection.sendStanza(connection.getStanzaFactory().buildMessageStanza()
                    .to(JidCreate.entityBareFrom(alice.jid()))
                    .ofType(Message.Type.chat)
                    .setBody(WELCOME)
                    .build());
        } finally {
            connection.disconnect();
        }
        return new DemoSetup(alice, bob, room);
    }

    private static TestAccount register(ProsodyServer server, String localpart) {
        byte[] secret = new byte[12];
        RANDOM.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        server.register(localpart, password);
        return new TestAccount(localpart, password, localpart + "@" + server.host());
    }

    /** What the demo created, and how to tell a person about it. */
    record DemoSetup(TestAccount alice, TestAccount bob, String room) {

        String describe(ProsodyServer server) {
            return """

                    Parley demo server (Prosody on 127.0.0.1 only) is running. Press Ctrl+C to stop it.

                      Account 1     %-18s password %s
                      Account 2     %-18s password %s
                      Advanced      host 127.0.0.1     port %d (STARTTLS)
                      Certificate   SHA-256 %s
                      Room          %s

                    Log in as %s, check that Parley shows the same fingerprint, trust it, and read Bob's message.
                    """.formatted(alice.jid(), alice.password(), bob.jid(), bob.password(), server.c2sPort(),
                    server.certificateSha256(), room, alice.jid());
        }

        @Override
        public String toString() {
            return "DemoSetup[" + alice.jid() + ", " + bob.jid() + ", " + room + "]";
        }
    }
}
