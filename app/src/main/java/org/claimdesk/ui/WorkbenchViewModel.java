package org.claimdesk.ui;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.claimdesk.index.SearchQueryException;
import org.claimdesk.index.SearchRequest;
import org.claimdesk.ingest.ImportReport;
import org.claimdesk.ingest.PollReport;
import org.claimdesk.source.SourcesConfig;
import org.claimdesk.store.FetchAttempt;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.store.SavedSearch;
import org.claimdesk.store.StoreException;
import org.claimdesk.store.SourceHealth;
import org.claimdesk.store.StoredItem;
import org.claimdesk.workspace.SessionListener;
import org.claimdesk.workspace.WatchQueries.WatchCount;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The workbench window's state and actions, without any controls: which workspace is open, the
 * lists the panels show, the running task and the status line. Call its methods on the FX
 * thread; it does every workspace call on its own background threads and applies the results
 * on the FX thread, dropping results that belong to a workspace no longer open.
 */
public final class WorkbenchViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchViewModel.class);
    /** Long enough to merge the burst of "items stored" events a poll sends, short enough to feel live. */
    private static final Duration LIST_QUIET_PERIOD = Duration.ofMillis(150);
    private static final Duration READER_QUIET_PERIOD = Duration.ofMillis(30);
    /** A pause in typing this long runs the search. */
    private static final Duration SEARCH_QUIET_PERIOD = Duration.ofMillis(250);
    /** New items become searchable up to a second after they are stored (index feeder + reopen, 0.5 s each). */
    private static final Duration SEARCH_NEW_ITEMS_DELAY = Duration.ofMillis(1100);

    private final WorkspaceOpener opener;
    private final Messages messages;
    private final WorkerThreads threads = new WorkerThreads();

    private final ItemListViewModel itemList = new ItemListViewModel();
    private final SourcesViewModel sources = new SourcesViewModel();
    private final ReaderViewModel reader;
    private final ErrorsViewModel errors;
    private final SearchViewModel search;
    private final SavedSearchesViewModel savedSearches = new SavedSearchesViewModel();

    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");
    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper(this, "windowTitle");
    private final ReadOnlyObjectWrapper<Task<?>> runningTask = new ReadOnlyObjectWrapper<>(this, "runningTask");
    private final ReadOnlyBooleanWrapper sessionOpen = new ReadOnlyBooleanWrapper(this, "sessionOpen");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty taskMessage = new SimpleStringProperty(this, "taskMessage", "");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final BooleanBinding busy = runningTask.isNotNull();
    private final StringBinding statusLine = Bindings.when(busy).then(taskMessage).otherwise(status);
    private final ObservableList<Workspace> recent = FXCollections.observableArrayList();

    private final CoalescingRefresh itemsRefresh;
    private final CoalescingRefresh healthRefresh;
    private final CoalescingRefresh readerRefresh;
    private final CoalescingRefresh savedSearchesRefresh;
    /** After items are stored: counts come from the index, which has them up to a second later. */
    private final CoalescingRefresh savedSearchesAfterStore;
    /** When items were last stored (System.nanoTime), 0 for never. */
    private volatile long lastItemsStored;

    /** The open session; volatile because the background loads read it. Written on the FX thread only. */
    private volatile WorkspaceSession session;
    private volatile long wantedItemId = ReaderViewModel.NONE;
    private boolean closing;

    public WorkbenchViewModel(WorkspaceOpener opener, Messages messages) {
        this.opener = opener;
        this.messages = messages;
        this.reader = new ReaderViewModel(messages);
        this.errors = new ErrorsViewModel(messages);
        this.search = new SearchViewModel(threads.searches(), Platform::runLater, SEARCH_QUIET_PERIOD,
                SEARCH_NEW_ITEMS_DELAY, messages);
        this.windowTitle.set(messages.get("app.title"));
        this.status.set(messages.get("status.noWorkspace"));

        itemsRefresh = refresh("items", LIST_QUIET_PERIOD,
                s -> s.items().newest(ItemListViewModel.LIMIT), itemList::replaceItems);
        healthRefresh = refresh("source health", LIST_QUIET_PERIOD,
                s -> new Health(s.sources().health(), s.sources().recentFailures(ErrorsViewModel.FAILURE_LIMIT),
                        s.configProblems()),
                this::applyHealth);
        savedSearchesRefresh = refresh("saved searches", LIST_QUIET_PERIOD,
                s -> s.watchQueries().counts(), savedSearches::replace);
        savedSearchesAfterStore = new CoalescingRefresh("saved searches after new items", threads.reads(),
                SEARCH_NEW_ITEMS_DELAY, this::reloadSavedSearchesAfterStore);
        readerRefresh = new CoalescingRefresh("reader", threads.reads(), READER_QUIET_PERIOD, this::loadWantedItem);

        itemList.selectedProperty().addListener((obs, before, item) -> {
            // A null selection (the item fell off the list) keeps the reader on what it shows.
            if (item != null && item.id() != reader.itemIdProperty().get()) {
                wantedItemId = item.id();
                readerRefresh.request();
            }
        });
    }

    private record Health(List<SourceHealth> sources, List<FetchAttempt> failures, List<String> configProblems) {
    }

    private record Opened(WorkspaceSession session, List<Workspace> recent) {
    }

    /** Opens a workspace; a session that opens after the user cancelled is closed again, not leaked. */
    private final class OpenTask extends Task<Opened> {
        private final Path folder;
        private volatile WorkspaceSession opened;

        OpenTask(Path folder) {
            this.folder = folder;
            setOnCancelled(e -> {
                WorkspaceSession late = opened;
                if (late != null) {
                    closeInBackground(late);
                }
            });
        }

        @Override
        protected Opened call() throws Exception {
            updateMessage(messages.format("status.opening", folder));
            updateProgress(-1, 1);
            WorkspaceSession session = opener.open(folder);
            opened = session;
            session.addListener(new SessionEvents(session));
            return new Opened(session, recentOrEmpty());
        }
    }

    // ---- actions -------------------------------------------------------------------------

    /**
     * Opens the workspace in this folder in the background; when it is open, the window switches
     * to it and the previous session is closed, also in the background. On failure the current
     * workspace stays open.
     */
    public void openWorkspace(Path folder) {
        if (closing) {
            return;
        }
        Path wanted = folder.toAbsolutePath().normalize();
        WorkspaceSession current = session;
        if (current != null && current.workspace().root().equals(wanted)) {
            status.set(messages.format("status.alreadyOpen", current.workspace().name()));
            return;
        }
        cancel();
        OpenTask task = new OpenTask(wanted);
        start(task, opened -> {
            if (closing) {
                closeInBackground(opened.session());
                return;
            }
            WorkspaceSession previous = session;
            attach(opened.session());
            recent.setAll(opened.recent());
            status.set(messages.format("status.opened", opened.session().workspace().name()));
            if (previous != null) {
                closeInBackground(previous);
            }
        }, "status.openFailed");
    }

    /** Polls every enabled source now; the status line then says how it went. */
    public void pollNow() {
        WorkspaceSession s = session;
        if (s == null || busy.get()) {
            return;
        }
        start(new PollTask(s, messages), report -> {
            status.set(pollOutcome(report));
            itemsRefresh.request();
            healthRefresh.request();
        }, "status.pollFailed");
    }

    /** Imports a folder, zip or OPML file of saved material. */
    public void importPath(Path path) {
        WorkspaceSession s = session;
        if (s == null || busy.get()) {
            return;
        }
        start(new ImportTask(s, path, messages), report -> {
            status.set(importOutcome(report));
            errors.addImportProblems(Instant.now(), report.problems());
            itemsRefresh.request();
            healthRefresh.request();
        }, "status.importFailed");
    }

    /**
     * Recreates the search index from the database (after a damaged index, or to pick up what
     * analysis wrote since); searches meanwhile see a partial index and run again when it is done.
     */
    public void rebuildIndex() {
        WorkspaceSession s = session;
        if (s == null || busy.get()) {
            return;
        }
        start(new RebuildIndexTask(s, messages), report -> {
            status.set(messages.format(report.cancelled() ? "status.rebuildCancelled" : "status.rebuildDone",
                    report.indexed()));
            search.rerun();
            savedSearchesRefresh.request();
        }, "status.rebuildFailed", () -> threads.reads().execute(() -> {
            // A complete index was rewritten in place and still holds everything; an emptied one
            // holds only part of the items now: say which, and what brings the rest back.
            boolean incomplete = s.index().needsRebuild();
            Platform.runLater(() -> {
                if (s == session) {
                    status.set(messages.get(incomplete ? "status.rebuildCancelledIncomplete" : "status.rebuildCancelledComplete"));
                    search.rerun();
                }
            });
            savedSearchesRefresh.request();
        }));
    }

    /**
     * Saves the search in the panel (query and applied filters) under this name. A query the
     * parser refuses or a name already taken is said in the saved-searches list, not thrown.
     */
    public void saveSearch(String name) {
        WorkspaceSession s = session;
        if (s == null) {
            return;
        }
        String wanted = name == null ? "" : name.strip();
        if (wanted.isEmpty()) {
            savedSearches.problem(messages.get("saved.nameMissing"));
            return;
        }
        if (!search.activeProperty().get()) {
            savedSearches.problem(messages.get("saved.nothingToSave"));
            return;
        }
        SearchRequest request = search.request();
        Duration since = search.sinceProperty().get().reach();
        threads.reads().execute(() -> {
            String problem;
            try {
                s.watchQueries().save(wanted, request, since);
                problem = null;
            } catch (SearchQueryException e) {
                problem = messages.format("saved.badQuery", e.getMessage());
            } catch (StoreException e) {
                problem = messages.format("saved.refused", describe(e));
            } catch (RuntimeException e) {
                LOG.warn("Saving search '{}' failed: {}", wanted, e.toString(), e);
                problem = messages.format("saved.refused", describe(e));
            }
            String outcome = problem;
            Platform.runLater(() -> {
                if (s == session) {
                    savedSearches.problem(outcome);
                    status.set(outcome == null ? messages.format("status.searchSaved", wanted) : outcome);
                }
            });
            savedSearchesRefresh.request();
        });
    }

    /** Shows a saved search's query and filters in the search panel and marks its matches seen. */
    public void openSavedSearch(WatchCount row) {
        WorkspaceSession s = session;
        if (s == null) {
            return;
        }
        SavedSearch saved = row.search();
        savedSearches.problem("");
        search.show(saved.query(), saved.languages(), saved.sourceIds(), saved.tags(), saved.entities(),
                SearchViewModel.Since.covering(saved.since()), saved.from(), saved.until());
        threads.reads().execute(() -> {
            try {
                s.watchQueries().markSeen(saved);
            } catch (RuntimeException e) {
                reportLoadFailure(s, "saved search " + saved.name(), e);
                return;
            }
            savedSearchesRefresh.request();
        });
    }

    /** Deletes a saved search; the search panel keeps what it shows. */
    public void removeSavedSearch(WatchCount row) {
        WorkspaceSession s = session;
        if (s == null) {
            return;
        }
        threads.reads().execute(() -> {
            try {
                s.watchQueries().remove(row.search());
            } catch (RuntimeException e) {
                reportLoadFailure(s, "saved search " + row.search().name(), e);
                return;
            }
            Platform.runLater(() -> {
                if (s == session) {
                    status.set(messages.format("status.searchRemoved", row.search().name()));
                }
            });
            savedSearchesRefresh.request();
        });
    }

    /** Writes the configured sources as OPML. */
    public void exportOpml(Path target) {
        WorkspaceSession s = session;
        if (s == null || busy.get()) {
            return;
        }
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() {
                updateMessage(messages.format("export.running", target.getFileName()));
                updateProgress(-1, 1);
                s.exportOpml(target);
                return target;
            }
        };
        start(task, written -> status.set(messages.format("status.exported", written)), "status.exportFailed");
    }

    /**
     * Shows this item in the reader (a search hit was picked). The item list's selection is
     * dropped, so a reload of the list does not put its old selection back into the reader.
     */
    public void openItem(long itemId) {
        if (session == null) {
            return;
        }
        itemList.select(null);
        if (itemId != reader.itemIdProperty().get()) {
            wantedItemId = itemId;
            readerRefresh.request();
        }
    }

    /** Cancels the running poll, import or export (its thread is interrupted). */
    public void cancel() {
        Task<?> task = runningTask.get();
        if (task != null) {
            task.cancel();
        }
    }

    /** Reloads the recent-workspaces list in the background (e.g. when the menu opens). */
    public void reloadRecent() {
        threads.tasks().execute(() -> {
            List<Workspace> list = recentOrEmpty();
            Platform.runLater(() -> recent.setAll(list));
        });
    }

    /**
     * Stops the background threads and closes the workspace on a thread of its own, so the FX
     * thread never waits for the database. Not a daemon thread: the database is closed cleanly
     * before the JVM exits.
     */
    public CompletableFuture<Void> close() {
        closing = true;
        cancel();
        WorkspaceSession s = session;
        session = null;
        sessionOpen.set(false);
        search.detach();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Thread closer = new Thread(() -> {
            try {
                threads.close();
                if (s != null) {
                    s.close();
                }
                closed.complete(null);
            } catch (RuntimeException e) {
                LOG.error("Closing the workspace failed", e);
                closed.completeExceptionally(e);
            }
        }, "claimdesk-ui-close");
        closer.start();
        return closed;
    }

    // ---- outcomes as the user reads them ---------------------------------------------------

    String pollOutcome(PollReport report) {
        return report.cancelled()
                ? messages.format("status.pollCancelled", report.newItems())
                : messages.format("status.pollDone", report.newItems(), report.failedSources());
    }

    String importOutcome(ImportReport report) {
        return messages.format(report.cancelled() ? "status.importCancelled" : "status.importDone",
                report.files(), report.newItems(), report.sources().size(), report.problems().size());
    }

    // ---- wiring ---------------------------------------------------------------------------

    private void attach(WorkspaceSession opened) {
        session = opened;
        wantedItemId = ReaderViewModel.NONE;
        itemList.clear();
        sources.clear();
        errors.clear();
        reader.clear();
        savedSearches.clear();
        workspace.set(opened.workspace());
        windowTitle.set(messages.format("app.titleWithWorkspace", opened.workspace().name()));
        sessionOpen.set(true);
        // ItemSearch is looked up per search, on the search thread: the first one opens the index.
        search.attach(request -> opened.search().search(request), sources::nameOf);
        itemsRefresh.request();
        healthRefresh.request();
    }

    /** Loads the counts; once more later when items were stored too recently to be searchable yet. */
    private void reloadSavedSearchesAfterStore() {
        long started = System.nanoTime();
        savedSearchesRefresh.request();
        if (started - lastItemsStored < SEARCH_NEW_ITEMS_DELAY.toNanos()) {
            savedSearchesAfterStore.request();
        }
    }

    private void applyHealth(Health health) {
        sources.replaceSources(health.sources());
        errors.replaceFetchFailures(health.failures(), sources::nameOf);
        errors.replaceConfigProblems(health.configProblems());
    }

    private void loadWantedItem() {
        WorkspaceSession s = session;
        long id = wantedItemId;
        if (s == null || id == ReaderViewModel.NONE) {
            return;
        }
        Optional<StoredItem> item;
        try {
            item = s.items().find(id);
        } catch (RuntimeException e) {
            reportLoadFailure(s, "item " + id, e);
            return;
        }
        Platform.runLater(() -> {
            // Latest wins: the analyst may have moved on while this item loaded.
            if (s == session && id == wantedItemId) {
                item.ifPresentOrElse(i -> reader.show(i, sources::nameOf), reader::clear);
            }
        });
    }

    /** A debounced reload that reads from the open session off the FX thread and applies on it. */
    private <T> CoalescingRefresh refresh(String what, Duration quiet, Function<WorkspaceSession, T> load,
                                          Consumer<T> apply) {
        return new CoalescingRefresh(what, threads.reads(), quiet, () -> {
            WorkspaceSession s = session;
            if (s == null) {
                return;
            }
            T value;
            try {
                value = load.apply(s);
            } catch (RuntimeException e) {
                reportLoadFailure(s, what, e);
                return;
            }
            Platform.runLater(() -> {
                if (s == session) {
                    apply.accept(value);
                }
            });
        });
    }

    private void reportLoadFailure(WorkspaceSession s, String what, RuntimeException e) {
        if (s != session) {
            return; // the workspace was switched or closed under the load; nothing to tell
        }
        LOG.warn("Could not load {}: {}", what, e.toString(), e);
        Platform.runLater(() -> status.set(messages.format("status.loadFailed", describe(e))));
    }

    private <T> void start(Task<T> task, Consumer<T> succeeded, String failedKey) {
        start(task, succeeded, failedKey, () -> status.set(messages.get("status.cancelled")));
    }

    private <T> void start(Task<T> task, Consumer<T> succeeded, String failedKey, Runnable cancelled) {
        runningTask.set(task);
        progress.bind(task.progressProperty());
        taskMessage.bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            finished(task);
            succeeded.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished(task);
            Throwable failure = task.getException();
            LOG.warn("Background task failed ({}): {}", failedKey, failure.toString(), failure);
            status.set(messages.format(failedKey, describe(failure)));
        });
        var ownCancelHandling = task.getOnCancelled();
        task.setOnCancelled(e -> {
            finished(task);
            cancelled.run();
            if (ownCancelHandling != null) {
                ownCancelHandling.handle(e);
            }
        });
        threads.tasks().execute(task);
    }

    private void finished(Task<?> task) {
        if (runningTask.get() == task) {
            progress.unbind();
            progress.set(0);
            taskMessage.unbind();
            runningTask.set(null);
        }
    }

    /** Its own thread (not a daemon): it may run after the window's threads were shut down. */
    private void closeInBackground(WorkspaceSession old) {
        Thread.ofPlatform().name("claimdesk-ui-close-workspace").start(() -> {
            try {
                old.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing workspace {} failed", old.workspace().root(), e);
            }
        });
    }

    private List<Workspace> recentOrEmpty() {
        try {
            return List.copyOf(opener.recent());
        } catch (RuntimeException e) {
            // The recent list is a convenience; a broken one must not stop a workspace from opening.
            LOG.warn("Could not read the recent workspaces: {}", e.toString());
            return List.of();
        }
    }

    /** A one-line reason for the status bar, never a stack trace. */
    static String describe(Throwable failure) {
        Throwable t = failure;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    /** What the open session tells us, from its own threads. */
    private final class SessionEvents implements SessionListener {
        private final WorkspaceSession source;

        SessionEvents(WorkspaceSession source) {
            this.source = source;
        }

        @Override
        public void configChanged(SourcesConfig config) {
            healthRefresh.request();
        }

        @Override
        public void configRejected(List<String> problems) {
            List<String> copy = List.copyOf(problems);
            Platform.runLater(() -> {
                if (source == session) {
                    errors.replaceConfigProblems(copy);
                }
            });
            healthRefresh.request();
        }

        @Override
        public void itemsStored() {
            indexChangesComing();
            healthRefresh.request(); // item counts per source changed
        }

        /** The latest rebuild progress not shown yet; the FX thread takes it, so a fast rebuild queues no flood. */
        private final AtomicReference<long[]> rebuildToShow =
                new AtomicReference<>();

        @Override
        public void indexRebuilding(long done, long total) {
            if (rebuildToShow.getAndSet(new long[]{done, total}) == null) {
                Platform.runLater(this::showRebuild);
            }
        }

        private void showRebuild() {
            long[] shown = rebuildToShow.getAndSet(null);
            if (shown == null || source != session) {
                return;
            }
            if (shown[0] < shown[1]) {
                status.set(messages.format("rebuild.progress", shown[0], shown[1]));
            } else {
                status.set(messages.format("status.rebuildDone", shown[0]));
                search.rerun();
                savedSearchesRefresh.request();
            }
        }

        /** Detected languages and entities: the list shows them now, the index within a second. */
        @Override
        public void itemsAnalysed() {
            indexChangesComing();
        }

        /** The database changed; the index follows within a second: re-run what reads it, and the list. */
        private void indexChangesComing() {
            if (source == session) {
                search.itemsStored();
                lastItemsStored = System.nanoTime();
                savedSearchesAfterStore.request();
            }
            itemsRefresh.request();
        }

        @Override
        public void pollFinished(PollReport report) {
            healthRefresh.request();
        }
    }

    // ---- what the view binds to ------------------------------------------------------------

    public ItemListViewModel itemList() {
        return itemList;
    }

    public SourcesViewModel sources() {
        return sources;
    }

    public ReaderViewModel reader() {
        return reader;
    }

    public ErrorsViewModel errors() {
        return errors;
    }

    public SearchViewModel search() {
        return search;
    }

    public SavedSearchesViewModel savedSearches() {
        return savedSearches;
    }

    public ObservableList<Workspace> recent() {
        return recent;
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sessionOpenProperty() {
        return sessionOpen.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Task<?>> runningTaskProperty() {
        return runningTask.getReadOnlyProperty();
    }

    /** True while a poll, import, export or workspace switch runs. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** Progress of the running task, -1 when unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** What is happening now, else the outcome of the last action. */
    public StringBinding statusLineProperty() {
        return statusLine;
    }

    /** Wanted for tests and the status line: only ever changed by this model. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
