package org.claimdesk.workspace;

import org.claimdesk.extract.ArticleExtractor;
import org.claimdesk.extract.FeedParser;
import org.claimdesk.extract.SectionPage;
import org.claimdesk.fetch.HttpFetcher;
import org.claimdesk.index.IndexFeeder;
import org.claimdesk.index.ItemIndex;
import org.claimdesk.index.ItemSearch;
import org.claimdesk.index.RebuildProgress;
import org.claimdesk.index.RebuildReport;
import org.claimdesk.ingest.ImportProgress;
import org.claimdesk.ingest.ImportReport;
import org.claimdesk.ingest.IngestService;
import org.claimdesk.ingest.OfflineImporter;
import org.claimdesk.ingest.PollProgress;
import org.claimdesk.ingest.PollReport;
import org.claimdesk.ingest.SourcePollResult;
import org.claimdesk.nlp.AnalysisPath;
import org.claimdesk.nlp.TextAnalyzer;
import org.claimdesk.pipeline.AnalysisStage;
import org.claimdesk.pipeline.StageListener;
import org.claimdesk.pipeline.StageRunner;
import org.claimdesk.source.FeedsFileException;
import org.claimdesk.source.FeedsFileParser;
import org.claimdesk.source.FeedsFileWatcher;
import org.claimdesk.source.FetchSettings;
import org.claimdesk.source.OpmlFile;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourcesConfig;
import org.claimdesk.store.AnalysisStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.IndexChangeLog;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.SavedSearchStore;
import org.claimdesk.store.SourceHealth;
import org.claimdesk.store.SourceStore;
import org.claimdesk.store.StageLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * An open workspace with its services wired: database, stores, the feeds.yml watcher, ingest
 * and scheduled polling. The UI and the command line both work through it. Every method that
 * does I/O blocks: call it off the UI thread.
 */
public final class WorkspaceSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceSession.class);
    /** How often the scheduler looks for sources that are due. */
    private static final long SCHEDULER_TICK_SECONDS = 30;
    static final String STARTER_FEEDS_RESOURCE = "/org/claimdesk/workspace/feeds.yml";

    private final Workspace workspace;
    private final Clock clock;
    private final Database database;
    private final ItemStore items;
    private final SourceStore sources;
    private final AnalysisStore analyses;
    // Opened on first use, so commands that never search leave the index folder alone.
    private ItemIndex index;
    private IndexFeeder indexFeeder;
    // Created on first use: analysis loads large models when it meets a language.
    private StageRunner stageRunner;
    private AnalysisStage analysisStage;
    private final FeedParser feedParser = new FeedParser();
    private final ArticleExtractor articleExtractor = new ArticleExtractor();
    private final SectionPage sectionPage = new SectionPage();
    private final FeedsFileWatcher watcher;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    /** One poll at a time: a manual poll waits for a scheduled one rather than fetching twice. */
    private final ReentrantLock pollLock = new ReentrantLock();
    private volatile List<String> configProblems = List.of();
    private volatile ScheduledExecutorService scheduler;
    // Rebuilt when feeds.yml changes its settings; written under pollLock, read by imports without it.
    private volatile FetchSettings fetchSettings;
    private HttpFetcher fetcher;
    private IngestService ingest;

    private WorkspaceSession(Workspace workspace, Path feedsFile, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
        this.database = Database.open(workspace.databaseDir());
        try {
            this.items = new ItemStore(database);
            this.sources = new SourceStore(database);
            this.analyses = new AnalysisStore(database);
            this.watcher = new FeedsFileWatcher(feedsFile, new FeedsFileParser());
            applyConfig(watcher.current());
            watcher.rejection().ifPresent(this::rejectConfig);
            watcher.addListener(new FeedsFileWatcher.Listener() {
                @Override
                public void configChanged(SourcesConfig config) {
                    applyConfig(config);
                }

                @Override
                public void configRejected(FeedsFileException problems) {
                    rejectConfig(problems);
                }
            });
            watcher.start();
        } catch (IOException e) {
            database.close();
            throw new UncheckedIOException("cannot watch " + feedsFile + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Opens a workspace, creating its layout and a starter feeds.yml when new. A broken
     * feeds.yml does not stop the workspace from opening: it runs with no sources (or the last
     * good ones) and {@link #configProblems()} says what is wrong.
     *
     * @param feedsFile another feeds.yml to use instead of the workspace's own, or null
     */
    public static WorkspaceSession open(Workspace workspace, Path feedsFile) {
        return open(workspace, feedsFile, Clock.systemUTC());
    }

    static WorkspaceSession open(Workspace workspace, Path feedsFile, Clock clock) {
        workspace.ensureLayout();
        Path feeds = feedsFile != null ? feedsFile.toAbsolutePath() : workspace.feedsFile();
        if (feedsFile == null && !Files.exists(feeds)) {
            writeStarterFeeds(feeds);
        }
        return new WorkspaceSession(workspace, feeds, clock);
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
        listeners.forEach(l -> l.configChanged(config));
    }

    private void rejectConfig(FeedsFileException problems) {
        configProblems = List.copyOf(problems.lines());
        LOG.warn("feeds.yml rejected, keeping the last good configuration:\n{}", String.join("\n", configProblems));
        listeners.forEach(l -> l.configRejected(configProblems));
    }

    public Workspace workspace() {
        return workspace;
    }

    public ItemStore items() {
        return items;
    }

    public SourceStore sources() {
        return sources;
    }

    /** What language analysis found in the items. */
    public AnalysisStore analyses() {
        return analyses;
    }

    /** The workspace's search index; derived from the database (see {@link #bringIndexUpToDate}). */
    public synchronized ItemIndex index() {
        if (index == null) {
            index = ItemIndex.open(workspace.indexDir());
            indexFeeder = new IndexFeeder(index, items, new IndexChangeLog(database));
        }
        return index;
    }

    private synchronized IndexFeeder indexFeeder() {
        index();
        return indexFeeder;
    }

    /**
     * Recreates the search index from the database with progress; blocks (run it off the UI
     * thread). Changes stored meanwhile are applied right after. Interrupting cancels it.
     */
    public RebuildReport rebuildIndex(RebuildProgress progress) {
        return indexFeeder().rebuild(progress);
    }

    /** A search over this workspace's index. */
    public ItemSearch search() {
        return new ItemSearch(index());
    }

    /**
     * Makes the index hold every stored item, rebuilding it when missing or damaged; blocks (for
     * the command line). The window uses {@link #startIndexing()} instead.
     */
    public RebuildReport bringIndexUpToDate(RebuildProgress progress) {
        return indexFeeder().bringUpToDate(progress);
    }

    /** Saved searches that count new matches as items arrive. */
    public WatchQueries watchQueries() {
        return new WatchQueries(new SavedSearchStore(database), items, this::search, clock);
    }

    /** Brings the index up to date in the background, then indexes new items as they are stored. */
    public void startIndexing() {
        indexFeeder().start((done, total) -> listeners.forEach(l -> l.indexRebuilding(done, total)));
    }

    /**
     * The session's pipeline runner with its stages (language analysis), created with
     * {@code analyzer} (or an analyzer of its own when null) on first call. What the stages store
     * reaches the search index through the index feeder ({@link #startIndexing}, or
     * {@link #bringIndexUpToDate} after it ran).
     */
    public synchronized StageRunner stageRunner(TextAnalyzer analyzer) {
        if (stageRunner == null) {
            TextAnalyzer chosen = analyzer;
            if (chosen == null) {
                chosen = new TextAnalyzer();
            }
            // FAST: sentences, tokens and the names the index uses (persons, organisations, places),
            // without POS taggers or the extra English NER models: 3.5x the English throughput and
            // hundreds of MB less heap (docs/benchmarks.md). FULL stays for stages that need lemmas.
            analysisStage = new AnalysisStage(chosen::analyse, analyses, AnalysisPath.FAST, clock);
            stageRunner = new StageRunner(new StageLedger(database), List.of(analysisStage), StageRunner.defaultThreads(),
                    clock, new StageListener() {
                        @Override
                        public void itemsSaved(String stage, int count) {
                            listeners.forEach(SessionListener::itemsAnalysed);
                        }
                    });
        }
        return stageRunner;
    }

    /** The analysis stage of {@link #stageRunner}, created with it. */
    public synchronized AnalysisStage analysisStage(TextAnalyzer analyzer) {
        stageRunner(analyzer);
        return analysisStage;
    }

    /**
     * Analyses stored items in the background (language, entities) and updates their search
     * documents; starts indexing too, since analysis follows it. Never blocks ingestion.
     */
    public void startAnalysis() {
        startAnalysis(null);
    }

    /** Like {@link #startAnalysis()} with a given analyzer (shared, e.g. by tests; not closed by the session). */
    public void startAnalysis(TextAnalyzer analyzer) {
        startIndexing();
        stageRunner(analyzer).start();
    }

    /** The feeds.yml in force (the last good one). */
    public SourcesConfig config() {
        return watcher.current();
    }

    /** The feeds.yml file this session reads. */
    public Path feedsFile() {
        return watcher.file();
    }

    /** Problems of the feeds.yml on disk when it is broken, else empty. */
    public List<String> configProblems() {
        return configProblems;
    }

    public void addListener(SessionListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(SessionListener listener) {
        listeners.remove(listener);
    }

    /** Polls every enabled source now; cancel by interrupting the calling thread. */
    public PollReport pollNow(PollProgress progress) throws InterruptedException {
        return poll(config().enabledSources(), progress);
    }

    /** Polls the given sources; used by the scheduler and by the command line. */
    public PollReport poll(List<Source> toPoll, PollProgress progress) throws InterruptedException {
        pollLock.lockInterruptibly();
        try {
            PollProgress tellListeners = new PollProgress() {
                @Override
                public void sourceStarted(String sourceId, int total) {
                    progress.sourceStarted(sourceId, total);
                }

                @Override
                public void sourceFinished(SourcePollResult result, int done, int total) {
                    progress.sourceFinished(result, done, total);
                    if (result.newItems() > 0) {
                        listeners.forEach(SessionListener::itemsStored);
                    }
                }
            };
            PollReport report = ingest.poll(toPoll, tellListeners);
            listeners.forEach(l -> l.pollFinished(report));
            return report;
        } finally {
            pollLock.unlock();
        }
    }

    /** Imports a folder or zip of saved feeds, pages and OPML lists. */
    public ImportReport importPath(Path path, ImportProgress progress) throws InterruptedException {
        // No poll lock: an import may run while a poll fetches; the store keeps them from duplicating items.
        OfflineImporter importer = new OfflineImporter(feedParser, articleExtractor, items, sources, clock,
                fetchSettings.maxPageBytes());
        ImportReport report = importer.importPath(path, progress);
        if (report.newItems() > 0) {
            listeners.forEach(SessionListener::itemsStored);
        }
        return report;
    }

    /** Writes the configured sources as OPML 2.0. */
    public void exportOpml(Path target) {
        try (OutputStream out = Files.newOutputStream(target)) {
            OpmlFile.write(config().sources(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Starts polling each enabled source on its own interval, in the background. Idempotent. */
    public synchronized void startScheduledPolling() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("poll-scheduler").daemon(true).factory());
        scheduler.scheduleWithFixedDelay(this::pollDueSources, 0, SCHEDULER_TICK_SECONDS, TimeUnit.SECONDS);
    }

    /** Sources whose poll interval has passed since their last attempt (or never polled). */
    List<Source> dueSources(Instant now) {
        Map<String, Instant> lastAttempt = sources.health().stream()
                .filter(h -> h.lastAttempt() != null)
                .collect(Collectors.toMap(SourceHealth::sourceId, SourceHealth::lastAttempt, (a, b) -> a));
        return config().enabledSources().stream()
                .filter(s -> {
                    Instant last = lastAttempt.get(s.id());
                    return last == null || !last.plus(s.pollInterval()).isAfter(now);
                })
                .toList();
    }

    private void pollDueSources() {
        try {
            List<Source> due = dueSources(clock.instant());
            if (!due.isEmpty()) {
                PollReport report = poll(due, PollProgress.NONE);
                LOG.info("scheduled poll of {} sources: {} new items, {} failing", due.size(),
                        report.newItems(), report.failedSources());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A scheduled executor stops for good after an exception: log it and keep going.
            LOG.error("scheduled poll failed", e);
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService s = scheduler;
        if (s != null) {
            s.shutdownNow();
            try {
                s.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        watcher.close();
        synchronized (this) {
            // first: it writes to the index and the database
            if (stageRunner != null) {
                stageRunner.close();
            }
            if (indexFeeder != null) {
                indexFeeder.close();
            }
        }
        pollLock.lock();
        try {
            if (fetcher != null) {
                fetcher.close();
            }
        } finally {
            pollLock.unlock();
        }
        synchronized (this) {
            closeQuietly(index);
        }
        database.close();
    }

    private static void closeQuietly(ItemIndex index) {
        if (index == null) {
            return;
        }
        try {
            index.close();
        } catch (RuntimeException e) {
            // The index is derived: whatever it lost is rebuilt from the database at the next start.
            LOG.warn("Closing the search index failed: {}", e.getMessage());
        }
    }
}
