package org.claimdesk.ui.items;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.claimdesk.script.WritingSystem;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.Reload;
import org.claimdesk.ui.task.Scheduler;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The item list: newest items first, and which one the analyst has selected. FX thread, except
 * where said.
 */
public final class ItemListViewModel {
    /** How many of the newest items the list holds; the table is virtualised, the query is not. */
    public static final int LIMIT = 2000;
    /** Long enough to merge the burst of "items stored" events a poll sends, short enough to feel live. */
    private static final Duration RELOAD_PERIOD = Duration.ofMillis(150);

    private final Messages messages;
    private final Reload<List<ItemSummary>> reload;
    private final ObservableList<ItemSummary> items = FXCollections.observableArrayList();
    private final ObjectProperty<ItemSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private boolean replacing;

    /** @param readFailed told when reading the list failed */
    public ItemListViewModel(Scheduler reads, Executor fx, Messages messages, Consumer<RuntimeException> readFailed) {
        this.messages = messages;
        this.reload = new Reload<>("items", reads, RELOAD_PERIOD, fx, newest -> {
            replaceItems(newest);
            loaded.set(true);
        }, readFailed);
    }

    /**
     * Lists this workspace's items from now on (null: none open); the list starts empty.
     *
     * @param newest the newest items, newest first, at most the given number
     */
    public void attach(IntFunction<List<ItemSummary>> newest) {
        clear();
        loaded.set(false);
        reload.from(newest == null ? null : () -> newest.apply(LIMIT));
        reload.requestNow();
    }

    /** True once the list shows the attached workspace's items (read at least once). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Reads the list again after a short quiet period (a burst of new items is one read); any thread. */
    public void reload() {
        reload.request();
    }

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

    /** Called by the view when the analyst selects a row, and with null when a search hit is opened instead. */
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

    /** The title the list shows; a placeholder for untitled items. */
    public String titleOf(ItemSummary item) {
        return item.title() == null || item.title().isBlank() ? messages.get("items.untitled") : item.title();
    }

    /** The script of the title, which decides its direction and font. */
    public WritingSystem scriptOf(ItemSummary item) {
        return WritingSystem.of(item.language(), item.title());
    }

    /** When it was published, else fetched, as the analyst reads times. */
    public String timeOf(ItemSummary item) {
        return messages.time(item.time());
    }
}
