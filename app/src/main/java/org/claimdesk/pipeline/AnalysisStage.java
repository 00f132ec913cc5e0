package org.claimdesk.pipeline;

import org.claimdesk.nlp.AnalysisPath;
import org.claimdesk.nlp.TextAnalysis;
import org.claimdesk.nlp.TextAnalyzer;
import org.claimdesk.store.AnalysisStore;
import org.claimdesk.store.ItemWrite;
import org.claimdesk.store.PendingItem;
import org.claimdesk.store.StageLedger.RetryPolicy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The first stage: detects each stored item's language and finds its named entities, saved in
 * H2 ({@code item_analysis}, {@code item_entity}), which logs the change for the index feeder: the
 * search document follows within a second. Items are searchable before this, as soon as they are
 * stored; ingestion never waits for analysis.
 */
public final class AnalysisStage implements Stage<PendingItem> {
    /** Stored in the database (V6 declares it): never rename. */
    public static final String NAME = "analysis";
    /** Between title and body, so a sentence never runs from one into the other. */
    static final String TITLE_BREAK = "\n\n";

    /**
     * What analyses one text: {@link TextAnalyzer#analyse} in the application. A seam so that a
     * test can make one item fail, or hang, with the real analyzer doing the rest.
     */
    @FunctionalInterface
    public interface Analysis {
        TextAnalysis analyse(String text, String languageHint, AnalysisPath path);
    }

    /** What this stage analysed since it was created (failures are the runner's record). */
    public record Totals(long analysed, long entities, Duration analysisTime) {
    }

    private final Analysis analysis;
    private final AnalysisStore analyses;
    private final AnalysisPath path;
    private final Clock clock;
    private final Duration timeLimit;
    private final RetryPolicy retries;
    private final Optional<String> after;
    private final AtomicLong analysed = new AtomicLong();
    private final AtomicLong entities = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();

    /**
     * The longest one item's language detection and NLP may take ({@link #DEFAULT_TIME_LIMIT}, 2
     * min) is far beyond the few seconds a long article needs (docs/benchmarks.md), so only a text
     * that makes a model misbehave hits it.
     */
    public AnalysisStage(Analysis analysis, AnalysisStore analyses, AnalysisPath path, Clock clock) {
        this(analysis, analyses, path, clock, DEFAULT_TIME_LIMIT, RetryPolicy.DEFAULT);
    }

    AnalysisStage(Analysis analysis, AnalysisStore analyses, AnalysisPath path, Clock clock, Duration timeLimit,
                  RetryPolicy retries) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.analyses = Objects.requireNonNull(analyses, "analyses");
        this.path = Objects.requireNonNull(path, "path");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.after = Optional.empty();
    }

    private AnalysisStage(AnalysisStage stage, String after) {
        this.analysis = stage.analysis;
        this.analyses = stage.analyses;
        this.path = stage.path;
        this.clock = stage.clock;
        this.timeLimit = stage.timeLimit;
        this.retries = stage.retries;
        this.after = Optional.of(after);
    }

    /**
     * This stage, taking items only once {@code stage} has finished them: after the article stage,
     * so that an item is analysed on its article rather than first on its feed summary (decision 0011).
     */
    public AnalysisStage runningAfter(String stage) {
        return new AnalysisStage(this, stage);
    }

    @Override
    public Optional<String> after() {
        return after;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<Long, PendingItem> load(List<Long> itemIds) {
        return analyses.toAnalyse(itemIds);
    }

    @Override
    public ItemWrite process(PendingItem item) {
        long started = System.nanoTime();
        TextAnalysis result;
        try {
            result = analysis.analyse(textOf(item), item.language(), path);
        } finally {
            busyNanos.addAndGet(System.nanoTime() - started);
        }
        analysed.incrementAndGet();
        entities.addAndGet(result.entities().size());
        return analyses.analysed(item.id(), result, clock.instant());
    }

    @Override
    public Duration timeLimit() {
        return timeLimit;
    }

    @Override
    public RetryPolicy retries() {
        return retries;
    }

    public Totals totals() {
        return new Totals(analysed.get(), entities.get(), Duration.ofNanos(busyNanos.get()));
    }

    /** Title and body, as one text: the title often holds the names the body repeats. */
    static String textOf(PendingItem item) {
        return titleAndBody(item.title(), item.text());
    }

    /**
     * The text analysis reads, and so the one its entity offsets refer to: the title, a blank line
     * ({@link #TITLE_BREAK}), the body. The stages after it read the same.
     */
    public static String titleAndBody(String itemTitle, String itemBody) {
        String title = itemTitle == null ? "" : itemTitle.strip();
        String body = itemBody == null ? "" : itemBody;
        if (title.isEmpty()) {
            return body;
        }
        return body.isBlank() ? title : title + TITLE_BREAK + body;
    }
}
