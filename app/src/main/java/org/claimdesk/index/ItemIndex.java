package org.claimdesk.index;

import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.claimdesk.nlp.EntityType;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.StoredEntity;
import org.claimdesk.store.StoredItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * The Lucene index of the workspace's items: one long-lived {@link IndexWriter}, a
 * {@link SearcherManager} for near-real-time search, and the ways to bring it back in line with
 * the database, which is the source of truth.
 *
 * <p>Durability: the writer commits every {@link #COMMIT_INTERVAL} when something changed, and
 * on close; nothing is fsynced per item. Writes since the last commit are lost if the process
 * dies, but the database's change log keeps every change until a commit holds it
 * ({@link #committedUpTo()}, {@link IndexFeeder}, decision 0005), and {@link #catchUp} compares
 * item ids with the database as well, so a crash costs time, never items or their analysis.
 */
public final class ItemIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ItemIndex.class);

    static final Duration COMMIT_INTERVAL = Duration.ofSeconds(15);
    /** Reopen at least this often when items changed; a caller waiting for its write gets it sooner. */
    // With IndexFeeder's half-second rounds this keeps "stored to searchable" under a second with
    // margin; reopening when nothing changed is a cheap no-op.
    private static final double MAX_STALE_SECONDS = 0.25;
    private static final double MIN_STALE_SECONDS = 0.02;
    private static final int BATCH = 500;

    static final String USER_DATA_SCHEMA = "claimdesk.schema";
    static final String USER_DATA_STATE = "claimdesk.state";
    private static final String COMPLETE = "complete";
    private static final String REBUILDING = "rebuilding";

    private final Path path;
    private final Directory directory;
    private final LanguageAnalyzers analyzers;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
    private final ScheduledExecutorService committer;
    /**
     * Every write to the IndexWriter runs here. An interrupt that lands in Lucene's file I/O
     * (ClosedByInterruptException) closes the writer for good, and callers (a cancelled poll, a
     * cancelled rebuild) are interrupted on purpose; this thread never is.
     */
    private final java.util.concurrent.ExecutorService writerThread;
    private final IndexState stateAtOpen;
    private final String problemAtOpen;
    private final Object rebuildLock = new Object();
    private volatile boolean complete;
    private final AtomicLong committedUpTo = new AtomicLong(-1);

    private ItemIndex(Path path, Directory directory, LanguageAnalyzers analyzers, IndexWriter writer,
                      IndexState stateAtOpen, String problemAtOpen) throws IOException {
        this.path = path;
        this.directory = directory;
        this.analyzers = analyzers;
        this.writer = writer;
        this.stateAtOpen = stateAtOpen;
        this.problemAtOpen = problemAtOpen;
        this.complete = stateAtOpen == IndexState.READY;
        this.searchers = new SearcherManager(writer, new SearcherFactory());
        /*
         * A reopen thread rather than a scheduled maybeRefresh: it reopens within MAX_STALE of a
         * change when nobody waits, and at once for a caller that waits for its own write
         * (awaitSearchable), which a fixed schedule cannot offer.
         */
        this.reopener = new ControlledRealTimeReopenThread<>(writer, searchers, MAX_STALE_SECONDS, MIN_STALE_SECONDS);
        reopener.setName("index-reopen");
        reopener.setDaemon(true);
        reopener.start();
        this.writerThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "index-writer");
            t.setDaemon(true);
            return t;
        });
        this.committer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "index-commit");
            t.setDaemon(true);
            return t;
        });
        long every = COMMIT_INTERVAL.toMillis();
        committer.scheduleWithFixedDelay(this::commitIfChanged, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the index in {@code folder}, creating it when missing. A missing, damaged, outdated or
     * half-built index is replaced by an empty one and reported by {@link #stateAtOpen()}: call
     * {@link #rebuild} then. Throws {@link IndexException} when the folder cannot be used at all.
     */
    public static ItemIndex open(Path folder) {
        Path path = folder.toAbsolutePath();
        LanguageAnalyzers analyzers = new LanguageAnalyzers();
        Directory directory = null;
        try {
            Files.createDirectories(path);
            directory = FSDirectory.open(path);
            Inspection found = inspect(directory);
            IndexWriterConfig config = new IndexWriterConfig(analyzers.perField())
                    .setRAMBufferSizeMB(48)
                    .setCommitOnClose(true);
            if (found.state() != IndexState.READY) {
                if (found.state() != IndexState.MISSING) {
                    log.warn("Search index in {} is {} ({}); starting an empty one to rebuild from the database",
                            path, found.state(), found.problem());
                }
                deleteIndexFiles(path);
                config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            }
            IndexWriter writer = new IndexWriter(directory, config);
            writer.setLiveCommitData(userData(found.state() == IndexState.READY ? COMPLETE : REBUILDING).entrySet());
            if (found.state() != IndexState.READY) {
                writer.commit();
            }
            return new ItemIndex(path, directory, analyzers, writer, found.state(), found.problem());
        } catch (LockObtainFailedException e) {
            close(directory, analyzers);
            throw new IndexException("The search index in " + path + " is in use by another ClaimDesk", e);
        } catch (IOException e) {
            close(directory, analyzers);
            throw new IndexException("Cannot open the search index in " + path + ": " + e.getMessage(), e);
        }
    }

    private record Inspection(IndexState state, String problem) {
    }

    /** Reads the last commit and verifies every file's checksum, so damage is found now and not mid-search. */
    private static Inspection inspect(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return new Inspection(IndexState.MISSING, "no index yet");
            }
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            if (!IndexFields.SCHEMA_VERSION.equals(data.get(USER_DATA_SCHEMA))) {
                return new Inspection(IndexState.OUTDATED, "index layout " + data.get(USER_DATA_SCHEMA)
                        + ", this version uses " + IndexFields.SCHEMA_VERSION);
            }
            if (!COMPLETE.equals(data.get(USER_DATA_STATE))) {
                return new Inspection(IndexState.INCOMPLETE, "the last rebuild did not finish");
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    leaf.reader().checkIntegrity();
                }
            }
            return new Inspection(IndexState.READY, null);
        } catch (IndexNotFoundException e) {
            return new Inspection(IndexState.MISSING, e.getMessage());
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException
                 | EOFException | NoSuchFileException e) {
            return new Inspection(IndexState.CORRUPT, e.getMessage());
        } catch (IOException | RuntimeException e) {
            // anything else reading the files (e.g. garbage where a header should be) is damage too
            return new Inspection(IndexState.CORRUPT, e.toString());
        }
    }

    /** The folder holds only the index (the workspace layout reserves it), so all its files may go. */
    private static void deleteIndexFiles(Path path) throws IOException {
        try (Stream<Path> files = Files.list(path)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file) && !file.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME)) {
                    Files.delete(file);
                }
            }
        }
    }

    private static Map<String, String> userData(String state) {
        return Map.of(USER_DATA_SCHEMA, IndexFields.SCHEMA_VERSION, USER_DATA_STATE, state);
    }

    private static void close(Directory directory, LanguageAnalyzers analyzers) {
        try {
            if (directory != null) {
                directory.close();
            }
        } catch (IOException e) {
            log.debug("Closing index directory", e);
        }
        analyzers.close();
    }

    public Path path() {
        return path;
    }

    /** What open found; anything but READY means the index started empty and needs {@link #rebuild}. */
    public IndexState stateAtOpen() {
        return stateAtOpen;
    }

    /** Why the index needed rebuilding at open, or null. */
    public String problemAtOpen() {
        return problemAtOpen;
    }

    /** True until a rebuild has completed when open found no usable index. */
    public boolean needsRebuild() {
        return !complete;
    }

    @FunctionalInterface
    private interface WriterWork<T> {
        T run() throws IOException;
    }

    /** Runs writer work on the writer thread and waits for it even when the caller is interrupted. */
    private <T> T write(WriterWork<T> work) throws IOException {
        java.util.concurrent.Future<T> result = writerThread.submit(work::run);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IOException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Adds or replaces the item's document. Searchable within a second; returns the write's
     * sequence number for {@link #awaitSearchable}.
     */
    public long upsert(StoredItem item, List<String> tags, List<String> entities) {
        try {
            var document = IndexFields.document(item, tags, entities);
            return write(() -> writer.updateDocument(IndexFields.idTerm(item.id()), document));
        } catch (IOException | RuntimeException e) {
            throw new IndexException("Cannot index item " + item.id() + " in " + path + ": " + e.getMessage(), e);
        }
    }

    public long delete(long itemId) {
        try {
            return write(() -> writer.deleteDocuments(IndexFields.idTerm(itemId)));
        } catch (IOException e) {
            throw new IndexException("Cannot remove item " + itemId + " from the index in " + path, e);
        }
    }

    /** Waits until the write with this sequence number is visible to searches; false on timeout. */
    public boolean awaitSearchable(long sequenceNumber, Duration timeout) throws InterruptedException {
        return reopener.waitForGeneration(sequenceNumber, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /** Makes every write so far visible to searches now, instead of within the reopen interval. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new IndexException("Cannot refresh the search index in " + path, e);
        }
    }

    /** Makes everything written so far durable (normally the periodic commit does this). */
    public void commit() {
        try {
            write(this::commitOnWriterThread);
        } catch (IOException e) {
            throw new IndexException("Cannot save the search index in " + path, e);
        }
    }

    /**
     * The sequence number up to which every write is durable in a complete index: writes with a
     * sequence number up to here survive a crash (see {@link IndexFeeder}), or -1 before the
     * first commit.
     */
    public long committedUpTo() {
        return committedUpTo.get();
    }

    /** Commits; on the writer thread, so every write before it is in the commit. */
    private long commitOnWriterThread() throws IOException {
        long through = writer.getMaxCompletedSequenceNumber();
        long sequence = writer.commit();
        if (complete) {
            // a commit in the middle of a rebuild holds a partial index: it makes nothing durable
            committedUpTo.accumulateAndGet(through, Math::max);
        }
        return sequence;
    }

    private void commitIfChanged() {
        try {
            if (writer.isOpen() && writer.hasUncommittedChanges()) {
                write(this::commitOnWriterThread);
            }
        } catch (IOException | RuntimeException e) {
            // a later commit or catch-up at the next start repairs what this one missed
            log.warn("Periodic commit of the search index in {} failed", path, e);
        }
    }

    /**
     * Recreates the index from every item in the database, in batches, with progress. A complete
     * index is rewritten in place, item by item, so searches keep finding everything meanwhile and
     * a cancelled rebuild leaves it complete; a missing, damaged or incomplete one is emptied first.
     * Interrupting the thread stops it; an emptied index is then marked incomplete (a later open
     * reports it) and the report says cancelled.
     */
    public RebuildReport rebuild(ItemStore items, RebuildProgress progress) {
        synchronized (rebuildLock) {
            long started = System.nanoTime();
            long done = 0;
            long removed = 0;
            boolean cancelled = false;
            boolean inPlace = complete;
            try {
                if (!inPlace) {
                    write(() -> {
                        writer.setLiveCommitData(userData(REBUILDING).entrySet());
                        writer.deleteAll();
                        return writer.commit();
                    });
                }
                Map<String, List<String>> tags = items.tagsBySource();
                long total = items.count();
                progress.indexed(0, total);
                long after = 0;
                for (List<StoredItem> page; !(page = items.itemsAfter(after, BATCH)).isEmpty(); ) {
                    if (Thread.currentThread().isInterrupted()) {
                        cancelled = true;
                        break;
                    }
                    List<StoredItem> batch = page;
                    write(() -> {
                        for (StoredItem item : batch) {
                            writer.updateDocument(IndexFields.idTerm(item.id()),
                                    IndexFields.document(item, tagsOf(item, tags), entitiesOf(item)));
                        }
                        return null;
                    });
                    done += page.size();
                    after = page.getLast().id();
                    progress.indexed(done, Math.max(total, done));
                }
                boolean finished = !cancelled;
                if (finished && inPlace) {
                    // documents of items the database no longer has were not rewritten: drop them
                    for (long id : idsNotIn(items, indexedIds(), new ArrayList<>())) {
                        delete(id);
                        removed++;
                    }
                }
                write(() -> {
                    if (finished) {
                        writer.setLiveCommitData(userData(COMPLETE).entrySet());
                        complete = true;
                    }
                    return commitOnWriterThread();
                });
                if (!Thread.currentThread().isInterrupted()) {
                    refresh();
                }
            } catch (IOException e) {
                throw new IndexException("Rebuilding the search index in " + path + " failed after " + done
                        + " items: " + e.getMessage(), e);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            log.info("Search index rebuilt from the database{}: {} items in {} ms{}", inPlace ? " in place" : "", done,
                    took.toMillis(), cancelled ? " (cancelled)" : "");
            return new RebuildReport(done, removed, took, cancelled);
        }
    }

    /**
     * Brings a READY index in line with the database by item id: indexes items it lacks (stored
     * while the index was closed, or written after its last commit before a crash) and removes
     * documents of items the database no longer has. Changes to items it holds (a new source, an
     * analysis) come from the change log, which the feeder applies after this.
     */
    public RebuildReport catchUp(ItemStore items) {
        return catchUp(items, id -> { });
    }

    /** Like {@link #catchUp(ItemStore)}, telling {@code indexed} each item it wrote (and committed). */
    public RebuildReport catchUp(ItemStore items, LongConsumer indexed) {
        synchronized (rebuildLock) {
            long started = System.nanoTime();
            List<Long> missing = new ArrayList<>();
            long removed = 0;
            for (long id : idsNotIn(items, indexedIds(), missing)) {
                delete(id);
                removed++;
            }
            Map<String, List<String>> tags = missing.isEmpty() ? Map.of() : items.tagsBySource();
            for (long id : missing) {
                items.find(id).ifPresent(item -> upsert(item, tagsOf(item, tags), entitiesOf(item)));
            }
            if (!missing.isEmpty() || removed > 0) {
                commit();
                log.info("Search index caught up with the database: {} items added, {} removed", missing.size(), removed);
            }
            missing.forEach(indexed::accept);
            return new RebuildReport(missing.size(), removed, Duration.ofNanos(System.nanoTime() - started), false);
        }
    }

    /**
     * The ids among {@code indexed} (sorted) that the database does not hold; the database's ids
     * the index lacks are added to {@code missing}.
     */
    private static List<Long> idsNotIn(ItemStore items, long[] indexed, List<Long> missing) {
        Set<Long> inDatabase = new HashSet<>();
        long after = 0;
        for (long[] page; (page = items.idsAfter(after, 10_000)).length > 0; after = page[page.length - 1]) {
            for (long id : page) {
                inDatabase.add(id);
                if (Arrays.binarySearch(indexed, id) < 0) {
                    missing.add(id);
                }
            }
        }
        List<Long> orphans = new ArrayList<>();
        for (long id : indexed) {
            if (!inDatabase.contains(id)) {
                orphans.add(id);
            }
        }
        return orphans;
    }

    /** Ids of every live document, sorted, from a fresh view of the index. */
    private long[] indexedIds() {
        try {
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            try {
                long[] ids = new long[searcher.getIndexReader().numDocs()];
                int n = 0;
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    SortedNumericDocValues values = leaf.reader().getSortedNumericDocValues(IndexFields.ID_NUMBER);
                    Bits live = leaf.reader().getLiveDocs();
                    if (values == null) {
                        continue;
                    }
                    for (int doc = values.nextDoc(); doc != SortedNumericDocValues.NO_MORE_DOCS; doc = values.nextDoc()) {
                        if ((live == null || live.get(doc)) && n < ids.length) {
                            ids[n++] = values.nextValue();
                        }
                    }
                }
                long[] sorted = Arrays.copyOf(ids, n);
                Arrays.sort(sorted);
                return sorted;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new IndexException("Cannot read the search index in " + path, e);
        }
    }

    /**
     * Entity types worth a filter and a facet: who, which organisation, where. Dates and amounts are
     * not names; CoreNLP's MISC is mostly nationalities and language names ("Arabic", "German"),
     * which swamp the facet without telling an analyst anything; all stay in H2.
     */
    private static final Set<EntityType> NAME_TYPES =
            EnumSet.of(EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION);

    /** The names analysis found in an item (persons, organisations, places, other names), for its document. */
    public static List<String> entitiesOf(StoredItem item) {
        List<String> names = new ArrayList<>();
        for (StoredEntity entity : item.entities()) {
            if (NAME_TYPES.contains(entity.type())) {
                names.add(entity.text());
            }
        }
        return names;
    }

    /** An item carries the tags of every source it came from. */
    public static List<String> tagsOf(StoredItem item, Map<String, List<String>> tagsBySource) {
        Set<String> tags = new LinkedHashSet<>();
        for (String source : item.sourceIds()) {
            tags.addAll(tagsBySource.getOrDefault(source, List.of()));
        }
        return List.copyOf(tags);
    }

    /** Documents visible to searches now. */
    public int count() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    @FunctionalInterface
    interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    /** Runs work on the current searcher and releases it after. */
    <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new IndexException("Cannot search the index in " + path + ": " + e.getMessage(), e);
        }
    }

    /** The analysis groups that have at least one document in this searcher's view. */
    static Set<TextLanguage> groupsPresent(IndexSearcher searcher) throws IOException {
        Set<TextLanguage> groups = EnumSet.noneOf(TextLanguage.class);
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), IndexFields.ANALYSIS);
        if (terms != null) {
            TermsEnum it = terms.iterator();
            for (BytesRef term = it.next(); term != null; term = it.next()) {
                groups.add(TextLanguage.ofKey(term.utf8ToString()));
            }
        }
        return groups;
    }

    LanguageAnalyzers analyzers() {
        return analyzers;
    }

    /** Commits what is pending and closes; safe to call twice. */
    @Override
    public void close() {
        committer.shutdown();
        reopener.close();
        try {
            committer.awaitTermination(1, TimeUnit.MINUTES);
            searchers.close();
            if (writer.isOpen()) {
                write(() -> {
                    writer.close();
                    return null;
                });
            }
            writerThread.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new IndexException("Cannot close the search index in " + path + " cleanly", e);
        } finally {
            close(directory, analyzers);
        }
    }
}
