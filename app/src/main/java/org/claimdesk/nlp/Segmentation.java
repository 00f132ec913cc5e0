package org.claimdesk.nlp;

import java.util.List;

/** Sentences, tokens, lemmas and entities of one text, before the language is attached. */
record Segmentation(AnalysisEngine engine, List<Sentence> sentences, int tokenCount, List<String> lemmas,
                    List<NamedEntity> entities) {
}
