package im.parley.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.scene.Scene;

import java.util.Objects;

/** AtlantaFX light or dark, following the OS colour scheme where JavaFX can read it. */
public final class Theme {

    private static final String APP_CSS = Objects.requireNonNull(
            Theme.class.getResource("parley.css"), "parley.css missing").toExternalForm();

    private Theme() {
    }

    /** Applies the theme now and again whenever the OS switches between light and dark. */
    public static void followSystem() {
        apply(Platform.getPreferences().getColorScheme());
        Platform.getPreferences().colorSchemeProperty().addListener((obs, old, scheme) -> apply(scheme));
    }

    public static void style(Scene scene) {
        scene.getStylesheets().add(APP_CSS);
    }

    private static void apply(ColorScheme scheme) {
        Application.setUserAgentStylesheet(scheme == ColorScheme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
