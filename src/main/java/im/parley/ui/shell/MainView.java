package im.parley.ui.shell;

import atlantafx.base.theme.Styles;
import im.parley.ui.chat.ChatView;
import im.parley.ui.chat.ChatViewModel;
import im.parley.ui.chat.ConversationListView;
import im.parley.ui.common.Badge;
import im.parley.ui.common.PresenceTone;
import im.parley.ui.roster.RosterView;
import im.parley.ui.search.SearchScope;
import im.parley.ui.search.SearchView;
import im.parley.ui.search.SearchViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window: account bar, sidebar with chats and contacts, and the chat in front. */
public final class MainView {

    private final ShellViewModel model;
    private final BorderPane root = new BorderPane();
    private final StackPane chatArea = new StackPane();
    private final TabPane sidebar = new TabPane();
    private ChatView chatView;

    public MainView(ShellViewModel model) {
        this.model = model;
        root.getStyleClass().add("main");
        root.setTop(new VBox(accountBar(), banner(model.connectionProperty(), "connectionBanner", false),
                banner(model.noticeProperty(), "notice", true)));
        SplitPane split = new SplitPane(model.search().map(this::withSearch).orElseGet(this::sidebar), chatArea);
        split.setDividerPositions(0.32);
        SplitPane.setResizableWithParent(split.getItems().getFirst(), false);
        root.setCenter(split);
        showChat(model.currentChatProperty().get());
        model.currentChatProperty().addListener((obs, old, chat) -> showChat(chat));
    }

    public Parent root() {
        return root;
    }

    private Node accountBar() {
        ImageView logo = new ImageView(new Image(java.util.Objects.requireNonNull(
                MainView.class.getResource("/im/parley/icons/parley-64.png")).toExternalForm(), 26, 26, true, true));
        Label account = new Label();
        account.setId("accountLabel");
        account.textProperty().bind(model.accountLabelProperty());
        account.getStyleClass().add(Styles.TEXT_BOLD);

        ComboBox<PresenceTone> presence = new ComboBox<>();
        presence.setId("presence");
        presence.getItems().setAll(ShellViewModel.PRESENCE_CHOICES);
        presence.valueProperty().bindBidirectional(model.presenceProperty());
        presence.setCellFactory(v -> new PresenceCell());
        presence.setButtonCell(new PresenceCell());

        TextField status = new TextField();
        status.setId("status");
        status.setPromptText("Status message");
        status.setPrefColumnCount(18);
        status.textProperty().bindBidirectional(model.statusProperty());
        status.setOnAction(e -> model.applyPresence());
        status.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                model.applyPresence();
            }
        });

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button logout = new Button("Log out", new FontIcon("mdi2l-logout"));
        logout.setId("logout");
        logout.setTooltip(new Tooltip("Go offline and return to the login screen"));
        logout.setOnAction(e -> {
            logout.setDisable(true);
            model.logout();
        });
        HBox bar = new HBox(10, logo, account, presence, status, gap, privacyMenu(), logout);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("account-bar");
        return bar;
    }

    private Node banner(javafx.beans.value.ObservableStringValue text, String id, boolean dismissable) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.setWrapText(true);
        HBox.setHgrow(label, Priority.ALWAYS);
        HBox box = new HBox(8, new FontIcon("mdi2a-alert-outline"), label);
        if (dismissable) {
            Button close = new Button(null, new FontIcon("mdi2c-close"));
            close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            close.setOnAction(e -> model.dismissNotice());
            box.getChildren().add(close);
        }
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(6, 12, 6, 12));
        box.getStyleClass().add("banner");
        box.visibleProperty().bind(Bindings.isNotEmpty(text));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node sidebar() {
        Tab chats = new Tab("Chats", new ConversationListView(model.conversations()).root());
        chats.setId("chatsTab");
        Tab contacts = new Tab("Contacts", new RosterView(model.roster()).root());
        contacts.setId("contactsTab");
        sidebar.getTabs().setAll(chats, contacts);
        sidebar.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sidebar.setId("sidebar");
        sidebar.setMinWidth(260);
        model.conversations().totalUnreadProperty().addListener((obs, old, n) ->
                chats.setText(n.intValue() > 0 ? "Chats (" + n + ")" : "Chats"));
        sidebar.getSelectionModel().select(model.conversations().items().isEmpty() ? contacts : chats);
        return sidebar;
    }

    private static final KeyCombination SEARCH_ALL = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SEARCH_HERE =
            new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    /** The sidebar under a search field; while searching, the results take the place of the lists. */
    private Node withSearch(SearchViewModel search) {
        SearchView view = new SearchView(search);
        Node lists = sidebar();
        Node results = view.results();
        results.visibleProperty().bind(search.activeProperty());
        lists.visibleProperty().bind(search.activeProperty().not());
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SEARCH_HERE.match(e) || SEARCH_ALL.match(e)) {
                e.consume();
                search.scopeProperty().set(SEARCH_HERE.match(e) ? SearchScope.CURRENT_CONVERSATION
                        : SearchScope.ALL_CONVERSATIONS);
                view.focusField();
            }
        });
        StackPane below = new StackPane(lists, results);
        VBox.setVgrow(below, Priority.ALWAYS);
        VBox box = new VBox(view.field(), below);
        box.setMinWidth(260);
        return box;
    }

    private void showChat(ChatViewModel chat) {
        if (chat == null) {
            Label hint = new Label("Choose a contact or a conversation to start chatting.");
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            VBox empty = new VBox(12, new FontIcon("mdi2m-message-text-outline"), hint);
            empty.setAlignment(Pos.CENTER);
            empty.getStyleClass().add("chat-placeholder");
            chatArea.getChildren().setAll(empty);
            return;
        }
        chatView = new ChatView(chat);
        chatArea.getChildren().setAll(chatView.root());
        chatView.focusComposer();
    }

    private static final class PresenceCell extends ListCell<PresenceTone> {
        @Override
        protected void updateItem(PresenceTone tone, boolean empty) {
            super.updateItem(tone, empty);
            if (empty || tone == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setGraphic(Badge.presenceDot(tone));
            setText(tone.label());
        }
    }

    private Node privacyMenu() {
        javafx.scene.control.CheckMenuItem clear = new javafx.scene.control.CheckMenuItem(
                "Clear this account's data from this computer at logout");
        clear.setId("clearOnLogout");
        clear.selectedProperty().bindBidirectional(model.clearOnLogoutProperty());
        javafx.scene.control.MenuItem forget = new javafx.scene.control.MenuItem("Forget this account's history…");
        forget.setId("forgetHistory");
        forget.setOnAction(e -> {
            javafx.scene.control.Alert confirm = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    "All messages of this account are erased from this computer, including the search index. "
                            + "This cannot be undone. Messages your server keeps in its own archive are not touched.",
                    javafx.scene.control.ButtonType.CANCEL, javafx.scene.control.ButtonType.OK);
            confirm.setHeaderText("Forget this account's history?");
            confirm.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
            confirm.showAndWait().filter(javafx.scene.control.ButtonType.OK::equals).ifPresent(ok -> model.forgetHistory());
        });
        javafx.scene.control.MenuButton menu = new javafx.scene.control.MenuButton(null, new FontIcon("mdi2s-shield-lock-outline"));
        menu.setId("privacyMenu");
        menu.setTooltip(new Tooltip("Privacy of this computer's archive"));
        menu.getItems().setAll(clear, forget);
        menu.visibleProperty().bind(model.privacyOfferedProperty());
        menu.managedProperty().bind(menu.visibleProperty());
        return menu;
    }
}
