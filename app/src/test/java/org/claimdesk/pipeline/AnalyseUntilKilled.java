package org.claimdesk.pipeline;

import org.claimdesk.nlp.AnalysisEngine;
import org.claimdesk.nlp.AnalysisPath;
import org.claimdesk.nlp.DetectedLanguage;
import org.claimdesk.nlp.EntityType;
import org.claimdesk.nlp.NamedEntity;
import org.claimdesk.nlp.Sentence;
import org.claimdesk.nlp.TextAnalysis;
import org.claimdesk.store.AnalysisStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.StageLedger;
import org.claimdesk.store.StageLedger.RetryPolicy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Child process for {@link KillDuringAnalysisTest}: runs the analysis stage in the background
 * over the stored items until it is killed. When it starts its {@code holdAt}-th item it prints
 * "holding N" and keeps that item running, so the kill always lands in the middle of a batch.
 */
public final class AnalyseUntilKilled {
    static final int THREADS = 2;
    /** Items whose title has this fail every time. */
    static final String BAD = "BAD";
    static final RetryPolicy RETRIES = new RetryPolicy(3, Duration.ZERO);
    private static final Pattern NUMBER = Pattern.compile("item (\\d+)");

    private AnalyseUntilKilled() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int holdAt = Integer.parseInt(args[1]);
        // never closed: this process only ends by SIGKILL
        Database database = Database.open(dir);
        AtomicInteger started = new AtomicInteger();
        AnalysisStage stage = new AnalysisStage(analysis(n -> {
            if (started.incrementAndGet() == holdAt) {
                say("holding " + n);
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }), new AnalysisStore(database), AnalysisPath.FAST, Clock.systemUTC(), Stage.DEFAULT_TIME_LIMIT, RETRIES);
        StageRunner runner = new StageRunner(new StageLedger(database), List.of(stage), THREADS, Clock.systemUTC(),
                StageListener.NONE);
        say("ready");
        runner.start();
        new CountDownLatch(1).await();
    }

    /**
     * Stands in for the language models: a few milliseconds per item, one entity named after the
     * item, a failure for bad items. {@code onStart} hears each item's number as it starts.
     */
    static AnalysisStage.Analysis analysis(IntConsumer onStart) {
        return (text, hint, path) -> {
            Matcher number = NUMBER.matcher(text);
            if (!number.find()) {
                throw new IllegalArgumentException("no item number in " + text);
            }
            int n = Integer.parseInt(number.group(1));
            onStart.accept(n);
            if (text.contains(BAD)) {
                throw new IllegalStateException("cannot analyse item " + n);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new IllegalStateException("interrupted", e);
            }
            return new TextAnalysis(new DetectedLanguage("en", true, DetectedLanguage.Basis.TEXT), path,
                    AnalysisEngine.ICU, List.of(new Sentence(0, text.length(), text)), 5, List.of(),
                    List.of(new NamedEntity("Person " + n, EntityType.PERSON, 0, 8)));
        };
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
