package org.claimdesk.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.claimdesk.workspace.WatchQueries.WatchCount;

import java.util.List;

/**
 * The "Saved searches" list: each saved search with its count of new matches, and the outcome of
 * the last save when it was refused. FX thread only; the workbench loads the counts.
 */
public final class SavedSearchesViewModel {
    private final ObservableList<WatchCount> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    void replace(List<WatchCount> counts) {
        rows.setAll(counts);
    }

    void clear() {
        rows.clear();
        problem.set("");
    }

    void problem(String text) {
        problem.set(text == null ? "" : text);
    }

    public ObservableList<WatchCount> rows() {
        return rows;
    }

    /** Why the last save was refused (bad query, name taken), else "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
