package org.claimdesk.claims;

import java.util.Map;

/**
 * The fitted logistic regression of one language.
 *
 * @param bias        log-odds of a sentence with no cue and no known word
 * @param threshold   the score from which a sentence is called check-worthy
 * @param cues        one weight per cue (a missing cue weighs 0)
 * @param words       weights of the language's words (the strongest only, so the file stays small)
 * @param trainedOn   where the weights come from, in words
 */
public record LanguageWeights(double bias, double threshold, Map<Cue, Double> cues, Map<String, Double> words,
                              String trainedOn) {
    public LanguageWeights {
        cues = Map.copyOf(cues);
        words = Map.copyOf(words);
        trainedOn = trainedOn == null ? "" : trainedOn;
    }
}
