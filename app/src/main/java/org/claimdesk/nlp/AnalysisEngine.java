package org.claimdesk.nlp;

/** Which library split the text into sentences and tokens. */
public enum AnalysisEngine {
    CORENLP,
    KUROMOJI,
    ICU
}
