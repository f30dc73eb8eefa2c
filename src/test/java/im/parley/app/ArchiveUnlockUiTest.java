package im.parley.app;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The archive screen in the real app, across restarts: first start creates the archive (a weak passphrase is
 * refused), the next start asks for it, a wrong one is refused without touching a byte, the right one opens it, and
 * settings left in plain files by older versions move into the archive.
 */
class ArchiveUnlockUiTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String PASSPHRASE = "marble lantern quiet harbor 7";
    private static final String NEW_PASSPHRASE = "copper meadow silent falcon 9";

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private Application app;

    private void assertNoArchiveCallOnTheUiThread() {
        assertThat(((ParleyApplication) app).archiveCallsOnUiThread())
                .as("blocking archive calls on the JavaFX thread (their stacks are in the log)").isZero();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        System.clearProperty("parley.home");
    }

    @Test
    void createThenRestartThenWrongThenRightPassphraseThenChangeIt() throws Exception {
        Path config = Files.createDirectories(home.resolve("config"));
        Files.writeString(config.resolve("login.properties"), "account=carol@example.org\n");
        Files.writeString(config.resolve("certificate-pins.properties"),
                "carol@example.org=" + String.join("\\:", java.util.Collections.nCopies(32, "AB")) + "\n");

        start();
        await().atMost(TIMEOUT).until(() -> robot.lookup("#create").tryQuery().isPresent());
        robot.clickOn("#passphrase").write("parley2026");
        robot.clickOn("#confirmation").write("parley2026");
        robot.clickOn("#create");
        await().atMost(TIMEOUT).until(() -> text("#unlockError").startsWith("Choose a stronger passphrase"));
        assertThat(home.resolve("data").resolve("archive.db")).doesNotExist();

        robot.interact(() -> {
            ((TextField) robot.lookup("#passphrase").query()).setText("");
            ((TextField) robot.lookup("#confirmation").query()).setText("");
        });
        robot.clickOn("#passphrase").write(PASSPHRASE);
        await().atMost(TIMEOUT).until(() -> text("#strengthLabel").startsWith("Strong") || text("#strengthLabel").startsWith("Very strong"));
        robot.clickOn("#confirmation").write(PASSPHRASE);
        robot.clickOn("#create");
        await().atMost(TIMEOUT).until(() -> robot.lookup("#address").tryQuery().isPresent());
        await().atMost(TIMEOUT).until(() -> text("#address").equals("carol@example.org"));
        assertThat(config.resolve("login.properties")).as("moved into the archive").doesNotExist();
        assertThat(config.resolve("certificate-pins.properties")).as("moved into the archive").doesNotExist();
        assertNoArchiveCallOnTheUiThread();
        FxToolkit.cleanupApplication(app);
        app = null;

        String before = digest(home);
        start();
        await().atMost(TIMEOUT).until(() -> robot.lookup("#unlock").tryQuery().isPresent());
        robot.clickOn("#passphrase").write("marble lantern quiet harbor 8");
        robot.clickOn("#unlock");
        await().atMost(TIMEOUT).until(() -> text("#unlockError").contains("does not unlock this archive"));
        assertThat(text("#passphrase")).isEmpty();
        assertThat(robot.lookup("#address").tryQuery()).isEmpty();
        assertThat(digest(home)).as("a wrong passphrase changes no byte of the profile").isEqualTo(before);

        robot.clickOn("#passphrase").write(PASSPHRASE);
        robot.clickOn("#unlock");
        await().atMost(TIMEOUT).until(() -> robot.lookup("#address").tryQuery().isPresent());
        await().atMost(TIMEOUT).until(() -> text("#address").equals("carol@example.org"));
        assertThat(PlaintextScan.filesContaining(home, List.of(PASSPHRASE, "carol@example.org"))).isEmpty();

        robot.clickOn("#offerPassphraseChange");
        await().atMost(TIMEOUT).until(() -> robot.lookup("#currentPassphrase").tryQuery().isPresent());
        robot.clickOn("#currentPassphrase").write(PASSPHRASE);
        robot.clickOn("#newPassphrase").write(NEW_PASSPHRASE);
        robot.clickOn("#newConfirmation").write(NEW_PASSPHRASE);
        robot.clickOn("#changePassphrase");
        await().atMost(Duration.ofSeconds(60)).until(() -> robot.lookup("#address").tryQuery().isPresent());
        await().atMost(TIMEOUT).until(() -> text("#address").equals("carol@example.org"));
        assertNoArchiveCallOnTheUiThread();
        FxToolkit.cleanupApplication(app);
        app = null;

        start();
        await().atMost(TIMEOUT).until(() -> robot.lookup("#unlock").tryQuery().isPresent());
        robot.clickOn("#passphrase").write(PASSPHRASE);
        robot.clickOn("#unlock");
        await().atMost(TIMEOUT).until(() -> text("#unlockError").contains("does not unlock this archive"));
        robot.clickOn("#passphrase").write(NEW_PASSPHRASE);
        robot.clickOn("#unlock");
        await().atMost(TIMEOUT).until(() -> text("#address").equals("carol@example.org"));
    }

    private void start() throws Exception {
        System.setProperty("parley.home", home.toString());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ParleyApplication.class);
    }

    private String text(String query) {
        WaitForAsyncUtils.waitForFxEvents();
        Node node = robot.lookup(query).tryQuery().orElse(null);
        if (node == null) {
            return "";
        }
        return WaitForAsyncUtils.waitForAsyncFx(5_000, () -> switch (node) {
            case javafx.scene.control.TextInputControl input -> input.getText();
            case Label label -> label.getText();
            default -> throw new IllegalArgumentException(query + " has no text");
        });
    }

    private static String digest(Path root) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                sha.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
