package im.parley.app;

import javafx.application.Platform;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;

/** Logs when the first frame is on screen (the cold-start benchmark waits for it), optionally quits. */
final class FirstFrame {

    private static final Logger LOG = LoggerFactory.getLogger(FirstFrame.class);

    private FirstFrame() {
    }

    static void report(Scene scene, boolean exitAfterwards) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.info("parley: first frame shown {} ms after JVM start", sinceStart);
            if (exitAfterwards) {
                Platform.runLater(Platform::exit);
            } else {
                warmUpMainWindow();
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Loads the icon font and its glyph tables while the user types, so the main window opens without that wait. */
    private static void warmUpMainWindow() {
        Thread.ofVirtual().name("parley-warmup").start(() -> {
            new org.kordamp.ikonli.javafx.FontIcon("mdi2s-send");
            LOG.debug("Icon font loaded");
        });
    }
}
