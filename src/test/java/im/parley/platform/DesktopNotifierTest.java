package im.parley.platform;

import im.parley.service.common.Jid;
import im.parley.service.notify.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The notifier runs the OS tool with safe arguments; a stand-in notify-send records what it was given. */
class DesktopNotifierTest {

    @TempDir
    Path dir;

    @Test
    void onLinuxItRunsNotifySendWithTheTitleAsAnArgumentNotAnOption() throws Exception {
        Path log = dir.resolve("args.txt");
        Path tool = dir.resolve("notify-send");
        Files.writeString(tool, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > " + log + ".tmp && mv "
                + log + ".tmp " + log + "\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        DesktopNotifier notifier = new DesktopNotifier("Linux", dir.toString());
        assertThat(notifier.available()).isTrue();

        notifier.show(new Notification(Jid.parse("bob@example.org"), "--version; rm -rf ~", "3 new messages"));

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(log));
        List<String> args = Files.readAllLines(log);
        assertThat(args).containsSubsequence("--", "--version; rm -rf ~", "3 new messages");
        assertThat(args.getFirst()).isEqualTo("--app-name=Parley");
        assertThat(args).contains("--hint=string:x-dunst-stack-tag:parley-bob@example.org");
    }

    @Test
    void withoutTheToolNothingIsShownAndNothingFails() {
        DesktopNotifier notifier = new DesktopNotifier("Linux", dir.toString());
        assertThat(notifier.available()).isFalse();
        notifier.show(new Notification(Jid.parse("bob@example.org"), "Bob", "New message"));
        assertThat(new DesktopNotifier("Windows 11", dir.toString()).available()).isFalse();
    }

    @Test
    void aContactNameCannotBreakOutOfTheAppleScriptString() {
        assertThat(DesktopNotifier.appleString("Bob\" & do shell script \"rm -rf ~\" & \"\\"))
                .isEqualTo("\"Bob\\\" & do shell script \\\"rm -rf ~\\\" & \\\"\\\\\"");
        assertThat(DesktopNotifier.appleString("line\nbreak")).isEqualTo("\"line break\"");
    }
}
