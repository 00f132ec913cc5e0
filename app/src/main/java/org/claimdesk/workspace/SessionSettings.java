package org.claimdesk.workspace;

import org.claimdesk.nlp.TextAnalyzer;

import java.time.Clock;
import java.util.Objects;

/**
 * What the application gives every workspace it opens. The analyzer is shared: its language
 * models load once per application, not again at every workspace switch.
 */
public record SessionSettings(Clock clock, TextAnalyzer analyzer) {
    public SessionSettings {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(analyzer, "analyzer");
    }

    /** The system clock and an analyzer of its own (models load when analysis first needs them). */
    public static SessionSettings standalone() {
        return new SessionSettings(Clock.systemUTC(), new TextAnalyzer());
    }
}
