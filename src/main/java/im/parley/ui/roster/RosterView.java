package im.parley.ui.roster;

import atlantafx.base.theme.Styles;
import im.parley.ui.common.Badge;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Optional;

/** The contact list with its filter, pending requests and contact actions. */
public final class RosterView {

    private static final double ROW_HEIGHT = 44;

    private final RosterViewModel model;
    private final VBox root = new VBox(8);
    private final VBox requestBox = new VBox(6);

    public RosterView(RosterViewModel model) {
        this.model = model;
        root.setPadding(new Insets(8));
        root.getStyleClass().add("roster");
        ListView<RosterRow> list = list();
        VBox.setVgrow(list, Priority.ALWAYS);
        root.getChildren().addAll(toolbar(), requestBox, errorLabel(), list, summary());
        model.requests().addListener((ListChangeListener<RequestItem>) c -> showRequests());
        showRequests();
    }

    public Parent root() {
        return root;
    }

    private Node toolbar() {
        TextField filter = new TextField();
        filter.setId("rosterFilter");
        filter.setPromptText("Filter contacts");
        filter.textProperty().bindBidirectional(model.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button add = new Button(null, new FontIcon("mdi2a-account-plus-outline"));
        add.setId("addContact");
        add.setTooltip(new Tooltip("Add a contact"));
        add.getStyleClass().add(Styles.BUTTON_ICON);
        add.setOnAction(e -> showAddDialog());
        HBox bar = new HBox(6, filter, add);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node errorLabel() {
        Label error = new Label();
        error.setId("rosterError");
        error.textProperty().bind(model.errorProperty());
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.visibleProperty().bind(Bindings.isNotEmpty(model.errorProperty()));
        error.managedProperty().bind(error.visibleProperty());
        error.setOnMouseClicked(e -> model.clearError());
        return error;
    }

    private Node summary() {
        Label summary = new Label();
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return summary;
    }

    private void showRequests() {
        requestBox.getChildren().clear();
        for (RequestItem request : model.requests()) {
            Label text = new Label(request.address() + " wants to see when you are online");
            text.setWrapText(true);
            Button accept = new Button("Accept");
            accept.getStyleClass().add(Styles.SUCCESS);
            accept.setId("accept-" + request.address());
            accept.setOnAction(e -> model.accept(request));
            Button deny = new Button("Deny");
            deny.setId("deny-" + request.address());
            deny.setOnAction(e -> model.deny(request));
            VBox card = new VBox(6, text, new HBox(6, accept, deny));
            card.getStyleClass().add("request-card");
            requestBox.getChildren().add(card);
        }
        requestBox.setVisible(!model.requests().isEmpty());
        requestBox.setManaged(!model.requests().isEmpty());
    }

    private ListView<RosterRow> list() {
        ListView<RosterRow> list = new ListView<>(model.rows());
        list.setId("roster");
        list.getStyleClass().add("roster-list");
        list.setCellFactory(v -> new RowCell());
        // One height for every row lets the list skip measuring rows it does not show (5,000 contacts).
        list.setFixedCellSize(ROW_HEIGHT);
        list.setPlaceholder(new Label("No contacts. Add one with the + button."));
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                activate(list.getSelectionModel().getSelectedItem());
            }
        });
        return list;
    }

    private void activate(RosterRow row) {
        switch (row) {
            case RosterRow.GroupRow group -> model.toggle(group);
            case RosterRow.ContactRow contact -> model.open(contact.contact());
            case null -> { }
        }
    }

    /** Builds its nodes once and only refills them: a roster list is scrolled through thousands of rows. */
    private final class RowCell extends ListCell<RosterRow> {

        private final FontIcon chevron = new FontIcon("mdi2c-chevron-down");
        private final Label groupName = new Label();
        private final Label groupCount = new Label();
        private final HBox groupBox = new HBox(6, chevron, groupName, groupCount);
        private final Circle dot = new Circle(5);
        private final Label contactName = new Label();
        private final Label detail = new Label();
        private final Label unread = new Label();
        private final HBox contactBox;
        private final Tooltip tooltip = new Tooltip();

        RowCell() {
            groupName.getStyleClass().add(Styles.TEXT_BOLD);
            groupCount.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            groupBox.setAlignment(Pos.CENTER_LEFT);
            contactName.getStyleClass().add("contact-name");
            detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            unread.getStyleClass().add("unread-badge");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            contactBox = new HBox(10, dot, new VBox(1, contactName, detail), gap, unread);
            contactBox.setAlignment(Pos.CENTER_LEFT);
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && !isEmpty()) {
                    activate(getItem());
                }
            });
            // Built when asked for: a menu per visible row would cost every redraw of the list.
            setOnContextMenuRequested(e -> {
                if (getItem() instanceof RosterRow.ContactRow row) {
                    menuFor(row.contact()).show(this, e.getScreenX(), e.getScreenY());
                    e.consume();
                }
            });
        }

        @Override
        protected void updateItem(RosterRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("group-row", "contact-row");
            setText(null);
            setTooltip(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            switch (row) {
                case RosterRow.GroupRow group -> {
                    getStyleClass().add("group-row");
                    chevron.setIconLiteral(group.expanded() ? "mdi2c-chevron-down" : "mdi2c-chevron-right");
                    groupName.setText(group.name());
                    groupCount.setText(group.online() + "/" + group.total());
                    setGraphic(groupBox);
                }
                case RosterRow.ContactRow contactRow -> {
                    ContactItem contact = contactRow.contact();
                    getStyleClass().add("contact-row");
                    Badge.showTone(dot, contact.tone());
                    contactName.setText(contact.name());
                    detail.setText(detailOf(contact));
                    Badge.showUnread(unread, contact.unread());
                    tooltip.setText(contact.address() + " · " + contact.tone().label());
                    setTooltip(tooltip);
                    setGraphic(contactBox);
                }
            }
        }
    }

    private static String detailOf(ContactItem contact) {
        return !contact.status().isEmpty() ? contact.status()
                : !contact.subscriptionNote().isEmpty() ? contact.subscriptionNote()
                : contact.name().equals(contact.address()) ? contact.tone().label() : contact.address();
    }

    private ContextMenu menuFor(ContactItem contact) {
        MenuItem open = new MenuItem("Open chat", new FontIcon("mdi2m-message-outline"));
        open.setOnAction(e -> model.open(contact));
        MenuItem rename = new MenuItem("Rename…", new FontIcon("mdi2p-pencil-outline"));
        rename.setOnAction(e -> askName(contact).ifPresent(name -> model.rename(contact, name)));
        MenuItem move = new MenuItem("Move to group…", new FontIcon("mdi2f-folder-move-outline"));
        move.setOnAction(e -> askGroup(contact).ifPresent(group -> model.moveToGroup(contact, group)));
        MenuItem remove = new MenuItem("Remove…", new FontIcon("mdi2d-delete-outline"));
        remove.setOnAction(e -> {
            if (confirmRemove(contact)) {
                model.remove(contact);
            }
        });
        return new ContextMenu(open, rename, move, remove);
    }

    private Optional<String> askName(ContactItem contact) {
        TextInputDialog dialog = new TextInputDialog(contact.name().equals(contact.address()) ? "" : contact.name());
        dialog.setTitle("Rename contact");
        dialog.setHeaderText("Name for " + contact.address());
        dialog.initOwner(root.getScene().getWindow());
        return dialog.showAndWait();
    }

    private Optional<String> askGroup(ContactItem contact) {
        ChoiceDialog<String> dialog = new ChoiceDialog<>(contact.group(), model.groupNames());
        dialog.setTitle("Move to group");
        dialog.setHeaderText("Group for " + contact.name() + " (leave empty for none)");
        dialog.getItems().addFirst("");
        dialog.initOwner(root.getScene().getWindow());
        return dialog.showAndWait();
    }

    private boolean confirmRemove(ContactItem contact) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "Remove " + contact.name() + " (" + contact.address() + ") from your contacts? "
                        + "You will no longer see each other's presence.",
                ButtonType.CANCEL, ButtonType.OK);
        alert.setHeaderText("Remove contact");
        alert.initOwner(root.getScene().getWindow());
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private void showAddDialog() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Add contact");
        dialog.setHeaderText("Add a contact and ask to see their presence");
        dialog.initOwner(root.getScene().getWindow());
        TextField address = new TextField();
        address.setId("newContactAddress");
        address.setPromptText("name@example.org");
        TextField name = new TextField();
        name.setId("newContactName");
        name.setPromptText("optional");
        TextField group = new TextField();
        group.setId("newContactGroup");
        group.setPromptText("optional");
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        GridPane grid = new GridPane(8, 8);
        grid.addRow(0, new Label("Address"), address);
        grid.addRow(1, new Label("Name"), name);
        grid.addRow(2, new Label("Group"), group);
        grid.add(error, 1, 3);
        dialog.getDialogPane().setContent(grid);
        ButtonType add = new ButtonType("Add", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, add);
        Button addButton = (Button) dialog.getDialogPane().lookupButton(add);
        addButton.setId("confirmAddContact");
        addButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            Optional<String> problem = model.addContact(address.getText(), name.getText(), group.getText());
            problem.ifPresent(p -> {
                error.setText(p);
                e.consume();
            });
        });
        address.requestFocus();
        dialog.show();
    }
}
