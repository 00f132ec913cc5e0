package org.claimdesk.nlp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The analysis stage: language, sentences, tokens, lemmas and entities of an item's text.
 * {@link #analyse} runs on the caller's thread; {@link #trySubmit} runs on a bounded pool of
 * one thread per core and never blocks the caller (ingest), so items are stored first and
 * analysed when the pool catches up.
 */
public final class TextAnalyzer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TextAnalyzer.class);

    /** Texts waiting for a worker; more than this and {@link #trySubmit} says no. */
    public static final int DEFAULT_BACKLOG = 512;

    private final LanguageDetector languageDetector;
    private final CoreNlpPipelines coreNlp;
    private final JapaneseSegmenter japanese = new JapaneseSegmenter();
    private final IcuSegmenter icu = new IcuSegmenter();
    private final ThreadPoolExecutor workers;

    public TextAnalyzer() {
        this(new LanguageDetector(), new CoreNlpPipelines(), Runtime.getRuntime().availableProcessors(), DEFAULT_BACKLOG);
    }

    public TextAnalyzer(LanguageDetector languageDetector, CoreNlpPipelines coreNlp, int threads, int backlog) {
        this.languageDetector = Objects.requireNonNull(languageDetector, "languageDetector");
        this.coreNlp = Objects.requireNonNull(coreNlp, "coreNlp");
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(backlog), r -> {
            Thread t = new Thread(r, "nlp-analysis-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1); // the window and ingestion come first
            return t;
        });
        workers.allowCoreThreadTimeOut(true);
    }

    public LanguageDetector languageDetector() {
        return languageDetector;
    }

    public CoreNlpPipelines coreNlp() {
        return coreNlp;
    }

    /**
     * Analyses one text on the calling thread (never the UI thread: the first text of a language
     * loads its models, seconds).
     *
     * @param languageHint the feed's or source's language, used only when the text is too short to tell; may be null
     */
    public TextAnalysis analyse(String text, String languageHint, AnalysisPath path) {
        Objects.requireNonNull(path, "path");
        String safeText = text == null ? "" : text;
        DetectedLanguage language = languageDetector.detect(safeText, languageHint);
        Segmentation segmentation = segment(safeText, language.tag(), path);
        return new TextAnalysis(language, path, segmentation.engine(), segmentation.sentences(),
                segmentation.tokenCount(), segmentation.lemmas(), segmentation.entities());
    }

    /**
     * Queues a text for analysis on the worker pool. Empty when the backlog is full: the caller
     * keeps the item unanalysed and offers it again later, instead of waiting.
     */
    public Optional<CompletableFuture<TextAnalysis>> trySubmit(String text, String languageHint, AnalysisPath path) {
        try {
            return Optional.of(CompletableFuture.supplyAsync(() -> analyse(text, languageHint, path), workers));
        } catch (RejectedExecutionException e) {
            return Optional.empty();
        }
    }

    private Segmentation segment(String text, String languageTag, AnalysisPath path) {
        if ("ja".equals(languageTag)) {
            return japanese.analyse(text, path);
        }
        if (coreNlp.handles(languageTag)) {
            return coreNlp.analyse(text, languageTag, path);
        }
        return icu.analyse(text, languageTag);
    }

    /** Stops the workers; queued texts are dropped (they are still unanalysed in the store). */
    @Override
    public void close() {
        int dropped = workers.shutdownNow().size();
        if (dropped > 0) {
            log.info("Analysis stopped with {} texts still queued", dropped);
        }
    }
}
