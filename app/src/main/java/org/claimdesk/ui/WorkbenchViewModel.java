package org.claimdesk.ui;

import org.claimdesk.ui.shared.Messages;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.claimdesk.store.ClusterSummary;
import org.claimdesk.ui.claims.ClaimBoardViewModel;
import org.claimdesk.ui.exchange.ConflictsViewModel;
import org.claimdesk.ui.exchange.PackChoiceViewModel;
import org.claimdesk.workspace.EncryptedFiles;
import org.claimdesk.workspace.Exporting;
import org.claimdesk.export.OpenPgpEnvelope;
import org.claimdesk.workspace.Importing;
import org.claimdesk.ui.rebuttals.RebuttalsViewModel;
import org.claimdesk.ui.errors.ErrorWording;
import org.claimdesk.ui.errors.ErrorsViewModel;
import org.claimdesk.ui.items.ItemListViewModel;
import org.claimdesk.ui.reader.ReaderViewModel;
import org.claimdesk.ui.saved.SavedSearchesViewModel;
import org.claimdesk.ui.search.SearchViewModel;
import org.claimdesk.ui.sources.SourceRow;
import org.claimdesk.ui.sources.SourcesViewModel;
import org.claimdesk.ui.task.LongTask;
import org.claimdesk.pipeline.StageStatus;
import org.claimdesk.ui.firststart.FirstStartViewModel;
import org.claimdesk.ui.stages.StagesViewModel;
import org.claimdesk.ui.task.TaskRunner;
import org.claimdesk.ui.task.Workers;
import org.claimdesk.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The workbench window without any controls: which workspace is open, the screens' view models,
 * the long tasks and the status line. It hands each screen plain functions of the open workspace
 * ({@link OpenWorkspace}, the only class that knows the session) and turns what the session
 * tells into calls on the screens. Call it on the FX thread.
 */
public final class WorkbenchViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchViewModel.class);

    private final WorkspaceOpener opener;
    private final Messages messages;
    private final Executor fx;
    private final Workers workers;
    private final ErrorWording wording;
    private final TaskRunner tasks;
    private final StatusLineViewModel statusLine;

    private final ItemListViewModel items;
    private final SourcesViewModel sources;
    private final ReaderViewModel reader;
    private final ClaimBoardViewModel claimBoard;
    private final RebuttalsViewModel rebuttals;
    /** Pages fetched as evidence: each waits on the network, on a thread of its own. */
    private final ExecutorService evidencePages = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("claimdesk-evidence-page-", 0).factory());
    private final ErrorsViewModel errors;
    private final SearchViewModel search;
    private final SavedSearchesViewModel savedSearches;
    private final StagesViewModel stages;
    private final FirstStartViewModel firstStart;
    private final ConflictsViewModel conflicts;
    private final PackChoiceViewModel packChoice;
    private final ReadOnlyObjectWrapper<KeyWanted> keyWanted = new ReadOnlyObjectWrapper<>(this, "keyWanted");

    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");
    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper(this, "windowTitle");
    private final ReadOnlyBooleanWrapper sessionOpen = new ReadOnlyBooleanWrapper(this, "sessionOpen");
    private final BooleanBinding ready;
    private final ObservableList<Workspace> recent = FXCollections.observableArrayList();

    private OpenWorkspace open;
    private boolean closing;

    /**
     * @param fx      the FX thread ({@code Platform::runLater} in the window)
     * @param workers the background threads; closed with this model
     * @param clock   "now" for the search panel's time ranges, and the analyst's time zone
     */
    public WorkbenchViewModel(WorkspaceOpener opener, Messages messages, Executor fx, Workers workers, Clock clock) {
        this.opener = opener;
        this.messages = messages;
        this.fx = fx;
        this.workers = workers;
        this.wording = new ErrorWording(messages);
        this.tasks = new TaskRunner(workers.tasks(), fx);
        this.statusLine = new StatusLineViewModel(messages, tasks);
        Consumer<RuntimeException> readFailed = e -> statusLine.say(wording.couldNotRead(e));
        this.items = new ItemListViewModel(workers.reads(), fx, messages, readFailed);
        this.sources = new SourcesViewModel(workers.reads(), fx, messages, readFailed);
        this.reader = new ReaderViewModel(workers.reads(), fx, messages, readFailed);
        this.claimBoard = new ClaimBoardViewModel(workers.reads(), fx, messages, readFailed);
        this.rebuttals = new RebuttalsViewModel(workers.reads(), fx, evidencePages, messages, clock, readFailed);
        this.errors = new ErrorsViewModel(workers.reads(), fx, messages, sources::nameOf, readFailed);
        this.search = new SearchViewModel(workers.searches(), fx, messages, clock);
        this.stages = new StagesViewModel(workers.reads(), workers.reads()::execute, fx, messages, readFailed);
        this.firstStart = new FirstStartViewModel(workers.reads()::execute, fx, messages, statusLine::say);
        this.savedSearches = new SavedSearchesViewModel(workers.reads(), fx, messages, statusLine::say, readFailed,
                search::show);
        this.conflicts = new ConflictsViewModel(workers.reads(), fx, messages, readFailed, statusLine::say, settled -> {
            rebuttals.reload();
            // the editor showing it follows, unless the analyst is typing there (their save is then refused, not lost)
            var shown = rebuttals.editor().rebuttalProperty().get();
            if (shown != null && shown.id() == settled.id() && !rebuttals.editor().dirtyProperty().get()) {
                rebuttals.editor().open(settled.id());
            }
        });
        this.packChoice = new PackChoiceViewModel(workers.reads(), fx, messages, readFailed);
        windowTitle.set(messages.get("app.title"));
        statusLine.say(messages.get("status.noWorkspace"));
        ready = sessionOpen.getReadOnlyProperty().and(items.loadedProperty()).and(sources.loadedProperty());

        // A null selection (the item fell off the list) keeps the reader on what it shows.
        items.selectedProperty().addListener((obs, before, item) -> {
            if (item != null) {
                reader.open(item.id());
            }
        });
        sources.rows().addListener((ListChangeListener<SourceRow>) change -> errors.sourceNamesChanged());
        // under the item: its claims, its cluster and the notes on it
        reader.itemIdProperty().addListener((obs, before, id) -> claimBoard.itemClaims().show(id.longValue()));
    }

    // ---- actions -------------------------------------------------------------------------

    /**
     * Opens the workspace in this folder in the background; when it is open, the window switches
     * to it and the previous one is closed, also in the background. On failure the current
     * workspace stays open.
     */
    public void openWorkspace(Path folder) {
        if (closing) {
            return;
        }
        Path wanted = folder.toAbsolutePath().normalize();
        if (open != null && open.workspace().root().equals(wanted)) {
            statusLine.say(messages.format("status.alreadyOpen", open.workspace().name()));
            return;
        }
        OpenWorkspaceTask task = new OpenWorkspaceTask(opener, wanted, messages,
                opened -> opened.listen(this, fx), this::recentOrEmpty, WorkbenchViewModel::closeInBackground);
        run("Opening workspace " + wanted, task, opened -> {
            if (closing) {
                closeInBackground(opened.workspace());
                return;
            }
            OpenWorkspace previous = open;
            attach(opened.workspace());
            recent.setAll(opened.recent());
            statusLine.say(messages.format("status.opened", opened.workspace().workspace().name()));
            if (previous != null) {
                closeInBackground(previous);
            }
        }, "status.openFailed");
    }

    /** Polls every enabled source now; the status line then says how it went. */
    public void pollNow() {
        OpenWorkspace o = open;
        if (o == null || tasks.busyProperty().get()) {
            return;
        }
        run("Poll", new PollTask(o, messages), report -> {
            statusLine.say(PollTask.outcome(messages, report));
            items.reload();
            sources.reload();
            errors.reload();
        }, "status.pollFailed");
    }

    /**
     * An encrypted file to import needs a passphrase or a secret key: the window asks, then calls
     * {@link #importPath(Path, OpenPgpEnvelope.Keys)} again, or {@link #keyDropped()}.
     *
     * @param why what the last attempt said
     */
    public record KeyWanted(Path file, String why) {
    }

    /**
     * Imports what the analyst chose: saved feeds and pages (a folder, zip or OPML list), a rebuttal
     * pack or a workspace bundle; an encrypted one asks for its key through {@link #keyWantedProperty()}.
     */
    public void importPath(Path path) {
        importPath(path, null);
    }

    /** Imports with what opens an encrypted file; the passphrase is wiped once the import ends. */
    public void importPath(Path path, OpenPgpEnvelope.Keys keys) {
        OpenWorkspace o = open;
        keyWanted.set(null);
        if (o == null || tasks.busyProperty().get()) {
            wipe(keys == null ? null : keys.passphrase());
            return;
        }
        run("Import of " + path, new ImportTask(o, path, keys, messages), outcome -> {
            switch (outcome) {
                case ImportTask.PassphraseWanted wanted -> {
                    statusLine.say(wanted.why());
                    keyWanted.set(new KeyWanted(wanted.file(), wanted.why()));
                }
                case ImportTask.Done done -> {
                    statusLine.say(ImportTask.outcome(messages, done.imported()));
                    if (done.imported() instanceof Importing.SavedMaterial saved) {
                        errors.addImportProblems(Instant.now(), saved.report().problems());
                    } else {
                        // rebuttals, clusters and conflicts came with a pack or a bundle
                        claimBoard.reload();
                        rebuttals.reload();
                        conflicts.reload();
                    }
                    items.reload();
                    sources.reload();
                    errors.reload();
                }
            }
        }, "status.importFailed");
    }

    /** The analyst did not give a key for the encrypted file: nothing was imported. */
    public void keyDropped() {
        KeyWanted wanted = keyWanted.get();
        keyWanted.set(null);
        if (wanted != null) {
            statusLine.say(messages.format("status.importNoKey", wanted.file().getFileName()));
        }
    }

    /**
     * Recreates the search index from the database (after a damaged index, or to pick up what
     * analysis wrote since); searches meanwhile see a partial index and run again when it is done.
     */
    public void rebuildIndex() {
        OpenWorkspace o = open;
        if (o == null || tasks.busyProperty().get()) {
            return;
        }
        tasks.start("Rebuild of the search index", new RebuildIndexTask(o, messages), report -> {
            statusLine.say(messages.format(report.cancelled() ? "status.rebuildCancelled" : "status.rebuildDone",
                    report.indexed()));
            search.rerun();
            savedSearches.reload();
        }, failure -> statusLine.say(wording.failed("status.rebuildFailed", failure)), () -> onReads(() -> {
            // A complete index was rewritten in place and still holds everything; an emptied one
            // holds only part of the items now: say which, and what brings the rest back.
            boolean incomplete = o.indexIncomplete();
            fx.execute(() -> {
                if (o == open) {
                    statusLine.say(messages.get(incomplete ? "status.rebuildCancelledIncomplete" : "status.rebuildCancelledComplete"));
                    search.rerun();
                }
            });
            savedSearches.reload();
        }));
    }

    /**
     * Writes a rebuttal pack as chosen, encrypted with {@code passphrase} when one is given (the
     * file then ends in .pgp); the passphrase is wiped once the pack is written or refused.
     */
    public void exportPack(PackChoiceViewModel.PackChoice choice, Path target, char[] passphrase) {
        exportEncryptable(target, passphrase, (o, file, to) -> {
            byte[] logo = choice.logo() == null ? null : java.nio.file.Files.readAllBytes(choice.logo());
            String logoType = choice.logo() == null ? null : Exporting.logoMediaType(choice.logo());
            return o.exportPack(choice, logo, logoType, file, to);
        }, written -> messages.format(passphrase == null ? "status.packWritten" : "status.packWrittenEncrypted",
                written.file(), written.rebuttals(), written.snapshots()), "status.packFailed");
    }

    /**
     * Writes a workspace bundle of what changed since {@code since} (everything when null) for
     * another machine, encrypted with {@code passphrase} when one is given (the file then ends in .pgp).
     */
    public void exportBundle(Instant since, Path target, char[] passphrase) {
        exportEncryptable(target, passphrase, (o, file, to) -> o.exportBundle(since, file, to),
                written -> messages.format(passphrase == null ? "status.bundleWritten" : "status.bundleWrittenEncrypted",
                        written.file(), written.items(), written.clusters(), written.rebuttals(), written.bytes() / 1e6),
                "status.bundleFailed");
    }

    /** Writes one file for another machine; {@code to} is null when it is not encrypted. */
    @FunctionalInterface
    private interface ExportWriter<T> {
        T write(OpenWorkspace workspace, Path file, OpenPgpEnvelope.Recipients to) throws Exception;
    }

    /** An export as a long task, to {@code target} or, encrypted, to its .pgp name; the passphrase is wiped at the end. */
    private <T> void exportEncryptable(Path target, char[] passphrase, ExportWriter<T> writer,
                                       java.util.function.Function<T, String> said, String failedKey) {
        OpenWorkspace o = open;
        if (o == null || tasks.busyProperty().get()) {
            wipe(passphrase);
            return;
        }
        Path file = passphrase == null ? target : EncryptedFiles.encryptedName(target, false);
        run("Export of " + file, progress -> {
            try {
                progress.message(messages.format("export.running", file.getFileName()));
                return writer.write(o, file, passphrase == null ? null : OpenPgpEnvelope.Recipients.passphrase(passphrase));
            } finally {
                wipe(passphrase);
            }
        }, written -> statusLine.say(said.apply(written)), failedKey);
    }

    private static void wipe(char[] passphrase) {
        if (passphrase != null) {
            java.util.Arrays.fill(passphrase, '\0');
        }
    }

    /** Writes the configured sources as OPML. */
    public void exportOpml(Path target) {
        OpenWorkspace o = open;
        if (o == null || tasks.busyProperty().get()) {
            return;
        }
        run("Export of " + target, progress -> {
            progress.message(messages.format("export.running", target.getFileName()));
            o.exportOpml(target);
            return target;
        }, written -> statusLine.say(messages.format("status.exported", written)), "status.exportFailed");
    }

    /**
     * Saves the search in the panel (query and applied filters) under this name; a refusal is
     * said in the saved-searches list.
     */
    public void saveSearch(String name) {
        savedSearches.save(name, search.activeProperty().get() ? search.request() : null,
                search.sinceProperty().get().reach());
    }

    /**
     * Shows this item in the reader (a search hit was picked). The item list's selection is
     * dropped, so a reload of the list does not put its old selection back into the reader.
     */
    public void openItem(long itemId) {
        if (open == null) {
            return;
        }
        items.select(null);
        reader.open(itemId);
    }

    /** Cancels the running task (its thread is interrupted). */
    public void cancel() {
        tasks.cancel();
    }

    /** Reloads the recent-workspaces list in the background (e.g. when the menu opens). */
    public void reloadRecent() {
        try {
            workers.tasks().execute(() -> {
                List<Workspace> list = recentOrEmpty();
                fx.execute(() -> recent.setAll(list));
            });
        } catch (RejectedExecutionException e) {
            // The window is closing.
        }
    }

    /**
     * Stops the background threads and closes the workspace on a thread of its own, so the FX
     * thread never waits for the database. Not a daemon thread: the database is closed cleanly
     * before the JVM exits.
     */
    public CompletableFuture<Void> close() {
        closing = true;
        tasks.cancel();
        OpenWorkspace o = open;
        open = null;
        sessionOpen.set(false);
        search.detach();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Thread closer = new Thread(() -> {
            try {
                rebuttals.editor().keepTypingNow(); // before the threads and the database go
                evidencePages.shutdownNow();
                workers.close();
                if (o != null) {
                    o.close();
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

    // ---- what the open workspace tells (FX thread, while it is the one shown) ----------------------

    /** feeds.yml was (re)loaded and is in force. */
    public void configChanged() {
        sources.reload();
        errors.reload();
    }

    /** feeds.yml was edited but is broken; the last good configuration stays in force. */
    public void configRejected(List<String> problems) {
        errors.replaceConfigProblems(problems);
        sources.reload();
        errors.reload();
    }

    /** New items were stored (a poll, a scheduled poll, an import). */
    public void itemsStored() {
        items.reload();
        sources.reload(); // item counts per source
    }

    /**
     * A stage stored results about items (an article page arrived or failed; analysis found the
     * language and entities): the list, the reader, the articles waiting per source and the
     * failed article fetches follow.
     */
    public void itemsUpdated() {
        items.reload();
        claimBoard.reload(); // claims scored, items clustered, flags raised
        rebuttals.reload(); // claims marked as needing an answer, clusters merged
        claimBoard.cluster().refresh();
        reader.refresh(); // its article may have arrived (decision 0011)
        claimBoard.itemClaims().refresh(); // scored or clustered since
        sources.reload();
        errors.reload();
    }

    /**
     * Clusters were flagged for the first time, or came back after a dismissal: the board shows
     * them at the top, an alert over the window names each, the status line the first, and the
     * desktop says how many (its own notifications; no outside service).
     */
    public void clustersFlagged(List<ClusterSummary> newlyFlagged, List<ClusterSummary> cameBack) {
        claimBoard.reload();
        claimBoard.flagAlerts().flagged(newlyFlagged, cameBack);
        ClusterSummary first = !newlyFlagged.isEmpty() ? newlyFlagged.getFirst() : cameBack.isEmpty() ? null : cameBack.getFirst();
        if (first != null) {
            String label = first.label() == null ? "" : first.label();
            statusLine.say(messages.format(newlyFlagged.isEmpty() ? "claims.cameBack" : "claims.flagged",
                    label.length() > 120 ? label.substring(0, 119) + "\u2026" : label));
        }
    }

    /** The search index now shows what was stored or updated before: searches and counts follow. */
    public void itemsSearchable() {
        search.itemsSearchable();
        savedSearches.reload();
    }

    /**
     * The index is being rebuilt at start (it was missing or damaged): {@code done} of
     * {@code total} items so far; searches see only those until it ends.
     */
    public void indexRebuilding(long done, long total) {
        if (done < total) {
            statusLine.say(messages.format("rebuild.progress", done, total));
        } else {
            statusLine.say(messages.format("status.rebuildDone", done));
            search.rerun();
            savedSearches.reload();
        }
    }

    /** A poll (manual or scheduled) ended; source health and failures changed. */
    public void pollFinished() {
        sources.reload();
        errors.reload();
    }

    /**
     * A stage of the workspace's pipeline changed state; the status bar says which ones stopped.
     *
     * @param stage   its name
     * @param stopped true when it stopped for good, false when it runs (again)
     * @param reason  why it stopped, or null
     */
    public void stageChanged(String stage, boolean stopped, String reason) {
        statusLine.stageChanged(stage, stopped, reason);
    }

    /** A stage made progress, went idle, was paused or resumed, or stopped: the status bar shows it. */
    public void stageProgressed(StageStatus status) {
        stages.update(status);
        stageChanged(status.stage(), status.state() == StageStatus.State.STOPPED, status.stoppedReason());
    }

    /**
     * A background task of the workspace failed (logged where it happened): listed under Errors,
     * and said in the status bar when it stopped.
     *
     * @param task    the stage or loop, by name
     * @param message what went wrong, in the analyst's words
     * @param stopped true when the task stopped for good
     */
    public void backgroundFailed(String task, String message, Instant at, boolean stopped) {
        errors.addBackgroundFailure(task, message, at, stopped);
        if (stopped) {
            statusLine.stageChanged(task, true, message);
        }
    }

    /** True while this is the workspace the window shows: events from any other are dropped. */
    boolean shows(OpenWorkspace candidate) {
        return candidate != null && candidate == open;
    }

    // ---- wiring ---------------------------------------------------------------------------

    private void attach(OpenWorkspace opened) {
        open = opened;
        statusLine.clearStopped();
        workspace.set(opened.workspace());
        windowTitle.set(messages.format("app.titleWithWorkspace", opened.workspace().name()));
        sessionOpen.set(true);
        items.attach(opened::newestItems);
        sources.attach(opened::sourceHealth);
        errors.attach(opened::recentFailures, opened::configProblems);
        reader.attach(opened::item, sources::nameOf);
        claimBoard.attach(opened.claims());
        rebuttals.attach(opened.rebuttalDesk());
        savedSearches.attach(opened.watches());
        search.attach(opened::search, sources::nameOf);
        stages.attach(opened.stages());
        firstStart.attach(opened.starterChoice());
        conflicts.attach(opened.conflicts());
        packChoice.attach(opened::packable);
    }

    /** Runs a task; its failure is said in the status line under {@code failedKey}, Cancel as "Cancelled.". */
    private <T> void run(String name, LongTask<T> task, Consumer<T> succeeded, String failedKey) {
        tasks.start(name, task, succeeded, failure -> statusLine.say(wording.failed(failedKey, failure)),
                () -> statusLine.say(messages.get("status.cancelled")));
    }

    private void onReads(Runnable work) {
        try {
            workers.reads().execute(work);
        } catch (RejectedExecutionException e) {
            // The window is closing.
        }
    }

    /** Its own thread (not a daemon): it may run after the window's threads were shut down. */
    private static void closeInBackground(OpenWorkspace old) {
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

    // ---- what the view binds to ------------------------------------------------------------

    public ClaimBoardViewModel claimBoard() {
        return claimBoard;
    }

    public RebuttalsViewModel rebuttals() {
        return rebuttals;
    }

    public ItemListViewModel itemList() {
        return items;
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

    public StagesViewModel stages() {
        return stages;
    }

    /** The first start of a workspace: which starter sources to watch. */
    public FirstStartViewModel firstStart() {
        return firstStart;
    }

    /** Rebuttals edited here and on another machine, waiting for an analyst to settle them. */
    public ConflictsViewModel conflicts() {
        return conflicts;
    }

    /** The choices of the next rebuttal pack (which rebuttals, organisation, logo, encryption). */
    public PackChoiceViewModel packChoice() {
        return packChoice;
    }

    /** Set while an encrypted file waits for its passphrase or secret key; null otherwise. */
    public ReadOnlyObjectProperty<KeyWanted> keyWantedProperty() {
        return keyWanted.getReadOnlyProperty();
    }

    public StatusLineViewModel statusLine() {
        return statusLine;
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

    /**
     * True while a workspace is open and its sources and newest items are shown: what the analyst
     * waits for at start (the window takes input from then on; searches, analysis and polls
     * follow in the background).
     */
    public BooleanBinding readyProperty() {
        return ready;
    }

    /** True while a poll, import, export, rebuild or workspace switch runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    /** Progress of the running task, -1 when unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return tasks.progressProperty();
    }

    /** The outcome of the last action (the status line shows the running task instead while one runs). */
    public ReadOnlyStringProperty statusProperty() {
        return statusLine.sentenceProperty();
    }
}
