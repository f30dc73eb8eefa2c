package im.parley.ui.chat;

import atlantafx.base.theme.Styles;
import im.parley.ui.common.Badge;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The list of conversations, newest first. */
public final class ConversationListView {

    private final ListView<ConversationItem> list;

    public ConversationListView(ConversationListViewModel model) {
        list = new ListView<>(model.items());
        list.setId("conversations");
        list.getStyleClass().add("conversation-list");
        list.setPlaceholder(new Label("No conversations yet.\nOpen one from your contacts."));
        list.setCellFactory(v -> new ListCell<>() {
            {
                setPrefWidth(0); // the list's width decides, so a long preview never scrolls it sideways
                setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.PRIMARY && !isEmpty()) {
                        model.open(getItem());
                    }
                });
            }

            @Override
            protected void updateItem(ConversationItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : graphic(item));
            }
        });
    }

    public Node root() {
        return list;
    }

    private static Node graphic(ConversationItem item) {
        Label title = new Label(item.title());
        title.setMinWidth(0);
        title.getStyleClass().add(item.unread() > 0 ? Styles.TEXT_BOLD : "conversation-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label time = new Label(item.time());
        time.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        time.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(6, title, gap, time);
        Label preview = new Label(item.preview());
        preview.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        preview.setMinWidth(0);
        preview.setPrefWidth(0); // takes what is left and ends in an ellipsis
        preview.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(preview, Priority.ALWAYS);
        HBox bottom = new HBox(6, preview, Badge.unread(item.unread()));
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(2, top, bottom);
        box.setMinWidth(0);
        return box;
    }
}
