package org.claimdesk.nlp;

/** How much work an analysis does. */
public enum AnalysisPath {
    /** Sentences, tokens and the named-entity classifier only (no part-of-speech tagging, no lemmas). */
    FAST,
    /** Everything the language's models give: part of speech, lemmas (English, Japanese) and entities. */
    FULL
}
