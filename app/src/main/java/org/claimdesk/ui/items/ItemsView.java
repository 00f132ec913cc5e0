package org.claimdesk.ui.items;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.TransferMode;
import org.claimdesk.script.WritingSystem;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.ui.shared.ItemDrag;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.shared.Placeholder;
import org.claimdesk.ui.shared.ScriptStyles;

import java.util.List;
import java.util.function.Function;

/** The live item table: newest first, titles in their own script's direction and font. */
public final class ItemsView {
    private final ItemListViewModel model;
    private final Messages messages;
    private final ScriptStyles fonts;
    private final TableView<ItemSummary> table = new TableView<>();

    /** @param picked runs when the analyst picks a row in the table (not when a reload re-selects it) */
    public ItemsView(ItemListViewModel model, Messages messages, ScriptStyles fonts, Runnable picked) {
        this.model = model;
        this.messages = messages;
        this.fonts = fonts;
        table.setId("itemTable");
        table.setItems(model.items());
        table.setPlaceholder(Placeholder.of(messages.get("items.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add(Styles.STRIPED);

        TableColumn<ItemSummary, ItemSummary> title = column("items.column.title", item -> item);
        title.setCellFactory(column -> new TitleCell());
        title.setPrefWidth(360);
        TableColumn<ItemSummary, String> source = column("items.column.source", ItemSummary::sourceName);
        source.setPrefWidth(130);
        TableColumn<ItemSummary, String> language = column("items.column.language", ItemSummary::language);
        language.setPrefWidth(90);
        language.setMinWidth(70);
        TableColumn<ItemSummary, String> time = column("items.column.time", model::timeOf);
        time.setPrefWidth(140);
        table.getColumns().setAll(List.of(title, source, language, time));
        // an item dragged out of the list (onto a rebuttal's evidence) carries its id
        table.setRowFactory(view -> {
            TableRow<ItemSummary> row = new TableRow<>();
            row.setOnDragDetected(event -> {
                ItemSummary item = row.getItem();
                if (item != null) {
                    row.startDragAndDrop(TransferMode.LINK).setContent(ItemDrag.content(item.id(), null));
                    event.consume();
                }
            });
            return row;
        });

        // Selection flows both ways: the analyst picks a row; a reload puts the same item back.
        table.getSelectionModel().selectedItemProperty().addListener((obs, before, item) -> model.select(item));
        model.selectedProperty().addListener((obs, before, item) -> {
            if (item != null && table.getSelectionModel().getSelectedItem() != item) {
                table.getSelectionModel().select(item);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, before, item) -> {
            if (item != null && table.isFocused()) {
                picked.run();
            }
        });
    }

    public TableView<ItemSummary> node() {
        return table;
    }

    /** Moves keyboard focus to the list, selecting the newest item when none is (Ctrl+L). */
    public void focus() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
    }

    /** Drops the table's selection (a search hit is shown in the reader instead). */
    public void clearSelection() {
        table.getSelectionModel().clearSelection();
    }

    private <T> TableColumn<ItemSummary, T> column(String key, Function<ItemSummary, T> value) {
        TableColumn<ItemSummary, T> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        // Always newest first: the list is a live feed, not a spreadsheet.
        column.setSortable(false);
        return column;
    }

    /** Titles in their own script's font and direction, so Arabic titles read right in the list too. */
    private final class TitleCell extends TableCell<ItemSummary, ItemSummary> {
        @Override
        protected void updateItem(ItemSummary item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setStyle("");
                setNodeOrientation(NodeOrientation.INHERIT);
                return;
            }
            setText(model.titleOf(item));
            WritingSystem script = model.scriptOf(item);
            setStyle(fonts.styleFor(script));
            setNodeOrientation(script.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.INHERIT);
        }
    }
}
