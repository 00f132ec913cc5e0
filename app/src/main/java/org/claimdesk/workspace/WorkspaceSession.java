package org.claimdesk.workspace;

import org.claimdesk.extract.CssSelectors;
import org.claimdesk.export.OpmlExport;
import org.claimdesk.extract.ArticleExtractor;
import org.claimdesk.extract.FeedParser;
import org.claimdesk.extract.SectionPage;
import org.claimdesk.fetch.FetchException;
import org.claimdesk.fetch.FetchFailure;
import org.claimdesk.fetch.FetchRequest;
import org.claimdesk.fetch.FetchResult;
import org.claimdesk.fetch.HttpFetcher;
import org.claimdesk.rebuttals.SnapshotFolder;
import org.claimdesk.store.EvidenceStore;
import org.claimdesk.index.IndexFeeder;
import org.claimdesk.index.ItemIndex;
import org.claimdesk.index.ItemSearch;
import org.claimdesk.ingest.ImportProgress;
import org.claimdesk.ingest.ImportReport;
import org.claimdesk.ingest.IngestService;
import org.claimdesk.ingest.OfflineImporter;
import org.claimdesk.ingest.PollProgress;
import org.claimdesk.ingest.PollReport;
import org.claimdesk.ingest.SourcePollResult;
import org.claimdesk.nlp.AnalysisPath;
import org.claimdesk.pipeline.AnalysisStage;
import org.claimdesk.pipeline.ArticleStage;
import org.claimdesk.pipeline.StageListener;
import org.claimdesk.pipeline.StageRunner;
import org.claimdesk.pipeline.StageStatus;
import org.claimdesk.source.FeedsFileException;
import org.claimdesk.source.FeedsFileParser;
import org.claimdesk.source.FeedsFileWatcher;
import org.claimdesk.source.FetchSettings;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourcesConfig;
import org.claimdesk.claims.ClaimStage;
import org.claimdesk.cluster.ClusterSettings;
import org.claimdesk.flag.ClusterFlagger;
import org.claimdesk.flag.FlagPolicy;
import org.claimdesk.pipeline.ClusterStage;
import org.claimdesk.store.AnalysisStore;
import org.claimdesk.store.ClaimStore;
import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.AnalystStore;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.FactCheckStore;
import org.claimdesk.store.RebuttalStore;
import org.claimdesk.store.RebuttalTemplateStore;
import org.claimdesk.store.WatchlistStore;
import org.claimdesk.store.WorkspaceBundleStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.IndexChangeLog;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.SavedSearchStore;
import org.claimdesk.store.SourceStore;
import org.claimdesk.store.ArticleStore;
import org.claimdesk.store.StageLedger;
import org.claimdesk.store.WorkspaceSettingStore;
import org.claimdesk.store.RebuttalImportStore;
import org.claimdesk.workspace.WorkspaceEvent.BackgroundFailure;
import org.claimdesk.workspace.WorkspaceEvent.ConfigChanged;
import org.claimdesk.workspace.WorkspaceEvent.ConfigRejected;
import org.claimdesk.workspace.WorkspaceEvent.IndexRebuilding;
import org.claimdesk.workspace.WorkspaceEvent.ItemsStored;
import org.claimdesk.workspace.WorkspaceEvent.ItemsUpdated;
import org.claimdesk.workspace.WorkspaceEvent.PollFinished;
import org.claimdesk.workspace.WorkspaceEvent.StageProgressed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One open workspace: its services started and closed in one declared order ({@link Service}),
 * the events it publishes, and the narrow facades through which the window and the command line
 * use it ({@link #items()}, {@link #sources()}, {@link #search()}, {@link #ingest()},
 * {@link #exports()}). Nothing outside this package sees a store. Every method that does I/O
 * blocks: call it off the UI thread.
 */
public final class WorkspaceSession implements AutoCloseable {
    /** The workspace setting that holds its id (see {@link #workspaceId()}). */
    private static final String WORKSPACE_ID = "workspace.id";

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceSession.class);
    static final String STARTER_FEEDS_RESOURCE = "/org/claimdesk/workspace/feeds.yml";

    /**
     * The services of a session in the order they depend on each other: each may use those above
     * it. They start in this order (some on first use) and close in the reverse order.
     */
    enum Service {
        /** H2, the source of truth; everything else reads or writes through it. */
        DATABASE,
        /** HTTP for polls; replaced when feeds.yml changes its fetch settings. */
        FETCHER,
        /** feeds.yml, watched for edits; syncs the source table and replaces the fetcher. */
        FEEDS_WATCHER,
        /** The Lucene index (derived from the database), opened on first use. */
        SEARCH_INDEX,
        /** Applies the database's index change log to the index. */
        INDEX_FEEDER,
        /** Stages after the store: articles, language analysis, claims, clusters. */
        STAGES,
        /** Rescores the emerging-claim flags after clustering and once a minute. */
        FLAGS,
        /** Polls sources on their intervals. */
        POLL_SCHEDULER
    }

    private final Workspace workspace;
    private final SessionSettings settings;
    private final Clock clock;
    private final ServiceLifecycle<Service> lifecycle = new ServiceLifecycle<>(Service.class);
    private final WorkspaceEvents events = new WorkspaceEvents();
    private final Database database;
    private final ItemStore items;
    private final SourceStore sources;
    private final AnalysisStore analyses;
    private final FeedParser feedParser = new FeedParser();
    private final ArticleExtractor articleExtractor = new ArticleExtractor();
    private final SectionPage sectionPage = new SectionPage();
    private final FeedsFileWatcher watcher;
    private final ItemBrowsing itemBrowsing;
    private final ClusterStore clusterStore;
    private final ClaimClusters claimClusters;
    private final Rebuttals rebuttals;
    private final KnownAnswers knownAnswers;
    private final Analyst analyst = new Analyst();
    private final ClusterStage clusterStage;
    private final ClusterFlagger flagger;
    private ScheduledExecutorService flagging;
    private final java.util.concurrent.atomic.AtomicBoolean flagPending = new java.util.concurrent.atomic.AtomicBoolean();
    private final SourceWatch sourceWatch;
    private final Searching searching = new Searching(this);
    private final Ingesting ingesting = new Ingesting(this);
    private final Exporting exporting = new Exporting(this);
    private final Stages stages = new Stages(this);
    private final Replaying replaying = new Replaying(this);
    private final StarterSources starterSources;

    /** One poll at a time: a manual poll waits for a scheduled one rather than fetching twice. */
    private final ReentrantLock pollLock = new ReentrantLock();
    private volatile List<String> configProblems = List.of();
    // Rebuilt when feeds.yml changes its settings; written under pollLock, read by imports without it.
    private volatile FetchSettings fetchSettings;
    /** Replaced when feeds.yml's settings change; read by the article stage's threads. */
    private volatile HttpFetcher fetcher;
    private IngestService ingest;
    // Opened on first use, so commands that never search leave the index folder alone.
    private ItemIndex index;
    private IndexFeeder indexFeeder;
    private StageRunner stageRunner;
    private AnalysisStage analysisStage;
    private PollScheduler pollScheduler;
    // The window asked for scheduled polling while the starter choice was pending: it starts on the choice.
    private boolean pollingAwaitsChoice;

    private WorkspaceSession(Workspace workspace, Path feedsFile, boolean writeStarter, SessionSettings settings) {
        this.workspace = workspace;
        this.settings = settings;
        this.clock = settings.clock();
        this.database = Database.open(workspace.databaseDir());
        lifecycle.started(Service.DATABASE, database);
        try {
            this.items = new ItemStore(database);
            this.sources = new SourceStore(database);
            this.analyses = new AnalysisStore(database);
            this.itemBrowsing = new ItemBrowsing(items);
            this.clusterStore = new ClusterStore(database);
            this.clusterStage = new ClusterStage(clusterStore, ClusterSettings.defaults(), ClaimStage.NAME, clock);
            WatchlistStore watchlist = new WatchlistStore(database);
            this.flagger = new ClusterFlagger(clusterStore, watchlist, FlagPolicy.DEFAULT, clock);
            RebuttalStore rebuttalStore = new RebuttalStore(database);
            this.claimClusters = new ClaimClusters(clusterStore, new ClaimStore(database), items, analyses,
                    watchlist, rebuttalStore, ClaimClusters.through(clusterStage, analyst), clock, analyst);
            this.rebuttals = new Rebuttals(rebuttalStore, new AnalystStore(database), clusterStore,
                    new EvidenceStore(database), items, new RebuttalTemplateStore(database), new SnapshotFolder(workspace.snapshotsDir()), this::fetchEvidence,
                    articleExtractor, clock);
            this.knownAnswers = new KnownAnswers(new FactCheckStore(database), rebuttalStore, clusterStore,
                    settings.analyzer().languageDetector(), this::indexUpToDate, clock);
            WorkspaceSettingStore workspaceSettings = new WorkspaceSettingStore(database);
            if (writeStarter) {
                // recorded before the file exists: a crash in between cannot leave an unasked starter list
                StarterSources.markAwaitingChoice(workspaceSettings);
                writeStarterFeeds(feedsFile);
            }
            this.watcher = new FeedsFileWatcher(feedsFile, new FeedsFileParser(CssSelectors.CHECK));
            lifecycle.started(Service.FEEDS_WATCHER, watcher);
            this.sourceWatch = new SourceWatch(watcher, sources, new StageLedger(database), () -> configProblems);
            this.starterSources = new StarterSources(watcher, workspaceSettings, this::starterSourcesChosen);
            applyConfig(watcher.current());
            lifecycle.started(Service.FETCHER, this::closeFetcher);
            watcher.rejection().ifPresent(this::rejectConfig);
            watcher.addListener(new FeedsFileWatcher.Listener() {
                @Override
                public void configChanged(SourcesConfig config) {
                    applyConfig(config);
                    events.publish(new ConfigChanged(config));
                }

                @Override
                public void configRejected(FeedsFileException problems) {
                    rejectConfig(problems);
                }
            });
            watcher.start();
        } catch (IOException e) {
            lifecycle.close();
            throw new UncheckedIOException("cannot watch " + feedsFile + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lifecycle.close();
            throw e;
        }
    }

    /**
     * Opens a workspace, creating its layout and a starter feeds.yml when new. A broken
     * feeds.yml does not stop the workspace from opening: it runs with no sources (or the last
     * good ones) and {@link SourceWatch#configProblems()} says what is wrong. Nothing runs in the
     * background until {@link #startBackgroundWork()}.
     *
     * @param feedsFile another feeds.yml to use instead of the workspace's own, or null
     */
    public static WorkspaceSession open(Workspace workspace, Path feedsFile, SessionSettings settings) {
        workspace.ensureLayout();
        Path feeds = feedsFile != null ? feedsFile.toAbsolutePath() : workspace.feedsFile();
        return new WorkspaceSession(workspace, feeds, feedsFile == null && !Files.exists(feeds), settings);
    }

    /**
     * Opens a workspace for work that must not mix with a user's: its feeds.yml lists no source
     * (no starter list is written), so nothing is polled and only what the caller stores is there.
     */
    public static WorkspaceSession openScratch(Workspace workspace, SessionSettings settings) {
        workspace.ensureLayout();
        try {
            if (!Files.exists(workspace.feedsFile())) {
                Files.writeString(workspace.feedsFile(), "# a scratch workspace: no sources of its own\nsources: []\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + workspace.feedsFile() + ": " + e.getMessage(), e);
        }
        return open(workspace, null, settings);
    }

    /** The session's clock: the present for its stages, flags and the sample's times. */
    Clock clock() {
        return clock;
    }

    /** Like {@link #open(Workspace, Path, SessionSettings)} with the system clock and an analyzer of its own. */
    public static WorkspaceSession open(Workspace workspace, Path feedsFile) {
        return open(workspace, feedsFile, SessionSettings.standalone());
    }

    static WorkspaceSession open(Workspace workspace, Path feedsFile, Clock clock) {
        return open(workspace, feedsFile, new SessionSettings(clock, SessionSettings.standalone().analyzer()));
    }

    private static void writeStarterFeeds(Path target) {
        try (InputStream in = WorkspaceSession.class.getResourceAsStream(STARTER_FEEDS_RESOURCE)) {
            if (in == null) {
                Files.writeString(target, "# ClaimDesk sources: see docs/feeds-yml.md\nsources: []\n");
            } else {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private void applyConfig(SourcesConfig config) {
        sources.sync(config.sources());
        configProblems = List.of();
        pollLock.lock();
        try {
            if (!config.settings().equals(fetchSettings)) {
                HttpFetcher old = fetcher;
                fetchSettings = config.settings();
                fetcher = new HttpFetcher(fetchSettings);
                ingest = new IngestService(fetcher, feedParser, articleExtractor, sectionPage, items, sources, clock);
                if (old != null) {
                    old.close();
                }
            }
        } finally {
            pollLock.unlock();
        }
    }

    private void rejectConfig(FeedsFileException problems) {
        configProblems = List.copyOf(problems.lines());
        LOG.warn("feeds.yml rejected, keeping the last good configuration:\n{}", String.join("\n", configProblems));
        events.publish(new ConfigRejected(configProblems));
    }

    private void closeFetcher() {
        pollLock.lock(); // a poll in flight finishes (or is cancelled by its caller) first
        try {
            if (fetcher != null) {
                fetcher.close();
            }
        } finally {
            pollLock.unlock();
        }
    }

    // ---- what the window and the command line see ----------------------------------------------

    public Workspace workspace() {
        return workspace;
    }

    /** What the application gave this workspace: the clock and the shared analyzer. */
    public SessionSettings settings() {
        return settings;
    }

    /** What this workspace tells its views: new items, searchable items, progress, failures. */
    public WorkspaceEvents events() {
        return events;
    }

    /** Stored items, for the live list and the reader. */
    public ItemBrowsing items() {
        return itemBrowsing;
    }

    /** Claim clusters: the ranked board, one cluster in full, triage, notes, tags, decisions, the watchlist. */
    public ClaimClusters claims() {
        return claimClusters;
    }

    /**
     * Records this identity on everything changed in this session from now on (notes, decisions,
     * triage, rebuttals); the team's list of identities keeps it.
     */
    public void workAs(AnalystIdentity identity) {
        rebuttals.saveIdentity(identity);
        analyst.workAs(identity);
    }

    /** The identity changes are recorded under, once one was chosen. */
    public java.util.Optional<AnalystIdentity> workingAs() {
        return analyst.identity();
    }

    /** One page an analyst attaches as evidence, through the workspace's fetcher (its limits, address rules, proxy). */
    private FetchResult fetchEvidence(FetchRequest request) throws FetchException, InterruptedException {
        HttpFetcher current = fetcher;
        if (current == null) {
            throw new FetchException(FetchFailure.CONNECT, request.uri(), "the workspace is not ready to fetch yet");
        }
        return current.fetch(request);
    }

    /** Rebuttals: the queue, one in full with its versions and review, and the workflow that changes them. */
    RebuttalPacks rebuttalPacks() {
        return new RebuttalPacks(rebuttals, claims(), items(), new RebuttalImportStore(database), this::workspaceId, clock);
    }

    /**
     * This workspace's id, made at its first pack: packs carry it so that another workspace knows
     * their rebuttals again. Random, so that it says nothing about the machine or its user.
     */
    private synchronized String workspaceId() {
        WorkspaceSettingStore settings = new WorkspaceSettingStore(database);
        return settings.get(WORKSPACE_ID).orElseGet(() -> {
            String id = java.util.UUID.randomUUID().toString();
            settings.put(WORKSPACE_ID, id);
            return id;
        });
    }

    /**
     * Workspace bundles: everything changed since an instant as one file for another machine, its
     * import, and the conflicts it leaves (decision 0024).
     */
    public WorkspaceBundles bundles() {
        return new WorkspaceBundles(new WorkspaceBundleStore(database), rebuttals.snapshots(), this::workspaceId,
                () -> workingAs().map(AnalystIdentity::name).orElse(null), clock, exporting.encryptedFiles());
    }

    /** Imports a rebuttal pack from another workspace (see {@link Rebuttals.PackImported}). */
    public Rebuttals.PackImported importRebuttalPack(Path pack) throws IOException {
        return rebuttalPacks().importPack(pack, workingAs().map(AnalystIdentity::name).orElse(null));
    }

    public Rebuttals rebuttals() {
        return rebuttals;
    }

    /** Earlier answers: fact-checks imported from others and the team's rebuttals, matched against new claims. */
    public KnownAnswers knownAnswers() {
        return knownAnswers;
    }

    /** The sources this workspace watches, feeds.yml and source health. */
    public SourceWatch sources() {
        return sourceWatch;
    }

    /** Search, saved searches, and the index's state and rebuild. */
    public Searching search() {
        return searching;
    }

    /** Polling and importing. */
    public Ingesting ingest() {
        return ingesting;
    }

    /** The stages after the store: their progress, pause and resume, and running them on the caller's behalf. */
    public Stages stages() {
        return stages;
    }

    /** Feeding a recorded stream through the stages at its own times, for {@code claimdesk replay}. */
    public Replaying replay() {
        return replaying;
    }

    /** The starter list of a new workspace and the user's choice of which of its sources to watch. */
    public StarterSources starterSources() {
        return starterSources;
    }

    /** Exports: sources as OPML, approved rebuttals as packs (plain or encrypted). */
    public Exporting exports() {
        return exporting;
    }

    /** Imports of any kind: encrypted files opened first, then packs, bundles, saved feeds and pages. */
    public Importing imports() {
        return new Importing(this);
    }

    // ---- background work ----------------------------------------------------------------------

    /**
     * Starts everything in the background now, in the declared order: the index feeder (the index
     * is brought up to date, then follows new items within a second), the stages (language
     * analysis), and polling each enabled source on its interval, also while the starter choice is
     * pending: for {@code ingest}, where the user asked for polling. Idempotent.
     */
    public void startBackgroundWork() {
        startIndexing();
        startStages();
        startScheduledPolling();
    }

    /** What runs in the background of a workbench; all of it in the application. */
    public enum BackgroundWork {
        /** The index feeder: stored items searchable within a second. */
        INDEXING,
        /** The stages after the store (language analysis); indexing comes with them. */
        STAGES,
        /**
         * Polling each enabled source on its interval; while the workspace awaits the user's
         * choice of starter sources, only from a choice that selected at least one.
         */
        SCHEDULED_POLLING
    }

    /**
     * Starts the chosen background work, in declared order; scheduled polling waits for the
     * starter choice when one is pending ({@link StarterSources}). Idempotent.
     */
    public void startBackgroundWork(Set<BackgroundWork> work) {
        if (work.contains(BackgroundWork.INDEXING)) {
            startIndexing();
        }
        if (work.contains(BackgroundWork.STAGES)) {
            startStages();
        }
        if (work.contains(BackgroundWork.SCHEDULED_POLLING)) {
            startScheduledPollingOnceChosen();
        }
    }

    private synchronized void startScheduledPollingOnceChosen() {
        if (starterSources.awaitingChoice()) {
            pollingAwaitsChoice = true;
            LOG.info("scheduled polling waits for the choice of starter sources");
        } else {
            startScheduledPolling();
        }
    }

    private synchronized void starterSourcesChosen(List<String> chosen) {
        if (pollingAwaitsChoice && !chosen.isEmpty()) {
            pollingAwaitsChoice = false;
            startScheduledPolling();
        }
    }

    /** Whether scheduled polling runs; for tests. */
    synchronized boolean scheduledPollingStarted() {
        return pollScheduler != null;
    }

    /** Brings the index up to date in the background, then indexes new items as they are stored. Idempotent. */
    public void startIndexing() {
        indexFeeder().start((done, total) -> events.publish(new IndexRebuilding(done, total)));
    }

    /**
     * Runs the stages after the store (language analysis) in the background, and the index
     * feeder before them, through which what they store reaches the index. Idempotent.
     */
    public void startStages() {
        startIndexing();
        stageRunner().start();
        startFlagging();
    }

    /** Rescores flags once a minute (speed decays with time alone) and soon after clustering work. Idempotent. */
    synchronized void startFlagging() {
        if (flagging != null) {
            return;
        }
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread t = new Thread(work, "cluster-flags");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::rescoreFlags, 5, 60, TimeUnit.SECONDS);
        lifecycle.started(Service.FLAGS, thread::shutdownNow);
        flagging = thread;
    }

    /** A rescore in a couple of seconds, one for a burst of clustering batches. */
    private void flagSoon() {
        ScheduledExecutorService thread;
        synchronized (this) {
            thread = flagging;
        }
        if (thread != null && flagPending.compareAndSet(false, true)) {
            try {
                thread.schedule(() -> {
                    flagPending.set(false);
                    rescoreFlags();
                }, 2, TimeUnit.SECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                flagPending.set(false);
            }
        }
    }

    /**
     * Rescores every live cluster and tells the views which were flagged for the first time or came
     * back after a dismissal. Also what the command line runs after clustering.
     */
    public ClusterFlagger.Round rescoreFlags() {
        try {
            ClusterFlagger.Round round = flagger.rescore();
            if (!round.newlyFlagged().isEmpty() || !round.cameBack().isEmpty()) {
                events.publish(new WorkspaceEvent.ClustersFlagged(round.newlyFlagged(), round.cameBack()));
            }
            return round;
        } catch (RuntimeException e) {
            LOG.warn("Rescoring the claim flags failed; the next round tries again", e);
            events.publish(new WorkspaceEvent.BackgroundFailure("flags", String.valueOf(e.getMessage()), clock.instant(), false));
            return new ClusterFlagger.Round(0, List.of(), List.of());
        }
    }

    /** Starts polling each enabled source on its own interval. Idempotent. */
    public synchronized void startScheduledPolling() {
        if (pollScheduler == null) {
            PollScheduler scheduler = new PollScheduler(() -> sourceWatch.config().enabledSources(), sources::health,
                    this::poll, clock, e -> events.publish(new BackgroundFailure("scheduled poll", messageOf(e), clock.instant(), false)));
            lifecycle.started(Service.POLL_SCHEDULER, scheduler);
            pollScheduler = scheduler;
        }
        pollScheduler.start();
    }

    /** The scheduler's choice of sources due now; for tests. */
    List<Source> dueSources(Instant now) {
        return new PollScheduler(() -> sourceWatch.config().enabledSources(), sources::health, this::poll, clock, e -> {
        }).dueSources(now);
    }

    // ---- the services behind the facades --------------------------------------------------------

    synchronized ItemIndex index() {
        if (index == null) {
            ItemIndex opened = ItemIndex.open(workspace.indexDir());
            lifecycle.started(Service.SEARCH_INDEX, () -> closeIndex(opened));
            index = opened;
        }
        return index;
    }

    /**
     * The index once it holds every stored item: a document written into an index still being
     * rebuilt would be thrown away with it at the next start (the rebuild waits for nobody else).
     */
    private ItemIndex indexUpToDate() {
        IndexFeeder feeder = indexFeeder();
        if (!feeder.upToDate()) {
            feeder.bringUpToDate(org.claimdesk.index.RebuildProgress.NONE);
        }
        return index();
    }

    synchronized IndexFeeder indexFeeder() {
        if (indexFeeder == null) {
            IndexFeeder feeder = new IndexFeeder(index(), items, new IndexChangeLog(database));
            // the index, not a guessed delay, tells views when what was stored can be found
            feeder.onSearchable(upTo -> events.publish(new WorkspaceEvent.ItemsSearchable()));
            feeder.onFailure((what, cause) -> events.publish(new BackgroundFailure("search index",
                    what + ": " + messageOf(cause), clock.instant(), false)));
            lifecycle.started(Service.INDEX_FEEDER, feeder);
            indexFeeder = feeder;
        }
        return indexFeeder;
    }

    ItemSearch itemSearch() {
        return new ItemSearch(index());
    }

    WatchQueries watchQueries() {
        return new WatchQueries(new SavedSearchStore(database), items, this::itemSearch, clock);
    }

    /**
     * The stages after the store on one runner, created on first use: language analysis now;
     * claim detection, clustering and flagging will join it. What they store reaches the search
     * index through the index feeder; what they report becomes events for the views.
     */
    synchronized StageRunner stageRunner() {
        if (stageRunner == null) {
            // FAST: sentences, tokens and the names the index uses (persons, organisations, places),
            // without POS taggers or the extra English NER models: 3.5x the English throughput and
            // hundreds of MB less heap (docs/benchmarks.md). FULL stays for stages that need lemmas.
            // analysis after the article: an item is analysed on its article, not first on its
            // summary (decision 0011); items that want no article pass the article stage at once
            ArticleStage articles = new ArticleStage(new ArticleStore(database), sources, () -> fetcher,
                    articleExtractor, id -> sourceWatch.config().sources().stream()
                            .filter(source -> source.id().equals(id)).findFirst(), clock);
            AnalysisStage analysis = new AnalysisStage(settings.analysis(), analyses, AnalysisPath.FAST, clock)
                    .runningAfter(ArticleStage.NAME);
            // claims on the analysed text, then clusters labelled by their best claim (decision 0015)
            ClaimStage claims = new ClaimStage(settings.claimScoring(), new ClaimStore(database));
            StageRunner runner = new StageRunner(new StageLedger(database), List.of(articles, analysis, claims, clusterStage),
                    StageRunner.defaultThreads(), clock, new StageListener() {
                        @Override
                        public void progressed(StageStatus status) {
                            events.publish(new StageProgressed(status));
                        }

                        @Override
                        public void itemsSaved(String stage, int count) {
                            if (stage.equals(ClusterStage.NAME)) {
                                flagSoon();
                            }
                            events.publish(new ItemsUpdated(stage, count));
                        }

                        @Override
                        public void failed(String stage, String message, Throwable cause, boolean stageStopped) {
                            events.publish(new BackgroundFailure(stage, message, clock.instant(), stageStopped));
                        }
                    });
            lifecycle.started(Service.STAGES, runner);
            analysisStage = analysis;
            stageRunner = runner;
        }
        return stageRunner;
    }

    synchronized AnalysisStage analysisStage() {
        stageRunner();
        return analysisStage;
    }

    PollReport poll(List<Source> toPoll, PollProgress progress) throws InterruptedException {
        pollLock.lockInterruptibly();
        try {
            PollProgress tellViews = new PollProgress() {
                @Override
                public void sourceStarted(String sourceId, int total) {
                    progress.sourceStarted(sourceId, total);
                }

                @Override
                public void sourceFinished(SourcePollResult result, int done, int total) {
                    progress.sourceFinished(result, done, total);
                    if (result.newItems() > 0) {
                        events.publish(new ItemsStored(result.newItems()));
                    }
                }
            };
            PollReport report = ingest.poll(toPoll, tellViews);
            events.publish(new PollFinished(report));
            return report;
        } finally {
            pollLock.unlock();
        }
    }

    ImportReport importPath(Path path, ImportProgress progress) throws InterruptedException {
        // No poll lock: an import may run while a poll fetches; the store keeps them from duplicating items.
        OfflineImporter importer = new OfflineImporter(feedParser, articleExtractor, items, sources, clock,
                fetchSettings.maxPageBytes());
        ImportReport report = importer.importPath(path, progress);
        if (report.newItems() > 0) {
            events.publish(new ItemsStored(report.newItems()));
        }
        return report;
    }

    void exportOpml(Path target) {
        OpmlExport.write(sourceWatch.config().sources(), target);
    }

    // ---- seams for tests in this package: storing items the way ingest does -------------------

    ItemStore itemStore() {
        return items;
    }

    SourceStore sourceStore() {
        return sources;
    }

    AnalysisStore analysisStore() {
        return analyses;
    }

    ClusterStore clusterStore() {
        return clusterStore;
    }

    /** Queues an item for a stage again, as a fetched article does for analysis. */
    void requeueForTest(long itemId, String stage) {
        new StageLedger(database).requeue(stage, itemId, clock.instant());
    }

    Database database() {
        return database;
    }

    /** Stops background work and closes every service, in reverse declared order. Idempotent. */
    @Override
    public void close() {
        lifecycle.close();
    }

    /** An exception's own words for a person; ours are written for that, others get their type. */
    static String messageOf(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    private static void closeIndex(ItemIndex index) {
        try {
            index.close();
        } catch (RuntimeException e) {
            // The index is derived: whatever it lost is rebuilt from the database at the next start.
            LOG.warn("Closing the search index failed: {}", e.getMessage());
        }
    }
}
