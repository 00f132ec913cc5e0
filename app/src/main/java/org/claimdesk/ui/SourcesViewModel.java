package org.claimdesk.ui;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.claimdesk.store.SourceHealth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The sources panel: every known source and how it is doing. */
public final class SourcesViewModel {
    private final ObservableList<SourceHealth> sources = FXCollections.observableArrayList();
    private Map<String, String> names = Map.of();

    public ObservableList<SourceHealth> sources() {
        return sources;
    }

    public void replaceSources(List<SourceHealth> health) {
        sources.setAll(health);
        Map<String, String> byId = new HashMap<>();
        health.forEach(h -> byId.put(h.sourceId(), h.name()));
        names = Map.copyOf(byId);
    }

    /** The name shown for a source id; the id itself when the source is unknown. */
    public String nameOf(String sourceId) {
        return names.getOrDefault(sourceId, sourceId);
    }

    public void clear() {
        replaceSources(List.of());
    }
}
