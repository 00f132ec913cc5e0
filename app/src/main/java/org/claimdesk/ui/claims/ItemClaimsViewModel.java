package org.claimdesk.ui.claims;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.claimdesk.store.ClaimSentence;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.ClusterSummary;
import org.claimdesk.ui.task.Scheduler;
import org.claimdesk.workspace.ClaimClusters;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What the reader shows under an item about claims: its check-worthy sentences with what made
 * their scores, the cluster it is in, and the analysts' notes on it; and what the analyst does
 * from there: add a note, put the item in the cluster open beside it (pinned). Reads and changes
 * run on the reads thread. FX thread, except where said.
 */
public final class ItemClaimsViewModel {
    /** One item's claims, cluster (null while it is not clustered yet) and notes. */
    public record ItemClaims(long itemId, List<ClaimSentence> claims, ClusterSummary cluster, List<ClusterStore.Note> notes) {
        public ItemClaims {
            claims = List.copyOf(claims);
            notes = List.copyOf(notes);
        }
    }

    private final Scheduler reads;
    private final Executor fx;
    private final Consumer<RuntimeException> failed;
    private final Runnable clustersChanged;
    private final ReadOnlyObjectWrapper<ItemClaims> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private volatile ClaimClusters claims;
    /** The item asked for last, or -1: a read for another one is dropped. */
    private volatile long wanted = -1;

    ItemClaimsViewModel(Scheduler reads, Executor fx, Consumer<RuntimeException> failed, Runnable clustersChanged) {
        this.reads = Objects.requireNonNull(reads, "reads");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.failed = Objects.requireNonNull(failed, "failed");
        this.clustersChanged = Objects.requireNonNull(clustersChanged, "clustersChanged");
    }

    void attach(ClaimClusters workspaceClaims) {
        claims = workspaceClaims;
        wanted = -1;
        shown.set(null);
    }

    /** The item shown in the reader: null before one is, or while it loads. */
    public ReadOnlyObjectProperty<ItemClaims> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Shows this item's claims, cluster and notes (a negative id: none). */
    public void show(long itemId) {
        wanted = itemId;
        if (itemId < 0) {
            shown.set(null);
            return;
        }
        change(() -> {
        });
    }

    /** Reads the item again: the stages may have scored or clustered it since. */
    public void refresh() {
        if (wanted >= 0) {
            change(() -> {
            });
        }
    }

    public void addNote(String text) {
        long itemId = wanted;
        if (text == null || text.isBlank() || itemId < 0) {
            return;
        }
        change(() -> claims.noteOnItem(itemId, text.strip()));
    }

    /** Puts the item in this cluster to stay: the clusterer never moves it from there. */
    public void pinTo(long clusterId) {
        long itemId = wanted;
        if (itemId < 0) {
            return;
        }
        change(() -> {
            claims.pin(itemId, clusterId);
            clustersChanged.run();
        });
    }

    private void change(Runnable work) {
        ClaimClusters source = claims;
        long itemId = wanted;
        if (source == null || itemId < 0) {
            return;
        }
        reads.execute(() -> {
            ItemClaims read;
            try {
                work.run();
                ClusterSummary cluster = source.clusterOfItem(itemId).flatMap(source::summary).orElse(null);
                read = new ItemClaims(itemId, source.claimsOf(itemId), cluster, source.notesOfItem(itemId));
            } catch (RuntimeException e) {
                fx.execute(() -> failed.accept(e));
                return;
            }
            fx.execute(() -> {
                if (wanted == itemId && claims == source) {
                    shown.set(read);
                }
            });
        });
    }
}
