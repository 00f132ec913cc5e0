package org.claimdesk.cluster;

import java.time.Duration;

/**
 * The clusterer's knobs. {@link #defaults()} are the values tuned and measured in
 * docs/benchmarks.md ("Streaming clustering"); the others are there for experiments and tests.
 *
 * @param joinThreshold      similarity an item needs to join a cluster, else it starts one
 * @param mergeThreshold     similarity an item needs to two clusters at once to merge them
 * @param halfLife           how fast a quiet cluster's pull fades (time since its last item)
 * @param decayFloor         the share of similarity that never fades (a story that returns after days)
 * @param window             a cluster quiet for longer leaves memory and can no longer be joined
 * @param linkEvidence       similarity given by a shared outside link (or the same page)
 * @param titleWeight        weight of a title word against a body word
 * @param addressWordWeight  weight of a word from the item's own address path
 * @param numberWeight       weight of a number (the same in every language)
 * @param entityWeight       weight of a name the analysis found
 * @param lookupTerms        the heaviest terms of an item used to look up candidate clusters
 * @param postingsPerTerm    clusters remembered per term in the candidate index (most recent kept)
 * @param maxCandidates      clusters scored in full per item
 * @param centroidTerms      terms kept in a cluster's centroid (the heaviest)
 * @param maxTextChars       characters of a text read (the start of a very long one)
 * @param idfTableBits       size of the document-frequency table, 2^bits counters
 * @param growMergeThreshold centroid cosine at which a growing cluster (at 2, 4, 8, … items) merges
 *                           with one that told the same story apart; above 1 never
 * @param strayItems         a cluster of at most this many items merges with a growing one at the join
 *                           threshold instead (what its items would need to join it now); 0 never
 * @param nameKeyWeight      weight of a name's key across scripts ({@link NameKeys}: الموصل, モスル and
 *                           Mosul give one); 0 off
 * @param conceptWeight      weight of a news concept from the bilingual lexicon ({@link NewsLexicon}:
 *                           Staudamm, سد and ダム give one); 0 off
 * @param splitThreshold     centroid cosine of a cluster's two halves under which it splits in two (looked
 *                           at when it doubles); 0 never
 * @param splitMinItems      the smallest half a split leaves, in items; also the smallest cluster looked at
 *                           is twice this
 */
public record ClusterSettings(double joinThreshold, double mergeThreshold, Duration halfLife, double decayFloor,
                              Duration window, double linkEvidence, double titleWeight, double addressWordWeight,
                              double numberWeight, double entityWeight, int lookupTerms, int postingsPerTerm,
                              int maxCandidates, int centroidTerms, int maxTextChars, int idfTableBits,
                              double growMergeThreshold, int strayItems,
                              double nameKeyWeight, double conceptWeight, double splitThreshold,
                              int splitMinItems) {

    public static ClusterSettings defaults() {
        return new ClusterSettings(0.08, 0.6, Duration.ofHours(6), 0.0, Duration.ofDays(3), 0.8,
                2.0, 0.5, 1.5, 2.0, 8, 64, 40, 200, 5_000, 21, 0.2, 3, 2.0, 1.0, 0.1, 8);
    }

    public ClusterSettings withJoinThreshold(double value) {
        return new ClusterSettings(value, mergeThreshold, halfLife, decayFloor, window, linkEvidence, titleWeight,
                addressWordWeight, numberWeight, entityWeight, lookupTerms, postingsPerTerm, maxCandidates,
                centroidTerms, maxTextChars, idfTableBits, growMergeThreshold, strayItems,
                nameKeyWeight, conceptWeight, splitThreshold, splitMinItems);
    }

    public ClusterSettings withMergeThreshold(double value) {
        return new ClusterSettings(joinThreshold, value, halfLife, decayFloor, window, linkEvidence, titleWeight,
                addressWordWeight, numberWeight, entityWeight, lookupTerms, postingsPerTerm, maxCandidates,
                centroidTerms, maxTextChars, idfTableBits, growMergeThreshold, strayItems,
                nameKeyWeight, conceptWeight, splitThreshold, splitMinItems);
    }

    public ClusterSettings withTime(Duration newHalfLife, double newDecayFloor, Duration newWindow) {
        return new ClusterSettings(joinThreshold, mergeThreshold, newHalfLife, newDecayFloor, newWindow, linkEvidence,
                titleWeight, addressWordWeight, numberWeight, entityWeight, lookupTerms, postingsPerTerm,
                maxCandidates, centroidTerms, maxTextChars, idfTableBits, growMergeThreshold, strayItems,
                nameKeyWeight, conceptWeight, splitThreshold, splitMinItems);
    }

    public ClusterSettings withAddressWordWeight(double value) {
        return new ClusterSettings(joinThreshold, mergeThreshold, halfLife, decayFloor, window, linkEvidence,
                titleWeight, value, numberWeight, entityWeight, lookupTerms, postingsPerTerm, maxCandidates,
                centroidTerms, maxTextChars, idfTableBits, growMergeThreshold, strayItems,
                nameKeyWeight, conceptWeight, splitThreshold, splitMinItems);
    }

    public ClusterSettings withGrowMergeThreshold(double value) {
        return new ClusterSettings(joinThreshold, mergeThreshold, halfLife, decayFloor, window, linkEvidence,
                titleWeight, addressWordWeight, numberWeight, entityWeight, lookupTerms, postingsPerTerm, maxCandidates,
                centroidTerms, maxTextChars, idfTableBits, value, strayItems, nameKeyWeight, conceptWeight, splitThreshold, splitMinItems);
    }

    public ClusterSettings withStrayItems(int value) {
        return new ClusterSettings(joinThreshold, mergeThreshold, halfLife, decayFloor, window, linkEvidence,
                titleWeight, addressWordWeight, numberWeight, entityWeight, lookupTerms, postingsPerTerm, maxCandidates,
                centroidTerms, maxTextChars, idfTableBits, growMergeThreshold, value, nameKeyWeight, conceptWeight, splitThreshold, splitMinItems);
    }

    public ClusterSettings withCrossScript(double newNameKeyWeight, double newConceptWeight) {
        return new ClusterSettings(joinThreshold, mergeThreshold, halfLife, decayFloor, window, linkEvidence,
                titleWeight, addressWordWeight, numberWeight, entityWeight, lookupTerms, postingsPerTerm, maxCandidates,
                centroidTerms, maxTextChars, idfTableBits, growMergeThreshold, strayItems, newNameKeyWeight,
                newConceptWeight, splitThreshold, splitMinItems);
    }

    public ClusterSettings withSplit(double threshold, int minItems) {
        return new ClusterSettings(joinThreshold, mergeThreshold, halfLife, decayFloor, window, linkEvidence,
                titleWeight, addressWordWeight, numberWeight, entityWeight, lookupTerms, postingsPerTerm, maxCandidates,
                centroidTerms, maxTextChars, idfTableBits, growMergeThreshold, strayItems, nameKeyWeight,
                conceptWeight, threshold, minItems);
    }
}
