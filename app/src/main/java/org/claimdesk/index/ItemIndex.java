package org.claimdesk.index;

import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The workspace's Lucene index: one long-lived {@link IndexWriter} on its own thread, a
 * {@link SearcherManager} reopened in near real time, periodic commits, and the check at open
 * that finds a damaged or unfinished index. It holds documents of every {@link DocumentKind}
 * (items today), keyed by kind and key, and knows nothing of the database: {@link IndexFeeder}
 * keeps it in step with H2, the source of truth.
 *
 * <p>Durability: the writer commits every {@link #COMMIT_INTERVAL} when something changed, and
 * on close; nothing is fsynced per document. Writes since the last commit are lost if the process
 * dies, but the database's change log keeps every change until a commit holds it
 * ({@link #committedUpTo()}, {@link IndexFeeder}, decision 0005), and the feeder's catch-up at
 * start compares keys with the database as well, so a crash costs time, never items or their
 * analysis.
 */
public final class ItemIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ItemIndex.class);

    static final Duration COMMIT_INTERVAL = Duration.ofSeconds(15);
    /** Reopen at least this often when documents changed; a caller waiting for its write gets it sooner. */
    // With IndexFeeder's half-second rounds this keeps "stored to searchable" under a second with
    // margin; reopening when nothing changed is a cheap no-op.
    private static final double MAX_STALE_SECONDS = 0.25;
    private static final double MIN_STALE_SECONDS = 0.02;

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
     * Every write to the IndexWriter runs here, and every reopen a caller asks for (it flushes). An
     * interrupt that lands in Lucene's file I/O (ClosedByInterruptException) closes the writer for
     * good, and callers (a cancelled poll, a cancelled rebuild) are interrupted on purpose; this
     * thread never is.
     */
    private final ExecutorService writerThread;
    private final IndexState stateAtOpen;
    private final String problemAtOpen;
    private final ReentrantLock rebuildLock = new ReentrantLock();
    private volatile boolean complete;
    private volatile boolean closed;
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
     * half-built index is replaced by an empty one and reported by {@link #stateAtOpen()}: rebuild
     * it then ({@link #startRebuild}, which {@link IndexFeeder} drives). Throws
     * {@link IndexException} when the folder cannot be used at all.
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
        } catch (ClosedByInterruptException e) {
            // the caller was cancelled while the files were read: that says nothing about them
            throw new IndexException("Opening the search index was cancelled", e);
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

    /** What open found; anything but READY means the index started empty and needs a rebuild. */
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
        Future<T> result = writerThread.submit(work::run);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
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
     * Adds or replaces the document with this kind and key. Searchable within a second; returns
     * the write's sequence number for {@link #awaitSearchable}.
     */
    public long upsert(IndexDocument document) {
        try {
            return write(() -> writer.updateDocument(
                    IndexFields.uidTerm(document.kind(), document.key()), document.fields()));
        } catch (IOException | RuntimeException e) {
            throw new IndexException("Cannot index " + describe(document.kind(), document.key()) + " in " + path + ": "
                    + e.getMessage(), e);
        }
    }

    /** Removes the document with this kind and key, if any; returns the write's sequence number. */
    public long delete(DocumentKind kind, long key) {
        try {
            return write(() -> writer.deleteDocuments(IndexFields.uidTerm(kind, key)));
        } catch (IOException e) {
            throw new IndexException("Cannot remove " + describe(kind, key) + " from the index in " + path, e);
        }
    }

    private static String describe(DocumentKind kind, long key) {
        return kind.value() + " " + key;
    }

    /** Waits until the write with this sequence number is visible to searches; false on timeout. */
    public boolean awaitSearchable(long sequenceNumber, Duration timeout) throws InterruptedException {
        return reopener.waitForGeneration(sequenceNumber, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /**
     * The sequence number up to which every write is visible to searches: it grows when the
     * searcher is reopened (by the reopen thread or {@link #refresh}). Once closed, the reopen
     * thread reports every write as searchable (it releases waiters so): see {@link #isClosed}.
     */
    public long searchableUpTo() {
        return reopener.getSearchingGen();
    }

    /** True once {@link #close} began. */
    boolean isClosed() {
        return closed;
    }

    /** Makes every write so far visible to searches now, instead of within the reopen interval. */
    public void refresh() {
        try {
            // Opening a near-real-time reader flushes what the writer buffered, on the calling
            // thread: on the writer thread, so a cancelled caller's interrupt cannot land in it.
            write(() -> {
                searchers.maybeRefreshBlocking();
                return null;
            });
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
     * Starts rewriting the index from the source of truth: the caller writes every document
     * ({@link Rebuild#write}), removes those the source no longer has, then calls
     * {@link Rebuild#finish}; {@link IndexFeeder} does this from the database. A complete index is
     * rewritten in place, document by document, so searches keep finding everything meanwhile and
     * an unfinished rebuild leaves it complete; a missing, damaged or incomplete one is emptied
     * first and stays marked incomplete until finish (a later open reports it). One rebuild at a
     * time: a second one waits. Close it on the thread that started it (try-with-resources).
     */
    public Rebuild startRebuild() {
        rebuildLock.lock();
        try {
            boolean inPlace = complete;
            if (!inPlace) {
                write(() -> {
                    writer.setLiveCommitData(userData(REBUILDING).entrySet());
                    writer.deleteAll();
                    return writer.commit();
                });
            }
            return new Rebuild(inPlace);
        } catch (IOException | RuntimeException e) {
            rebuildLock.unlock();
            throw new IndexException("Cannot start rebuilding the search index in " + path + ": " + e.getMessage(), e);
        }
    }

    /** A rebuild under way; see {@link #startRebuild}. */
    public final class Rebuild implements AutoCloseable {
        private final boolean inPlace;
        private boolean finished;
        private boolean closed;

        private Rebuild(boolean inPlace) {
            this.inPlace = inPlace;
        }

        /** True when the index was complete and keeps its documents until each is rewritten. */
        public boolean inPlace() {
            return inPlace;
        }

        /** Adds or replaces these documents, in one call to the writer thread. */
        public void write(List<IndexDocument> documents) {
            try {
                ItemIndex.this.write(() -> {
                    for (IndexDocument document : documents) {
                        writer.updateDocument(IndexFields.uidTerm(document.kind(), document.key()), document.fields());
                    }
                    return null;
                });
            } catch (IOException e) {
                throw new IndexException("Rebuilding the search index in " + path + " failed: " + e.getMessage(), e);
            }
        }

        /** Marks the index complete, commits and makes it all searchable. */
        public void finish() {
            try {
                ItemIndex.this.write(() -> {
                    writer.setLiveCommitData(userData(COMPLETE).entrySet());
                    complete = true;
                    return commitOnWriterThread();
                });
            } catch (IOException e) {
                throw new IndexException("Cannot save the rebuilt search index in " + path + ": " + e.getMessage(), e);
            }
            finished = true;
            refresh();
        }

        /** Ends the rebuild; one not finished is committed as it stands (an emptied index stays incomplete). */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (!finished) {
                    ItemIndex.this.write(ItemIndex.this::commitOnWriterThread);
                }
            } catch (IOException e) {
                throw new IndexException("Cannot save the search index in " + path + ": " + e.getMessage(), e);
            } finally {
                rebuildLock.unlock();
            }
        }
    }

    /** The keys of every document of this kind, sorted, from a fresh view of the index. */
    public long[] keys(DocumentKind kind) {
        refresh();
        return withSearcher(searcher -> searcher.search(IndexFields.ofKind(kind), new KeyCollector()));
    }

    /** Collects {@link IndexFields#ID_NUMBER} of every hit. */
    private static final class KeyCollector implements CollectorManager<KeyCollector.Keys, long[]> {
        static final class Keys extends SimpleCollector {
            private final LongStream.Builder keys = LongStream.builder();
            private SortedNumericDocValues values;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                values = DocValues.getSortedNumeric(context.reader(), IndexFields.ID_NUMBER);
            }

            @Override
            public void collect(int doc) throws IOException {
                if (values.advanceExact(doc)) {
                    keys.add(values.nextValue());
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }

        @Override
        public Keys newCollector() {
            return new Keys();
        }

        @Override
        public long[] reduce(Collection<Keys> collectors) {
            return collectors.stream().flatMapToLong(c -> c.keys.build()).sorted().toArray();
        }
    }

    /** Items visible to searches now. */
    public int count() {
        return count(DocumentKind.ITEM);
    }

    /** Documents of this kind visible to searches now. */
    public int count(DocumentKind kind) {
        return withSearcher(searcher -> searcher.count(IndexFields.ofKind(kind)));
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

    /**
     * The analysis groups that have at least one document in this searcher's view, of any kind: a
     * group only another kind has costs a query part that matches nothing, never a wrong hit.
     */
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
        closed = true;
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
