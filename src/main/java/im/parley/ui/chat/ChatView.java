package im.parley.ui.chat;

import atlantafx.base.theme.Styles;
import im.parley.ui.common.Badge;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/** One conversation: header, the (virtualised) message list and the composer. */
public final class ChatView {

    private final ChatViewModel model;
    private final BorderPane root = new BorderPane();
    private final ListView<ChatLine> messages;
    private final TextArea composer = new TextArea();
    /** The message shown highlighted for a moment after opening the conversation at it. */
    private final StringProperty highlighted = new SimpleStringProperty("");
    private final PauseTransition highlightFade = new PauseTransition(Duration.seconds(2.5));

    public ChatView(ChatViewModel model) {
        this.model = model;
        this.messages = messageList();
        root.getStyleClass().add("chat");
        root.setTop(header());
        root.setCenter(messages);
        root.setBottom(composerBar());
        highlightFade.setOnFinished(e -> highlighted.set(""));
        model.focusedMessageProperty().addListener((obs, old, id) -> focus(id));
        focus(model.focusedMessageProperty().get());
    }

    /** Scrolls the message to the middle of the list and highlights it briefly. */
    private void focus(String id) {
        int index = id == null || id.isEmpty() ? -1 : model.lineIndexOf(id);
        if (index < 0) {
            return;
        }
        messages.scrollTo(Math.max(0, index - 3));
        highlighted.set(id);
        highlightFade.playFromStart();
    }

    public Parent root() {
        return root;
    }

    public void focusComposer() {
        composer.requestFocus();
    }

    private Node header() {
        Label title = new Label();
        title.setId("chatTitle");
        title.textProperty().bind(model.titleProperty());
        title.getStyleClass().add(Styles.TITLE_4);
        Label subtitle = new Label();
        subtitle.setId("chatSubtitle");
        subtitle.textProperty().bind(model.subtitleProperty());
        subtitle.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        model.peerTypingProperty().addListener((obs, old, typing) ->
                subtitle.pseudoClassStateChanged(Styles.STATE_ACCENT, typing));
        HBox dotBox = new HBox();
        dotBox.setAlignment(Pos.CENTER);
        dotBox.getChildren().setAll(Badge.presenceDot(model.toneProperty().get()));
        model.toneProperty().addListener((obs, old, tone) -> dotBox.getChildren().setAll(Badge.presenceDot(tone)));
        HBox header = new HBox(10, dotBox, new VBox(1, title, subtitle));
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(10, 14, 10, 14));
        header.getStyleClass().add("chat-header");
        return header;
    }

    private ListView<ChatLine> messageList() {
        ListView<ChatLine> list = new ListView<>(model.lines());
        list.setId("messages");
        list.getStyleClass().add("message-list");
        list.setFocusTraversable(false);
        list.setPlaceholder(new Label("No messages yet. Say hello!"));
        list.setCellFactory(v -> new LineCell());
        model.lines().addListener((ListChangeListener<ChatLine>) change -> {
            while (change.next()) {
                if (change.wasAdded() && change.getTo() == list.getItems().size() && !model.newerAvailableProperty().get()) {
                    list.scrollTo(list.getItems().size() - 1);
                }
            }
        });
        if (!model.lines().isEmpty()) {
            list.scrollTo(model.lines().size() - 1);
        }
        list.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0 && firstVisibleIndex(list) == 0) {
                loadOlderKeepingPosition(list);
            } else if (e.getDeltaY() < 0 && lastVisibleIndex(list) == list.getItems().size() - 1) {
                loadNewerKeepingPosition(list);
            }
        });
        highlighted.addListener((obs, old, now) -> list.refresh());
        return list;
    }

    private static int firstVisibleIndex(ListView<ChatLine> list) {
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getFirstVisibleCell() != null) {
            return flow.getFirstVisibleCell().getIndex();
        }
        return -1;
    }

    private static int lastVisibleIndex(ListView<ChatLine> list) {
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getLastVisibleCell() != null) {
            return flow.getLastVisibleCell().getIndex();
        }
        return -1;
    }

    private void loadNewerKeepingPosition(ListView<ChatLine> list) {
        int lastShown = list.getItems().size() - 1;
        model.loadNewer().thenAccept(added -> {
            if (added) {
                list.scrollTo(Math.max(0, lastShown - 5));
            }
        });
    }

    private void loadOlderKeepingPosition(ListView<ChatLine> list) {
        int before = list.getItems().size();
        model.loadOlder().thenAccept(added -> {
            if (added) {
                list.scrollTo(list.getItems().size() - before);
            }
        });
    }

    private Node composerBar() {
        composer.setId("composer");
        composer.setPromptText("Message (Enter to send, Shift+Enter for a new line)");
        composer.setWrapText(true);
        composer.setPrefRowCount(2);
        composer.textProperty().bindBidirectional(model.composerProperty());
        composer.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                if (e.isShiftDown()) {
                    composer.insertText(composer.getCaretPosition(), "\n");
                } else {
                    model.send();
                }
            }
        });
        HBox.setHgrow(composer, Priority.ALWAYS);
        Button send = new Button(null, new FontIcon("mdi2s-send"));
        send.setId("send");
        send.setTooltip(new Tooltip("Send"));
        send.getStyleClass().addAll(Styles.ACCENT, Styles.BUTTON_ICON);
        send.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.composerProperty().get() == null || model.composerProperty().get().isBlank(),
                model.composerProperty()));
        send.setOnAction(e -> {
            model.send();
            composer.requestFocus();
        });
        Label error = new Label();
        error.setId("composerError");
        error.textProperty().bind(model.errorProperty());
        error.getStyleClass().add(Styles.DANGER);
        error.visibleProperty().bind(Bindings.isNotEmpty(model.errorProperty()));
        error.managedProperty().bind(error.visibleProperty());
        HBox row = new HBox(8, composer, send);
        row.setAlignment(Pos.BOTTOM_CENTER);
        VBox bar = new VBox(4, error, row);
        bar.setPadding(new Insets(8, 12, 12, 12));
        bar.getStyleClass().add("composer-bar");
        return bar;
    }

    private final class LineCell extends ListCell<ChatLine> {

        @Override
        protected void updateItem(ChatLine line, boolean empty) {
            super.updateItem(line, empty);
            setText(null);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            setGraphic(switch (line) {
                case ChatLine.DayLine day -> dayGraphic(day);
                case ChatLine.MessageLine message -> messageGraphic(message, getListView().getWidth(),
                        message.id().equals(highlighted.get()));
            });
        }
    }

    private static Node dayGraphic(ChatLine.DayLine day) {
        Label label = new Label(day.label());
        label.getStyleClass().addAll("day-separator", Styles.TEXT_SMALL);
        HBox box = new HBox(label);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static Node messageGraphic(ChatLine.MessageLine m, double listWidth, boolean highlight) {
        Label sender = new Label(m.sender());
        sender.getStyleClass().addAll("message-sender", Styles.TEXT_SMALL);
        Text body = new Text(m.body());
        body.getStyleClass().add("message-body");
        TextFlow flow = new TextFlow(body);
        flow.setMaxWidth(Math.max(200, listWidth * 0.7));
        Label time = new Label(m.time());
        time.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        HBox meta = new HBox(4, time);
        meta.setAlignment(Pos.CENTER_RIGHT);
        if (m.mark() != DeliveryMark.NONE) {
            FontIcon tick = new FontIcon(m.mark().icon());
            tick.getStyleClass().addAll("delivery-mark", "delivery-" + m.mark().name().toLowerCase(java.util.Locale.ROOT));
            Tooltip.install(tick, new Tooltip(m.failure().isEmpty() ? m.mark().description()
                    : m.mark().description() + ": " + m.failure()));
            meta.getChildren().add(tick);
        }
        VBox bubble = new VBox(2, sender, flow, meta);
        bubble.getStyleClass().addAll("bubble", m.outgoing() ? "bubble-outgoing" : "bubble-incoming");
        if (highlight) {
            bubble.getStyleClass().add("bubble-found");
        }
        bubble.setMaxWidth(Region.USE_PREF_SIZE);
        if (!m.failure().isEmpty()) {
            Label failure = new Label("Not sent: " + m.failure());
            failure.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
            failure.setWrapText(true);
            bubble.getChildren().add(failure);
        }
        HBox row = new HBox(bubble);
        row.setAlignment(m.outgoing() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        row.setPadding(new Insets(2, 8, 2, 8));
        return row;
    }
}
