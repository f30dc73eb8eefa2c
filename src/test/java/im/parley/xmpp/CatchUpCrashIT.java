package im.parley.xmpp;

import im.parley.service.chat.ChatMessage;
import im.parley.service.chat.HistorySync;
import im.parley.service.chat.SyncCursor;
import im.parley.service.chat.SyncStore;
import im.parley.service.common.Jid;
import im.parley.testsupport.ArchiveSeed;
import im.parley.testsupport.ProsodyExtension;
import im.parley.testsupport.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A catch-up of 10,000 messages killed for real (SIGKILL of the JVM doing it, in the middle) resumes at the next
 * login with every message exactly once, in order: pages and cursor are committed together or not at all.
 */
class CatchUpCrashIT {

    private static final int TOTAL = 10_000;
    private static final int KILL_AFTER_PAGES = 5;

    @RegisterExtension
    static final ProsodyExtension PROSODY = new ProsodyExtension();

    @TempDir
    Path dir;

    @Test
    void aCatchUpKilledInTheMiddleResumesWithEveryMessageExactlyOnceInOrder() throws Exception {
        TestAccount a = PROSODY.server().newAccount("alice");
        TestAccount b = PROSODY.server().newAccount("bob");
        Jid alice = Jid.parse(a.jid());
        Jid bob = Jid.parse(b.jid());
        Path file = dir.resolve("archive.db");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);

        try (SyncClient client = new SyncClient(file, key, alice, s -> s);
             SyncClient.Login first = client.login(a.password(), PROSODY.server().c2sPort(),
                     PROSODY.server().certificateSha256())) {
            assertThat(first.catchUp().firstSync()).isTrue();
        }
        Instant start = Instant.now().minusSeconds(240);
        try (ArchiveSeed seed = ArchiveSeed.append(PROSODY.server(), a)) {
            for (int i = 0; i < TOTAL; i++) {
                seed.add(new ArchiveSeed.Item("crash-" + i, b.jid() + "/phone", a.jid(), "message " + i, "mid-" + i,
                        "oid-" + i, start.plusMillis(20L * i)));
            }
        }

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                CatchUpChild.class.getName(), file.toString(), Integer.toString(PROSODY.server().c2sPort()), a.jid(),
                PROSODY.server().certificateSha256())
                .redirectError(dir.resolve("child.err").toFile()).start();
        List<String> seen = new ArrayList<>();
        try {
            try (OutputStream stdin = child.getOutputStream()) {
                stdin.write(key);
                stdin.write((a.password() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                seen.add(line);
                if (line.equals(CatchUpChild.PAGE + KILL_AFTER_PAGES)) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, no close
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).as("the child reported pages and was killed before the end")
                .contains(CatchUpChild.PAGE + KILL_AFTER_PAGES).doesNotContain(CatchUpChild.DONE);
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        try (SyncClient client = new SyncClient(file, key, alice, s -> s)) {
            List<ChatMessage> survived = client.all(bob);
            assertThat(survived.size()).as("killed in the middle").isBetween(KILL_AFTER_PAGES * 250, TOTAL / 2);
            assertThat(survived.size() % 250).as("whole pages only").isZero();
            SyncCursor cursor = client.sync.cursor(SyncStore.OWN_ARCHIVE).orElseThrow();
            assertThat(cursor.lastStanzaId()).as("the cursor matches the last stored page")
                    .isEqualTo(survived.getLast().stanzaId()).isEqualTo("crash-" + (survived.size() - 1));

            try (SyncClient.Login again = client.login(a.password(), PROSODY.server().c2sPort(),
                    PROSODY.server().certificateSha256())) {
                HistorySync.CatchUp rest = again.catchUp();
                assertThat(rest.stored()).isEqualTo(TOTAL - survived.size());
            }
            List<ChatMessage> all = client.all(bob);
            assertThat(all).extracting(ChatMessage::body)
                    .isEqualTo(IntStream.range(0, TOTAL).mapToObj(i -> "message " + i).toList());
            assertThat(all).extracting(ChatMessage::stanzaId).doesNotHaveDuplicates();
            assertThat(client.messages.conversation(bob).orElseThrow().unread()).isEqualTo(TOTAL);
            assertThat(client.sync.cursor(SyncStore.OWN_ARCHIVE).orElseThrow())
                    .isEqualTo(new SyncCursor("crash-" + (TOTAL - 1), all.getLast().timestamp(), true));
        }
    }
}
