package org.claimdesk.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The CheckThat! labs' measures: average precision of a ranking, and F1 of the check-worthy class. */
final class CheckWorthinessMeasures {
    /** A sentence's label beside its score. */
    record Judged(boolean checkWorthy, double score, boolean predicted) {
    }

    private CheckWorthinessMeasures() {
    }

    /** Average precision of the ranking by score (ties kept in input order, as a stable sort leaves them). */
    static double averagePrecision(List<Judged> judged) {
        List<Judged> ranked = new ArrayList<>(judged);
        ranked.sort(Comparator.comparingDouble((Judged j) -> -j.score()));
        int hits = 0;
        double sum = 0;
        for (int k = 0; k < ranked.size(); k++) {
            if (ranked.get(k).checkWorthy()) {
                hits++;
                sum += (double) hits / (k + 1);
            }
        }
        return hits == 0 ? 0 : sum / hits;
    }

    /** Mean of the groups' average precisions. */
    static double meanAveragePrecision(Map<String, List<Judged>> byGroup) {
        return byGroup.values().stream().mapToDouble(CheckWorthinessMeasures::averagePrecision).average().orElse(0);
    }

    /** F1 of the check-worthy class, from the model's yes/no calls. */
    static double positiveF1(List<Judged> judged) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Judged j : judged) {
            if (j.predicted() && j.checkWorthy()) {
                tp++;
            } else if (j.predicted()) {
                fp++;
            } else if (j.checkWorthy()) {
                fn++;
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    static List<Judged> judge(CheckWorthinessModel model, List<LabelledSentence> sentences) {
        List<Judged> judged = new ArrayList<>();
        for (LabelledSentence s : sentences) {
            ClaimScore score = model.score(s.features());
            judged.add(new Judged(s.checkWorthy(), score.score(), score.checkWorthy()));
        }
        return judged;
    }

    static Map<String, List<LabelledSentence>> byGroup(List<LabelledSentence> sentences) {
        Map<String, List<LabelledSentence>> groups = new LinkedHashMap<>();
        sentences.forEach(s -> groups.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s));
        return groups;
    }
}
