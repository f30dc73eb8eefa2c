package im.parley.platform;

import im.parley.service.notify.Notification;
import im.parley.service.notify.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Desktop notifications through the OS's own tool: {@code notify-send} (freedesktop notifications, one per
 * conversation replaced in place where the server supports stack tags) on Linux and BSDs, {@code osascript} on macOS.
 * Where neither exists nothing is shown and the unread badges remain. Only titles and counts are passed: they
 * appear in the process list for a moment, so a body never would.
 */
public final class DesktopNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifier.class);

    private final Optional<List<String>> command;

    public DesktopNotifier() {
        this(System.getProperty("os.name", ""), System.getenv("PATH"));
    }

    DesktopNotifier(String osName, String path) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            command = onPath("osascript", path).map(p -> List.of(p.toString(), "-e"));
        } else if (!os.contains("win")) {
            command = onPath("notify-send", path).map(p -> List.of(p.toString(), "--app-name=Parley"));
        } else {
            command = Optional.empty();
        }
    }

    public boolean available() {
        return command.isPresent();
    }

    @Override
    public void show(Notification notification) {
        command.ifPresent(base -> {
            List<String> args = new ArrayList<>(base);
            if (base.getFirst().endsWith("osascript")) {
                args.add("display notification " + appleString(notification.text()) + " with title "
                        + appleString(notification.title()));
            } else {
                args.add("--hint=string:x-dunst-stack-tag:parley-" + notification.conversation().asBareString());
                args.add("--hint=string:x-canonical-private-synchronous:parley-" + notification.conversation().asBareString());
                args.add("--");
                args.add(notification.title());
                args.add(notification.text());
            }
            try {
                Process process = new ProcessBuilder(args).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                process.onExit().orTimeout(5, TimeUnit.SECONDS).whenComplete((p, e) -> {
                    if (e != null) {
                        process.destroyForcibly();
                    }
                });
            } catch (IOException e) {
                LOG.debug("Notification not shown: {}", e.toString());
            }
        });
    }

    /** An AppleScript string literal: the title is a contact's name, which must not become script. */
    static String appleString(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\').appendCodePoint(c);
            } else if (Character.isISOControl(c)) {
                quoted.append(' ');
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append('"').toString();
    }

    private static Optional<Path> onPath(String program, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, program);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
