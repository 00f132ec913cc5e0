package org.claimdesk.nlp;

import java.util.List;

/**
 * What analysis found in one text. Offsets refer to the text as it was given.
 *
 * @param language   the detected language (or the hint, when the text was too short)
 * @param path       fast or full
 * @param engine     which library split sentences and tokens
 * @param sentences  the sentences in order; none spans a line break (a paragraph boundary)
 * @param tokenCount the number of word tokens (punctuation excluded for ICU; CoreNLP and Kuromoji count their tokens)
 * @param lemmas     one dictionary form per token where the language has a lemmatiser on this
 *                   path (English and Japanese, FULL path); otherwise empty
 * @param entities   named entities in text order; empty where no model gives them (Arabic, ICU languages)
 */
public record TextAnalysis(DetectedLanguage language, AnalysisPath path, AnalysisEngine engine,
                           List<Sentence> sentences, int tokenCount, List<String> lemmas,
                           List<NamedEntity> entities) {
    public TextAnalysis {
        sentences = List.copyOf(sentences);
        lemmas = List.copyOf(lemmas);
        entities = List.copyOf(entities);
    }

    /** The entities of one type, in text order. */
    public List<NamedEntity> entitiesOf(EntityType type) {
        return entities.stream().filter(e -> e.type() == type).toList();
    }
}
