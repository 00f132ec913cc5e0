package org.claimdesk.ui.saved;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.claimdesk.index.SearchQueryException;
import org.claimdesk.index.SearchRequest;
import org.claimdesk.script.WritingSystem;
import org.claimdesk.store.SavedSearch;
import org.claimdesk.store.StoreException;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.errors.ErrorWording;
import org.claimdesk.ui.task.Reload;
import org.claimdesk.ui.task.Scheduler;
import org.claimdesk.workspace.WatchQueries.WatchCount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The "Saved searches" list: each saved search with its count of new matches, and why the last
 * save was refused. Saving, opening and removing run on the reads scheduler; the list reloads
 * after each. FX thread, except where said.
 */
public final class SavedSearchesViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SavedSearchesViewModel.class);
    private static final Duration RELOAD_PERIOD = Duration.ofMillis(150);

    /** The workspace's saved searches; every method blocks and is called on the reads scheduler only. */
    public interface Watches {
        /** Every saved search with its number of new matches. */
        List<WatchCount> counts();

        /** Throws SearchQueryException for a query the parser refuses, StoreException for a name taken. */
        void save(String name, SearchRequest request, Duration since);

        /** Its matches so far count as seen. */
        void markSeen(SavedSearch search);

        void remove(SavedSearch search);
    }

    private final Scheduler reads;
    private final Executor fx;
    private final Messages messages;
    private final ErrorWording wording;
    private final Consumer<String> status;
    private final Consumer<RuntimeException> readFailed;
    private final Consumer<SavedSearch> showInSearch;
    private final Reload<List<WatchCount>> reload;
    private final ObservableList<WatchCount> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private Watches watches;

    /**
     * @param status       says a sentence in the window's status line
     * @param readFailed   told when reading or changing the saved searches failed
     * @param showInSearch puts a saved search's query and filters into the search panel
     */
    public SavedSearchesViewModel(Scheduler reads, Executor fx, Messages messages, Consumer<String> status,
                                  Consumer<RuntimeException> readFailed, Consumer<SavedSearch> showInSearch) {
        this.reads = reads;
        this.fx = fx;
        this.messages = messages;
        this.wording = new ErrorWording(messages);
        this.status = status;
        this.readFailed = readFailed;
        this.showInSearch = showInSearch;
        this.reload = new Reload<>("saved searches", reads, RELOAD_PERIOD, fx, rows::setAll, readFailed);
    }

    /** Lists this workspace's saved searches from now on (null: none open); the list starts empty. */
    public void attach(Watches newWatches) {
        watches = newWatches;
        rows.clear();
        problem.set("");
        reload.from(newWatches == null ? null : newWatches::counts);
        reload.request();
    }

    /** Counts the new matches again after a short quiet period; any thread. */
    public void reload() {
        reload.request();
    }

    /**
     * Saves a search under this name. A missing name, nothing to save, a query the parser refuses
     * or a name already taken is said above the list, not thrown.
     *
     * @param request the search panel's query and filters, or null when it has none
     * @param since   how far back it reaches, or null for any time (or a fixed range)
     */
    public void save(String name, SearchRequest request, Duration since) {
        Watches w = watches;
        if (w == null) {
            return;
        }
        String wanted = name == null ? "" : name.strip();
        if (wanted.isEmpty()) {
            problem.set(messages.get("saved.nameMissing"));
            return;
        }
        if (request == null) {
            problem.set(messages.get("saved.nothingToSave"));
            return;
        }
        onReads(() -> {
            String refused;
            try {
                w.save(wanted, request, since);
                refused = null;
            } catch (SearchQueryException e) {
                refused = messages.format("saved.badQuery", e.getMessage());
            } catch (StoreException e) {
                refused = wording.failed("saved.refused", e);
            } catch (RuntimeException e) {
                LOG.warn("Saving search '{}' failed: {}", wanted, e.toString(), e);
                refused = wording.failed("saved.refused", e);
            }
            String outcome = refused;
            fx.execute(() -> {
                if (w == watches) {
                    problem.set(outcome == null ? "" : outcome);
                    status.accept(outcome == null ? messages.format("status.searchSaved", wanted) : outcome);
                }
            });
            reload.request();
        });
    }

    /** Shows a saved search's query and filters in the search panel and marks its matches seen. */
    public void open(WatchCount row) {
        Watches w = watches;
        if (w == null) {
            return;
        }
        problem.set("");
        showInSearch.accept(row.search());
        onReads(() -> {
            if (changed(w, () -> w.markSeen(row.search()))) {
                reload.request();
            }
        });
    }

    /** Deletes a saved search; the search panel keeps what it shows. */
    public void remove(WatchCount row) {
        Watches w = watches;
        if (w == null) {
            return;
        }
        onReads(() -> {
            if (changed(w, () -> w.remove(row.search()))) {
                fx.execute(() -> {
                    if (w == watches) {
                        status.accept(messages.format("status.searchRemoved", row.search().name()));
                    }
                });
                reload.request();
            }
        });
    }

    /** "3 new". */
    public String newMatchesText(WatchCount row) {
        return messages.format("saved.newMatches", row.newMatches());
    }

    /** The script of the name, for its font. */
    public WritingSystem scriptOf(WatchCount row) {
        return WritingSystem.of(null, row.search().name());
    }

    public ObservableList<WatchCount> rows() {
        return rows;
    }

    /** Why the last save was refused (bad query, name taken), else "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** On the reads thread: runs a change, reporting a failure while this workspace is still shown. */
    private boolean changed(Watches w, Runnable change) {
        try {
            change.run();
            return true;
        } catch (RuntimeException e) {
            fx.execute(() -> {
                if (w == watches) {
                    LOG.warn("Changing a saved search failed: {}", e.toString(), e);
                    readFailed.accept(e);
                }
            });
            return false;
        }
    }

    private void onReads(Runnable work) {
        try {
            reads.execute(work);
        } catch (RejectedExecutionException e) {
            // The window is closing; nothing to save or count any more.
        }
    }
}
