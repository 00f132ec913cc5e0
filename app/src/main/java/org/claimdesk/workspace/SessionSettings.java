package org.claimdesk.workspace;

import org.claimdesk.claims.ClaimStage;
import org.claimdesk.nlp.TextAnalyzer;
import org.claimdesk.pipeline.AnalysisStage;

import java.time.Clock;
import java.util.Objects;

/**
 * What the application gives every workspace it opens. The analyzer is shared: its language
 * models load once per application, not again at every workspace switch.
 *
 * @param analysis     what the analysis stage runs on each item: the analyzer's own analysis in the
 *                     application; a test may put a failing one in to see what a user sees then
 * @param claimScoring what the claims stage scores sentences with: the shipped model
 */
public record SessionSettings(Clock clock, TextAnalyzer analyzer, AnalysisStage.Analysis analysis,
                              ClaimStage.Scoring claimScoring) {
    public SessionSettings {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(analyzer, "analyzer");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(claimScoring, "claimScoring");
    }

    public SessionSettings(Clock clock, TextAnalyzer analyzer, AnalysisStage.Analysis analysis) {
        this(clock, analyzer, analysis, ClaimStage.bundled());
    }

    public SessionSettings(Clock clock, TextAnalyzer analyzer) {
        this(clock, analyzer, analyzer::analyse);
    }

    /** The same analyzer and models on another clock: a replay's, which follows the stream's time. */
    public SessionSettings withClock(Clock other) {
        return new SessionSettings(other, analyzer, analysis, claimScoring);
    }

    /** The system clock and an analyzer of its own (models load when analysis first needs them). */
    public static SessionSettings standalone() {
        return new SessionSettings(Clock.systemUTC(), new TextAnalyzer());
    }
}
