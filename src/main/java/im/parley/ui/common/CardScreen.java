package im.parley.ui.common;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The centred, scrollable card the screens before the main window share (archive, login, passphrase change). */
public final class CardScreen {

    private CardScreen() {
    }

    /** Styles {@code card} and places it centred at the top of {@code root}, which scrolls when the window is small. */
    public static ScrollPane wrap(ScrollPane root, VBox card) {
        card.getStyleClass().add("login-card");
        card.setMaxWidth(460);
        card.setPadding(new Insets(28));
        VBox column = new VBox(card);
        column.setAlignment(Pos.TOP_CENTER);
        column.setPadding(new Insets(24));
        column.getStyleClass().add("login-root");
        root.setContent(column);
        root.setFitToWidth(true);
        column.minHeightProperty().bind(Bindings.createDoubleBinding(
                () -> root.getViewportBounds().getHeight(), root.viewportBoundsProperty()));
        root.getStyleClass().add("login-scroll");
        return root;
    }
}
