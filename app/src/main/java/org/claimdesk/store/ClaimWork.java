package org.claimdesk.store;

import org.claimdesk.nlp.AnalysisEngine;

import java.util.List;

/**
 * What the claims stage reads of an item.
 *
 * @param language the language analysis detected when it could tell, else the declared one (may be null)
 * @param engine   the library whose analysis found the entities ("CORENLP", "KUROMOJI", "ICU"), or
 *                 null when the item was not analysed or analysis failed
 * @param entities what analysis found, in order of first mention; no offsets (one row per distinct name)
 */
public record ClaimWork(long id, String title, String text, String language, String engine,
                        List<StoredEntity> entities) {
    public ClaimWork {
        entities = List.copyOf(entities);
    }

    /** True when the entities come from a CoreNLP NER model, the one the check-worthiness model was fitted with. */
    public boolean entitiesByCoreNlp() {
        return AnalysisEngine.CORENLP.name().equals(engine);
    }
}
