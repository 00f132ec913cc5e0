package org.claimdesk.ui.saved;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.shared.Placeholder;
import org.claimdesk.ui.shared.ScriptStyles;
import org.claimdesk.workspace.WatchQueries.WatchCount;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The saved searches with their new-match counts; a click opens one, its context menu removes it. */
public final class SavedSearchesView {
    private final SavedSearchesViewModel model;
    private final Messages messages;
    private final ScriptStyles fonts;
    private final VBox root;

    public SavedSearchesView(SavedSearchesViewModel model, Messages messages, ScriptStyles fonts) {
        this.model = model;
        this.messages = messages;
        this.fonts = fonts;
        ListView<WatchCount> list = new ListView<>(model.rows());
        list.setId("savedSearches");
        list.setPlaceholder(Placeholder.of(messages.get("saved.empty")));
        list.setCellFactory(view -> cell(view));
        list.setOnKeyPressed(e -> {
            WatchCount row = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && row != null) {
                model.open(row);
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Label problem = new Label();
        problem.setId("savedSearchProblem");
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.setMnemonicParsing(false);
        problem.setWrapText(false); // may quote an Arabic query (see RightToLeftWrapper)
        problem.setMinWidth(0);
        problem.setPadding(new Insets(4, 8, 4, 8));
        problem.textProperty().bind(model.problemProperty());
        problem.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> model.problemProperty().get().isEmpty() ? null : new Tooltip(model.problemProperty().get()),
                model.problemProperty()));
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        root = new VBox(problem, list);
    }

    public Node node() {
        return root;
    }

    private SavedSearchCell cell(ListView<WatchCount> view) {
        SavedSearchCell cell = new SavedSearchCell();
        cell.prefWidthProperty().bind(view.widthProperty().subtract(4));
        cell.setMaxWidth(Region.USE_PREF_SIZE);
        cell.getStyleClass().add("saved-search");
        MenuItem remove = new MenuItem(messages.get("saved.remove"), new FontIcon(Feather.TRASH_2));
        remove.setOnAction(e -> {
            if (cell.getItem() != null) {
                model.remove(cell.getItem());
            }
        });
        cell.contextMenuProperty().bind(Bindings.when(cell.emptyProperty())
                .then((ContextMenu) null)
                .otherwise(new ContextMenu(remove)));
        // A click opens it even when it is already selected (the analyst looks again).
        cell.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && !cell.isEmpty() && cell.getItem() != null) {
                model.open(cell.getItem());
            }
        });
        return cell;
    }

    private final class SavedSearchCell extends ListCell<WatchCount> {
        @Override
        protected void updateItem(WatchCount row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Label name = new Label(row.search().name());
            name.getStyleClass().add("saved-search-name");
            name.setMnemonicParsing(false);
            name.setMinWidth(0);
            name.setStyle(fonts.styleFor(model.scriptOf(row)));
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label count = new Label(model.newMatchesText(row));
            count.getStyleClass().addAll("saved-search-count", Styles.TEXT_SMALL,
                    row.newMatches() > 0 ? Styles.ACCENT : Styles.TEXT_MUTED);
            count.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(6, name, gap, count);
            line.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(line);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setTooltip(new Tooltip(row.search().query()));
        }
    }
}
