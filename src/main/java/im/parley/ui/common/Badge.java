package im.parley.ui.common;

import javafx.scene.control.Label;
import javafx.scene.shape.Circle;

/** The small round unread counter. */
public final class Badge {

    private Badge() {
    }

    public static Label unread(int count) {
        Label badge = new Label();
        badge.getStyleClass().add("unread-badge");
        showUnread(badge, count);
        return badge;
    }

    /** Refills a badge (list cells reuse theirs); hidden at zero. */
    public static void showUnread(Label badge, int count) {
        badge.setText(count > 999 ? "999+" : Integer.toString(count));
        badge.setVisible(count > 0);
        badge.setManaged(count > 0);
    }

    public static Circle presenceDot(PresenceTone tone) {
        Circle dot = new Circle(5);
        showTone(dot, tone);
        return dot;
    }

    public static void showTone(Circle dot, PresenceTone tone) {
        dot.getStyleClass().setAll("presence-dot", tone.styleClass());
    }
}
