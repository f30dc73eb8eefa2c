package im.parley.ui.search;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The search field (with the "in this chat" toggle) and the virtualised result list, as two nodes the window
 * places where it wants. Esc in either closes the search; Enter searches at once; Down moves into the results;
 * a click or Enter on a result opens it.
 */
public final class SearchView {

    private final SearchViewModel model;
    private final TextField field = new TextField();
    private final ToggleButton inThisChat = new ToggleButton(null, new FontIcon("mdi2m-message-text-outline"));
    private final HBox fieldBar;
    private final VBox results;
    private final ListView<SearchResultItem> list;

    public SearchView(SearchViewModel model) {
        this.model = model;
        this.list = resultList();
        this.fieldBar = fieldBar();
        Label status = new Label();
        status.setId("searchStatus");
        status.textProperty().bind(Bindings.createStringBinding(() -> model.statusProperty().get().text(),
                model.statusProperty()));
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        status.setWrapText(true);
        status.setPadding(new Insets(4, 10, 4, 10));
        VBox.setVgrow(list, Priority.ALWAYS);
        results = new VBox(status, list);
        results.setId("searchResultsPane");
    }

    public Node field() {
        return fieldBar;
    }

    public Node results() {
        return results;
    }

    public void focusField() {
        field.requestFocus();
        field.selectAll();
    }

    private HBox fieldBar() {
        field.setId("searchField");
        field.setPromptText("Search messages (Ctrl+F)");
        field.textProperty().bindBidirectional(model.queryProperty());
        field.setOnAction(e -> model.searchNow());
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                e.consume();
                list.requestFocus();
                list.getSelectionModel().selectFirst();
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        inThisChat.setId("searchScope");
        inThisChat.setTooltip(new Tooltip("Search only in the open conversation (Ctrl+Shift+F)"));
        inThisChat.getStyleClass().add(Styles.BUTTON_ICON);
        inThisChat.setSelected(model.scopeProperty().get() == SearchScope.CURRENT_CONVERSATION);
        inThisChat.selectedProperty().addListener((obs, was, now) -> model.scopeProperty()
                .set(now ? SearchScope.CURRENT_CONVERSATION : SearchScope.ALL_CONVERSATIONS));
        model.scopeProperty().addListener((obs, old, now) ->
                inThisChat.setSelected(now == SearchScope.CURRENT_CONVERSATION));
        HBox bar = new HBox(6, new FontIcon("mdi2m-magnify"), field, inThisChat);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 10));
        bar.getStyleClass().add("search-bar");
        bar.addEventFilter(KeyEvent.KEY_PRESSED, this::closeOnEscape);
        return bar;
    }

    private ListView<SearchResultItem> resultList() {
        ListView<SearchResultItem> view = new ListView<>(model.results());
        view.setId("searchResults");
        view.getStyleClass().add("search-results");
        view.setPlaceholder(new Label(""));
        view.setCellFactory(v -> new ResultCell());
        view.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                model.select(view.getSelectionModel().getSelectedItem());
            }
        });
        view.addEventFilter(KeyEvent.KEY_PRESSED, this::closeOnEscape);
        return view;
    }

    private void closeOnEscape(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            e.consume();
            model.close();
        }
    }

    private final class ResultCell extends ListCell<SearchResultItem> {

        ResultCell() {
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && !isEmpty()) {
                    model.select(getItem());
                }
            });
        }

        @Override
        protected void updateItem(SearchResultItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            setGraphic(empty || item == null ? null : graphic(item, getListView().getWidth()));
        }
    }

    private static Node graphic(SearchResultItem item, double width) {
        Label title = new Label(item.title());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label time = new Label(item.time());
        time.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        HBox top = new HBox(6, title, gap, time);
        TextFlow snippet = new TextFlow();
        snippet.getStyleClass().add("search-snippet-flow");
        Text author = new Text(item.author() + ": ");
        author.getStyleClass().add("search-snippet");
        snippet.getChildren().add(author);
        for (SnippetPart part : item.snippet()) {
            Text text = new Text(part.text());
            text.getStyleClass().add(part.highlighted() ? "search-snippet-match" : "search-snippet");
            snippet.getChildren().add(text);
        }
        snippet.setPrefWidth(Math.max(160, width - 40));
        VBox box = new VBox(2, top, snippet);
        box.setMinWidth(0);
        return box;
    }
}
