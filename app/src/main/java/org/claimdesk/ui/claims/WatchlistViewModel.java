package org.claimdesk.ui.claims;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.claimdesk.store.WatchEntry;
import org.claimdesk.ui.task.Scheduler;
import org.claimdesk.workspace.ClaimClusters;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The watchlist: terms, names and sources that raise a cluster once enough of its items match.
 * Reads and changes run on the reads thread. FX thread, except where said.
 */
public final class WatchlistViewModel {
    private final Scheduler reads;
    private final Executor fx;
    private final Consumer<RuntimeException> failed;
    private final Runnable changed;
    private final ObservableList<WatchEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private volatile ClaimClusters claims;

    WatchlistViewModel(Scheduler reads, Executor fx, Consumer<RuntimeException> failed, Runnable changed) {
        this.reads = reads;
        this.fx = fx;
        this.failed = failed;
        this.changed = changed;
    }

    void attach(ClaimClusters workspaceClaims) {
        claims = workspaceClaims;
        entries.clear();
        run(() -> null);
    }

    public ObservableList<WatchEntry> entries() {
        return entries;
    }

    /** Why the last entry was refused (e.g. an empty one); empty when it was not. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Watches a term, name or source from now on; flags are rescored with it at the next round. */
    public void watch(WatchEntry.Kind kind, String entry, int threshold) {
        run(() -> {
            claims.watch(kind, entry == null ? "" : entry, threshold);
            return null;
        });
    }

    public void unwatch(WatchEntry entry) {
        run(() -> {
            claims.unwatch(entry.id());
            return null;
        });
    }

    private void run(Supplier<Void> change) {
        ClaimClusters source = claims;
        if (source == null) {
            return;
        }
        reads.execute(() -> {
            String refused = "";
            List<WatchEntry> now;
            try {
                try {
                    change.get();
                } catch (IllegalArgumentException e) {
                    refused = e.getMessage();
                }
                now = source.watchlist();
            } catch (RuntimeException e) {
                fx.execute(() -> failed.accept(e));
                return;
            }
            String why = refused;
            fx.execute(() -> {
                if (claims == source) {
                    entries.setAll(now);
                    problem.set(why);
                }
            });
            changed.run();
        });
    }
}
