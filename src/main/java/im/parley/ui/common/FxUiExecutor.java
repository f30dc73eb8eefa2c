package im.parley.ui.common;

import javafx.application.Platform;

/** Runs on the JavaFX application thread: at once when already there, else queued. */
public final class FxUiExecutor implements UiExecutor {

    @Override
    public void execute(Runnable command) {
        if (Platform.isFxApplicationThread()) {
            command.run();
        } else {
            Platform.runLater(command);
        }
    }
}
