package org.claimdesk.ui;

import org.claimdesk.index.RebuildProgress;
import org.claimdesk.index.RebuildReport;
import org.claimdesk.index.SearchRequest;
import org.claimdesk.index.SearchResults;
import org.claimdesk.ingest.ImportProgress;
import org.claimdesk.ingest.ImportReport;
import org.claimdesk.ingest.PollProgress;
import org.claimdesk.ingest.PollReport;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourcesConfig;
import org.claimdesk.store.FetchAttempt;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.store.SavedSearch;
import org.claimdesk.store.SourceHealth;
import org.claimdesk.store.StoredItem;
import org.claimdesk.ui.saved.SavedSearchesViewModel;
import org.claimdesk.ui.task.Debounce;
import org.claimdesk.ui.task.Scheduler;
import org.claimdesk.workspace.SessionListener;
import org.claimdesk.workspace.WatchQueries.WatchCount;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one place the window touches a {@link WorkspaceSession}: what each screen reads and each
 * task does, as plain calls (every one blocks: off the FX thread only), and what the session
 * tells, turned into one call per event on the {@link WorkbenchViewModel}, on the FX thread,
 * and only while this workspace is the one shown.
 */
final class OpenWorkspace implements AutoCloseable {
    /**
     * Stored items are searchable up to a second later (an index-feeder round of 0.5 s, then a
     * reopen within 0.25 s). Until the session says when, the window waits this long.
     */
    static final Duration SEARCHABLE_AFTER = Duration.ofMillis(1100);

    private final WorkspaceSession session;

    private OpenWorkspace(WorkspaceSession session) {
        this.session = session;
    }

    /** Opens the workspace in this folder; blocks. */
    static OpenWorkspace open(WorkspaceOpener opener, Path folder) throws Exception {
        return new OpenWorkspace(opener.open(folder));
    }

    Workspace workspace() {
        return session.workspace();
    }

    // ---- what the screens read --------------------------------------------------------------------

    List<ItemSummary> newestItems(int limit) {
        return session.items().newest(limit);
    }

    Optional<StoredItem> item(long id) {
        return session.items().find(id);
    }

    List<SourceHealth> sourceHealth() {
        return session.sources().health();
    }

    List<FetchAttempt> recentFailures(int limit) {
        return session.sources().recentFailures(limit);
    }

    List<String> configProblems() {
        return session.configProblems();
    }

    /** ItemSearch is looked up per search, on the search thread: the first one opens the index. */
    SearchResults search(SearchRequest request) {
        return session.search().search(request);
    }

    SavedSearchesViewModel.Watches watches() {
        return new SavedSearchesViewModel.Watches() {
            @Override
            public List<WatchCount> counts() {
                return session.watchQueries().counts();
            }

            @Override
            public void save(String name, SearchRequest request, Duration since) {
                session.watchQueries().save(name, request, since);
            }

            @Override
            public void markSeen(SavedSearch search) {
                session.watchQueries().markSeen(search);
            }

            @Override
            public void remove(SavedSearch search) {
                session.watchQueries().remove(search);
            }
        };
    }

    // ---- what the tasks do ----------------------------------------------------------------------

    PollReport pollNow(PollProgress progress) throws InterruptedException {
        return session.pollNow(progress);
    }

    /** The configured name of a source, else its id. */
    String sourceName(String sourceId) {
        return session.config().source(sourceId).map(Source::name).orElse(sourceId);
    }

    ImportReport importPath(Path path, ImportProgress progress) throws InterruptedException {
        return session.importPath(path, progress);
    }

    RebuildReport rebuildIndex(RebuildProgress progress) {
        return session.rebuildIndex(progress);
    }

    /** True when the index holds only part of the items (an emptied index whose rebuild stopped). */
    boolean indexIncomplete() {
        return session.index().needsRebuild();
    }

    void exportOpml(Path target) {
        session.exportOpml(target);
    }

    // ---- what the session tells -------------------------------------------------------------------

    /**
     * Tells the model what happens in this workspace from now on. Events come on the session's
     * threads; each becomes one call on the FX thread, dropped once another workspace is shown.
     *
     * @param timers where the wait for "searchable" runs
     */
    void listen(WorkbenchViewModel model, Executor fx, Scheduler timers) {
        Events events = new Events(model, fx, timers);
        session.addListener(events);
    }

    private final class Events implements SessionListener {
        private final WorkbenchViewModel model;
        private final Executor fx;
        private final Scheduler timers;
        /** The latest rebuild progress not shown yet; the FX thread takes it, so a fast rebuild queues no flood. */
        private final AtomicReference<long[]> rebuildToShow = new AtomicReference<>();
        /** Stands in for the index saying "searchable" until the session tells it. */
        private final Debounce searchable;
        private volatile long lastChange;

        Events(WorkbenchViewModel model, Executor fx, Scheduler timers) {
            this.model = model;
            this.fx = fx;
            this.timers = timers;
            this.searchable = Debounce.every("searchable", timers, SEARCHABLE_AFTER, this::searchableNow);
        }

        private void deliver(Consumer<WorkbenchViewModel> event) {
            fx.execute(() -> {
                if (model.shows(OpenWorkspace.this)) {
                    event.accept(model);
                }
            });
        }

        @Override
        public void configChanged(SourcesConfig config) {
            deliver(WorkbenchViewModel::configChanged);
        }

        @Override
        public void configRejected(List<String> problems) {
            List<String> copy = List.copyOf(problems);
            deliver(m -> m.configRejected(copy));
        }

        @Override
        public void itemsStored() {
            deliver(WorkbenchViewModel::itemsStored);
            indexChangesComing();
        }

        /** Detected languages and entities: the list shows them now, the index a moment later. */
        @Override
        public void itemsAnalysed() {
            deliver(WorkbenchViewModel::itemsUpdated);
            indexChangesComing();
        }

        private void indexChangesComing() {
            lastChange = timers.nanoTime();
            searchable.request();
        }

        private void searchableNow() {
            if (timers.nanoTime() - lastChange < SEARCHABLE_AFTER.toNanos()) {
                searchable.request(); // changed again meanwhile: tell once more when that is searchable too
            }
            deliver(WorkbenchViewModel::itemsSearchable);
        }

        @Override
        public void indexRebuilding(long done, long total) {
            if (rebuildToShow.getAndSet(new long[] {done, total}) == null) {
                fx.execute(() -> {
                    long[] shown = rebuildToShow.getAndSet(null);
                    if (shown != null && model.shows(OpenWorkspace.this)) {
                        model.indexRebuilding(shown[0], shown[1]);
                    }
                });
            }
        }

        @Override
        public void pollFinished(PollReport report) {
            deliver(WorkbenchViewModel::pollFinished);
        }
    }

    /** Closes the session: the index, the database, its threads. Blocks. */
    @Override
    public void close() {
        session.close();
    }
}
