package org.claimdesk.ui.sources;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.claimdesk.script.WritingSystem;
import org.claimdesk.store.SourceHealth;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.Reload;
import org.claimdesk.ui.task.Scheduler;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The sources panel: every known source and how it is doing. FX thread, except where said. */
public final class SourcesViewModel {
    private static final Duration RELOAD_PERIOD = Duration.ofMillis(150);

    private final Messages messages;
    private final Reload<List<SourceHealth>> reload;
    private final ObservableList<SourceRow> rows = FXCollections.observableArrayList();
    private Map<String, String> names = Map.of();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");

    /** @param readFailed told when reading the sources failed */
    public SourcesViewModel(Scheduler reads, Executor fx, Messages messages, Consumer<RuntimeException> readFailed) {
        this.messages = messages;
        this.reload = new Reload<>("source health", reads, RELOAD_PERIOD, fx, health -> {
            replaceSources(health);
            loaded.set(true);
        }, readFailed);
    }

    /** Lists this workspace's sources from now on (null: none open); the list starts empty. */
    public void attach(Supplier<List<SourceHealth>> health) {
        clear();
        loaded.set(false);
        reload.from(health);
        reload.requestNow();
    }

    /** True once the panel shows the attached workspace's sources (read at least once). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Reads the sources again after a short quiet period (a burst of changes is one read); any thread. */
    public void reload() {
        reload.request();
    }

    public void replaceSources(List<SourceHealth> health) {
        Map<String, String> byId = new HashMap<>();
        health.forEach(h -> byId.put(h.sourceId(), h.name()));
        names = Map.copyOf(byId);
        rows.setAll(health.stream().map(this::row).toList());
    }

    public void clear() {
        replaceSources(List.of());
    }

    /** The name shown for a source id; the id itself when the source is unknown. */
    public String nameOf(String sourceId) {
        return names.getOrDefault(sourceId, sourceId);
    }

    public ObservableList<SourceRow> rows() {
        return rows;
    }

    SourceRow row(SourceHealth health) {
        SourceStatus status = SourceStatus.of(health);
        String statusText = messages.get("sources.status." + status.name());
        String detail = health.imported()
                ? messages.format("sources.detail.imported", health.itemCount())
                : health.lastSuccess() != null
                ? messages.format("sources.detail.ok", messages.time(health.lastSuccess()), health.itemCount())
                : messages.format("sources.detail.never", health.itemCount());
        if (health.articlesWaiting() > 0) {
            detail = messages.format("sources.detail.articlesWaiting", detail, health.articlesWaiting());
        }
        String tooltip = status == SourceStatus.FAILING
                ? messages.format("sources.tooltip.failing", health.url(), messages.time(health.lastErrorAt()), health.lastError())
                : messages.format("sources.tooltip.ok", health.url(), statusText);
        return new SourceRow(health.sourceId(), health.name(), status, statusText, detail, tooltip,
                WritingSystem.of(null, health.name()));
    }
}
