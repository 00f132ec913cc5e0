package org.claimdesk.ui.exchange;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.claimdesk.store.RebuttalConflict;
import org.claimdesk.store.RebuttalText;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.Scheduler;
import org.claimdesk.workspace.WorkspaceBundles;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Conflicts that workspace bundles left: a rebuttal edited here and on another machine since they
 * last met (decision 0024). The analyst sees both texts side by side and keeps ours, takes theirs
 * or writes a merged text; neither edit is lost until they do. Reads and resolutions run on the
 * reads thread; call it on the FX thread.
 */
public final class ConflictsViewModel {
    /** What the screen needs of an open workspace; every call blocks. */
    public interface Conflicts {
        /** Pending conflicts, oldest first. */
        List<RebuttalConflict> pending();

        /**
         * Settles one as a new version by the analyst working now.
         *
         * @throws IllegalStateException    when no one has said who they are in this session
         * @throws IllegalArgumentException when it is no longer pending
         */
        StoredRebuttal resolve(long conflictId, WorkspaceBundles.Resolution resolution);
    }

    private final Scheduler reads;
    private final Executor fx;
    private final Messages messages;
    private final Consumer<RuntimeException> readFailed;
    private final Consumer<String> said;
    private final Consumer<StoredRebuttal> resolved;
    private final ObservableList<RebuttalConflict> pending = FXCollections.observableArrayList();
    private final ObjectProperty<RebuttalConflict> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty mergedText = new SimpleStringProperty(this, "mergedText", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private volatile Conflicts conflicts;

    /**
     * @param said     tells the status line what was done
     * @param resolved given the rebuttal's new version on the FX thread after a conflict was settled
     */
    public ConflictsViewModel(Scheduler reads, Executor fx, Messages messages, Consumer<RuntimeException> readFailed,
                              Consumer<String> said, Consumer<StoredRebuttal> resolved) {
        this.reads = reads;
        this.fx = fx;
        this.messages = messages;
        this.readFailed = readFailed;
        this.said = said;
        this.resolved = resolved;
        // a merged text starts from ours: the analyst adds what theirs has that ours lacks
        selected.addListener((obs, before, now) -> {
            problem.set("");
            if (now != null && (before == null || before.id() != now.id())) {
                mergedText.set(now.mine().fullText());
            }
        });
    }

    public void attach(Conflicts workspaceConflicts) {
        conflicts = workspaceConflicts;
        pending.clear();
        selected.set(null);
        count.set(0);
        reload();
    }

    /** Reads the pending conflicts again (after an import); keeps the one shown if it still waits. */
    public void reload() {
        Conflicts source = conflicts;
        if (source == null) {
            return;
        }
        reads.execute(() -> {
            List<RebuttalConflict> now;
            try {
                now = source.pending();
            } catch (RuntimeException e) {
                fx.execute(() -> readFailed.accept(e));
                return;
            }
            fx.execute(() -> {
                if (conflicts == source) {
                    show(now);
                }
            });
        });
    }

    /** Our text stays; recorded as a version that settles theirs. */
    public void keepMine() {
        resolve(new WorkspaceBundles.Resolution.KeepMine(), "conflicts.keptMine");
    }

    /** Their text replaces ours. */
    public void takeTheirs() {
        resolve(new WorkspaceBundles.Resolution.TakeTheirs(), "conflicts.tookTheirs");
    }

    /** The merged full text (claim, verdict and short answer stay ours). */
    public void saveMerged() {
        RebuttalConflict conflict = selected.get();
        if (conflict == null) {
            return;
        }
        RebuttalText mine = conflict.mine();
        resolve(new WorkspaceBundles.Resolution.Merged(new RebuttalText(mine.claim(), mine.verdict(), mine.shortAnswer(),
                mergedText.get())), "conflicts.merged");
    }

    private void resolve(WorkspaceBundles.Resolution resolution, String doneKey) {
        Conflicts source = conflicts;
        RebuttalConflict conflict = selected.get();
        if (source == null || conflict == null) {
            return;
        }
        reads.execute(() -> {
            String refused = null;
            StoredRebuttal saved = null;
            List<RebuttalConflict> now;
            try {
                try {
                    saved = source.resolve(conflict.id(), resolution);
                } catch (IllegalStateException e) {
                    refused = messages.get("conflicts.whoFirst");
                } catch (IllegalArgumentException e) {
                    refused = e.getMessage();
                }
                now = source.pending();
            } catch (RuntimeException e) {
                fx.execute(() -> readFailed.accept(e));
                return;
            }
            String why = refused;
            StoredRebuttal version = saved;
            fx.execute(() -> {
                if (conflicts != source) {
                    return;
                }
                show(now);
                if (why != null) {
                    problem.set(why);
                    return;
                }
                said.accept(messages.format(doneKey, version.id(), version.revision()));
                resolved.accept(version);
            });
        });
    }

    private void show(List<RebuttalConflict> now) {
        RebuttalConflict shown = selected.get();
        pending.setAll(now);
        count.set(now.size());
        RebuttalConflict keep = shown == null ? null
                : now.stream().filter(c -> c.id() == shown.id()).findFirst().orElse(null);
        selected.set(keep != null ? keep : now.isEmpty() ? null : now.getFirst());
    }

    public ObservableList<RebuttalConflict> pending() {
        return pending;
    }

    /** The conflict shown side by side; null when none waits. */
    public ObjectProperty<RebuttalConflict> selectedProperty() {
        return selected;
    }

    /** The full text "save merged" stores; starts as ours when a conflict is shown. */
    public StringProperty mergedTextProperty() {
        return mergedText;
    }

    /** Why the last resolution was refused; empty when it was not. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** How many conflicts wait. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }
}
