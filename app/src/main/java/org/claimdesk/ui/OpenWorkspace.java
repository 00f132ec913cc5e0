package org.claimdesk.ui;

import org.claimdesk.index.RebuildProgress;
import org.claimdesk.pipeline.StageStatus;
import org.claimdesk.index.RebuildReport;
import org.claimdesk.index.SearchRequest;
import org.claimdesk.index.SearchResults;
import org.claimdesk.ingest.ImportProgress;
import org.claimdesk.export.OpenPgpEnvelope;
import org.claimdesk.workspace.Importing;
import org.claimdesk.workspace.WorkspaceBundles;
import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.RebuttalConflict;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.ui.exchange.ConflictsViewModel;
import org.claimdesk.ui.exchange.PackChoiceViewModel;
import org.claimdesk.workspace.Exporting;
import org.claimdesk.ingest.PollProgress;
import org.claimdesk.ingest.PollReport;
import org.claimdesk.source.Source;
import org.claimdesk.store.FetchAttempt;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.store.SavedSearch;
import org.claimdesk.store.SourceHealth;
import org.claimdesk.store.StoredItem;
import org.claimdesk.ui.saved.SavedSearchesViewModel;
import org.claimdesk.ui.firststart.FirstStartViewModel;
import org.claimdesk.ui.stages.StagesViewModel;
import org.claimdesk.workspace.ClaimClusters;
import org.claimdesk.ui.rebuttals.RebuttalDesk;
import org.claimdesk.workspace.WorkspaceEvent;
import org.claimdesk.workspace.WorkspaceEvents;
import org.claimdesk.workspace.WatchQueries.WatchCount;
import org.claimdesk.workspace.Workspace;
import org.claimdesk.workspace.WorkspaceSession;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    private final WorkspaceSession session;
    private WorkspaceEvents.Subscription subscription;

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

    /** Claim clusters: every call blocks, and the claim board makes them on the reads thread. */
    ClaimClusters claims() {
        return session.claims();
    }

    /** Rebuttals, earlier answers, the clusters they answer and who works: every call blocks (reads thread). */
    RebuttalDesk rebuttalDesk() {
        return new RebuttalDesk(session.rebuttals(), session.knownAnswers(), session.claims(), session::workAs,
                session::workingAs);
    }

    /** Conflicts workspace bundles left; resolved under the identity chosen in this session. */
    ConflictsViewModel.Conflicts conflicts() {
        return new ConflictsViewModel.Conflicts() {
            @Override
            public List<RebuttalConflict> pending() {
                return session.bundles().conflicts();
            }

            @Override
            public StoredRebuttal resolve(long conflictId, WorkspaceBundles.Resolution resolution) {
                AnalystIdentity analyst = session.workingAs()
                        .orElseThrow(() -> new IllegalStateException("no identity chosen in this session"));
                return session.bundles().resolve(conflictId, resolution, analyst);
            }
        };
    }

    List<SourceHealth> sourceHealth() {
        return session.sources().health();
    }

    List<FetchAttempt> recentFailures(int limit) {
        return session.sources().recentFailures(limit);
    }

    List<String> configProblems() {
        return session.sources().configProblems();
    }

    /** ItemSearch is looked up per search, on the search thread: the first one opens the index. */
    SearchResults search(SearchRequest request) {
        return session.search().search(request);
    }

    SavedSearchesViewModel.Watches watches() {
        return new SavedSearchesViewModel.Watches() {
            @Override
            public List<WatchCount> counts() {
                return session.search().savedSearches().counts();
            }

            @Override
            public void save(String name, SearchRequest request, Duration since) {
                session.search().savedSearches().save(name, request, since);
            }

            @Override
            public void markSeen(SavedSearch search) {
                session.search().savedSearches().markSeen(search);
            }

            @Override
            public void remove(SavedSearch search) {
                session.search().savedSearches().remove(search);
            }
        };
    }

    /** The starter list of a new workspace and the choice of which of its sources to watch. */
    FirstStartViewModel.StarterChoice starterChoice() {
        return new FirstStartViewModel.StarterChoice() {
            @Override
            public boolean awaitingChoice() {
                return session.starterSources().awaitingChoice();
            }

            @Override
            public List<Source> offered() {
                return session.starterSources().offered();
            }

            @Override
            public void choose(Set<String> ids) throws Exception {
                session.starterSources().choose(ids);
            }
        };
    }

    /** The background stages: their progress, pause and resume. */
    StagesViewModel.Control stages() {
        return new StagesViewModel.Control() {
            @Override
            public List<StageStatus> statuses() {
                return session.stages().statuses();
            }

            @Override
            public void pause(String stage) {
                session.stages().pause(stage);
            }

            @Override
            public void resume(String stage) {
                session.stages().resume(stage);
            }
        };
    }

    // ---- what the tasks do ----------------------------------------------------------------------

    PollReport pollNow(PollProgress progress) throws InterruptedException {
        return session.ingest().pollNow(progress);
    }

    /** The configured name of a source, else its id. */
    String sourceName(String sourceId) {
        return session.sources().config().source(sourceId).map(Source::name).orElse(sourceId);
    }

    /** Any file or folder the analyst imports; {@code keys} open an encrypted one (null when none were given). */
    Importing.Imported importFile(Path path, OpenPgpEnvelope.Keys keys, ImportProgress progress)
            throws java.io.IOException, InterruptedException {
        return session.imports().importFile(path, keys, progress);
    }

    RebuildReport rebuildIndex(RebuildProgress progress) {
        return session.search().rebuildIndex(progress);
    }

    /** True when the index holds only part of the items (an emptied index whose rebuild stopped). */
    boolean indexIncomplete() {
        return session.search().condition().needsRebuild();
    }

    /** Approved and published rebuttals, the ones a pack may hold. */
    List<StoredRebuttal> packable() {
        return session.rebuttals().list(java.util.EnumSet.of(org.claimdesk.store.RebuttalStatus.APPROVED,
                org.claimdesk.store.RebuttalStatus.PUBLISHED, org.claimdesk.store.RebuttalStatus.UPDATED), 10_000);
    }

    /**
     * Writes a rebuttal pack, encrypted to {@code to} when given; the pack names the analyst working
     * now as its maker.
     */
    Exporting.PackWritten exportPack(PackChoiceViewModel.PackChoice choice, byte[] logo, String logoType, Path target,
                                     OpenPgpEnvelope.Recipients to) throws java.io.IOException {
        Exporting.PackRequest request = new Exporting.PackRequest(choice.rebuttalIds(), java.util.Set.of(),
                choice.includeSnapshots(), choice.organisation(), choice.baseUrl(),
                session.workingAs().map(AnalystIdentity::name).orElse(null), logo, logoType);
        return to == null ? session.exports().exportRebuttalPack(request, target)
                : session.exports().exportRebuttalPack(request, target, to);
    }

    /** Writes a workspace bundle of what changed since {@code since} (everything when null), encrypted to {@code to} when given. */
    WorkspaceBundles.BundleWritten exportBundle(java.time.Instant since, Path target, OpenPgpEnvelope.Recipients to)
            throws java.io.IOException {
        return to == null ? session.bundles().export(since, target) : session.bundles().export(since, target, to);
    }

    void exportOpml(Path target) {
        session.exports().exportOpml(target);
    }

    // ---- what the session tells -------------------------------------------------------------------

    /**
     * Tells the model what happens in this workspace from now on. Events come on the session's
     * threads; each becomes one call on the FX thread, dropped once another workspace is shown.
     */
    void listen(WorkbenchViewModel model, Executor fx) {
        Events events = new Events(model, fx);
        subscription = session.events().subscribe(events::on);
    }

    private final class Events {
        private final WorkbenchViewModel model;
        private final Executor fx;
        /** The latest rebuild progress not shown yet; the FX thread takes it, so a fast rebuild queues no flood. */
        private final AtomicReference<long[]> rebuildToShow = new AtomicReference<>();

        Events(WorkbenchViewModel model, Executor fx) {
            this.model = model;
            this.fx = fx;
        }

        private void deliver(Consumer<WorkbenchViewModel> event) {
            fx.execute(() -> {
                if (model.shows(OpenWorkspace.this)) {
                    event.accept(model);
                }
            });
        }

        void on(WorkspaceEvent event) {
            switch (event) {
                case WorkspaceEvent.ConfigChanged e -> deliver(WorkbenchViewModel::configChanged);
                case WorkspaceEvent.ConfigRejected e -> deliver(m -> m.configRejected(e.problems()));
                case WorkspaceEvent.ItemsStored e -> deliver(WorkbenchViewModel::itemsStored);
                // detected languages and entities: the list shows them now, search once the index says so
                case WorkspaceEvent.ItemsUpdated e -> deliver(WorkbenchViewModel::itemsUpdated);
                case WorkspaceEvent.ItemsSearchable e -> deliver(WorkbenchViewModel::itemsSearchable);
                case WorkspaceEvent.ClustersFlagged e -> deliver(m -> m.clustersFlagged(e.newlyFlagged(), e.cameBack()));
                case WorkspaceEvent.IndexRebuilding e -> showRebuild(e.done(), e.total());
                case WorkspaceEvent.PollFinished e -> deliver(WorkbenchViewModel::pollFinished);
                case WorkspaceEvent.StageProgressed e -> deliver(m -> m.stageProgressed(e.status()));
                case WorkspaceEvent.BackgroundFailure e ->
                        deliver(m -> m.backgroundFailed(e.task(), e.message(), e.at(), e.stopped()));
            }
        }

        private void showRebuild(long done, long total) {
            if (rebuildToShow.getAndSet(new long[] {done, total}) == null) {
                fx.execute(() -> {
                    long[] shown = rebuildToShow.getAndSet(null);
                    if (shown != null && model.shows(OpenWorkspace.this)) {
                        model.indexRebuilding(shown[0], shown[1]);
                    }
                });
            }
        }
    }

    /** Closes the session: the index, the database, its threads. Blocks. */
    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        session.close();
    }
}
