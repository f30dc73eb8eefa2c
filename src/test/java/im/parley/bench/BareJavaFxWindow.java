package im.parley.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference for "cold start to login window": the smallest JavaFX window, started on the class path like
 * Parley (a launcher class that does not extend {@code Application}), logging the same first-frame line through
 * SLF4J and exiting after it when {@code -Dparley.exitAfterFirstFrame=true}.
 */
public final class BareJavaFxWindow {

    private BareJavaFxWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The application itself; the first frame counts as shown once the first pulse after showing has run. */
    public static final class Window extends Application {

        private static final Logger LOG = LoggerFactory.getLogger(BareJavaFxWindow.class);

        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label("Hello from bare JavaFX")), 480, 320);
            stage.setTitle("Bare JavaFX");
            stage.setScene(scene);
            stage.setOnShown(shown -> scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    Platform.runLater(Window::firstFrameShown);
                }
            }));
            stage.show();
        }

        private static void firstFrameShown() {
            LOG.info("parley: first frame shown");
            if (Boolean.getBoolean(ColdStart.EXIT_PROPERTY)) {
                Platform.exit();
            }
        }
    }
}
