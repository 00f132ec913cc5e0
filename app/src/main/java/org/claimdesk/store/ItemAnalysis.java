package org.claimdesk.store;

import org.claimdesk.nlp.AnalysisPath;

import java.time.Instant;

/**
 * The stored result of analysing one item (its entities are read with
 * {@link AnalysisStore#entitiesOf}).
 *
 * @param language       the detected BCP 47 tag ("und" when undetermined); null when analysis failed
 * @param reliable       true when the text itself showed the language
 * @param engine         the library that segmented the text, or null when analysis failed
 * @param error          why analysis failed, or null
 */
public record ItemAnalysis(long itemId, String language, boolean reliable, AnalysisPath path, String engine,
                           int sentenceCount, int tokenCount, Instant analysedAt, String error) {
    public boolean failed() {
        return error != null;
    }
}
