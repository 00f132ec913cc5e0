package org.claimdesk.index;

import java.util.List;
import java.util.Set;

/**
 * How good a ranking of earlier answers is against labels: mean reciprocal rank and recall at k,
 * over the claims that have a right answer; claims without one are counted apart (an empty
 * answer is right for them).
 *
 * @param labelled    claims with at least one right answer
 * @param mrr         mean of 1 / rank of the first right answer within the top k (0 when none)
 * @param recall      share of labelled claims with a right answer within the top k
 * @param firstRight  share of labelled claims whose first answer is right
 * @param unlabelled  claims without a right answer
 * @param leftEmpty   of those, how many got no answer at all
 */
public record RankingScores(int k, int labelled, double mrr, double recall, double firstRight, int unlabelled, int leftEmpty) {

    /** Scores {@code ranked.get(i)} (answers best first) against {@code right.get(i)} (the right answers of claim i). */
    public static RankingScores of(List<List<String>> ranked, List<Set<String>> right, int k) {
        if (ranked.size() != right.size()) {
            throw new IllegalArgumentException(ranked.size() + " rankings for " + right.size() + " labelled claims");
        }
        int labelled = 0;
        int unlabelled = 0;
        int leftEmpty = 0;
        double reciprocal = 0;
        int found = 0;
        int first = 0;
        for (int i = 0; i < ranked.size(); i++) {
            List<String> answers = ranked.get(i);
            if (right.get(i).isEmpty()) {
                unlabelled++;
                if (answers.isEmpty()) leftEmpty++;
                continue;
            }
            labelled++;
            for (int rank = 0; rank < Math.min(k, answers.size()); rank++) {
                if (right.get(i).contains(answers.get(rank))) {
                    reciprocal += 1.0 / (rank + 1);
                    found++;
                    if (rank == 0) first++;
                    break;
                }
            }
        }
        double n = Math.max(1, labelled);
        return new RankingScores(k, labelled, reciprocal / n, found / n, first / n, unlabelled, leftEmpty);
    }
}
