package org.claimdesk.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.claimdesk.store.ItemSummary;

import java.util.List;

/** The item list: newest items first, and which one the analyst has selected. */
public final class ItemListViewModel {
    /** How many of the newest items the list holds; the table is virtualised, the query is not. */
    public static final int LIMIT = 2000;

    private final ObservableList<ItemSummary> items = FXCollections.observableArrayList();
    private final ObjectProperty<ItemSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private boolean replacing;

    public ObservableList<ItemSummary> items() {
        return items;
    }

    /** The selected item; the view selects it in the table whenever it changes. */
    public ReadOnlyObjectProperty<ItemSummary> selectedProperty() {
        return selected;
    }

    public ItemSummary selected() {
        return selected.get();
    }

    /** Called by the view when the analyst selects a row. */
    public void select(ItemSummary item) {
        if (!replacing) {
            selected.set(item);
        }
    }

    /**
     * Shows a fresh list. The selection stays on the same item (by id) when it is still listed;
     * the table's own selection loss during the swap is ignored.
     */
    public void replaceItems(List<ItemSummary> newest) {
        ItemSummary before = selected.get();
        replacing = true;
        try {
            items.setAll(newest);
        } finally {
            replacing = false;
        }
        ItemSummary again = null;
        if (before != null) {
            for (ItemSummary item : items) {
                if (item.id() == before.id()) {
                    again = item;
                    break;
                }
            }
        }
        // Cleared first so listeners see a change even when the new row equals the old one.
        selected.set(null);
        selected.set(again);
    }

    public void clear() {
        replaceItems(List.of());
    }
}
