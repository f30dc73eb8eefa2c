package im.parley.ui.common;

import javafx.scene.control.Label;

/** The small round unread counter. */
public final class Badge {

    private Badge() {
    }

    public static Label unread(int count) {
        Label badge = new Label(count > 999 ? "999+" : Integer.toString(count));
        badge.getStyleClass().add("unread-badge");
        badge.setVisible(count > 0);
        badge.setManaged(count > 0);
        return badge;
    }

    public static javafx.scene.shape.Circle presenceDot(PresenceTone tone) {
        javafx.scene.shape.Circle dot = new javafx.scene.shape.Circle(5);
        dot.getStyleClass().addAll("presence-dot", tone.styleClass());
        return dot;
    }
}
