package im.parley.app;

import javafx.application.Application;

/** The entry point; not an {@code Application} itself, so the class path launch finds JavaFX. */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(ParleyApplication.class, args);
    }
}
