package org.claimdesk.claims;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits {@link LanguageWeights} on labelled sentences with LIBLINEAR's L2-regularised logistic
 * regression (decision 0013). Used at build and benchmark time only: scoring is plain Java in
 * {@link CheckWorthinessModel}.
 */
public final class CheckWorthinessTrainer {

    /**
     * @param cost         LIBLINEAR's C: lower means stronger regularisation
     * @param minWordCount a word needs this many training sentences to get a weight
     * @param maxWords     the strongest this many word weights are kept (the model file stays small)
     * @param withWords    false for cue-only weights (the weights every other language uses)
     */
    public record Settings(double cost, int minWordCount, int maxWords, boolean withWords) {
        public static final Settings WORDS = new Settings(0.3, 3, 4000, true);
        public static final Settings CUES_ONLY = new Settings(1.0, 1, 0, false);

        public Settings withCost(double c) {
            return new Settings(c, minWordCount, maxWords, withWords);
        }
    }

    static {
        Linear.disableDebugOutput();
    }

    private static final Cue[] CUES = Cue.values();
    private static final int THRESHOLD_FOLDS = 3;

    /** Fits one language's weights; the threshold is the best-F1 one over out-of-fold predictions. */
    public LanguageWeights fit(List<LabelledSentence> sentences, Settings settings, String trainedOn) {
        List<SentenceFeatures> features = sentences.stream().map(LabelledSentence::features).toList();
        boolean[] labels = labels(sentences);
        LanguageWeights full = fitOnce(features, labels, settings, trainedOn, 0.5);
        double[] outOfFold = new double[labels.length];
        for (int fold = 0; fold < THRESHOLD_FOLDS; fold++) {
            List<SentenceFeatures> trainFeatures = new ArrayList<>();
            List<Boolean> trainLabels = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (i % THRESHOLD_FOLDS != fold) {
                    trainFeatures.add(features.get(i));
                    trainLabels.add(labels[i]);
                }
            }
            boolean[] foldLabels = new boolean[trainLabels.size()];
            for (int i = 0; i < foldLabels.length; i++) {
                foldLabels[i] = trainLabels.get(i);
            }
            CheckWorthinessModel foldModel = new CheckWorthinessModel(Map.of(CheckWorthinessModel.ANY_LANGUAGE,
                    fitOnce(trainFeatures, foldLabels, settings, trainedOn, 0.5)));
            for (int i = fold; i < labels.length; i += THRESHOLD_FOLDS) {
                outOfFold[i] = foldModel.score(anyLanguage(features.get(i))).score();
            }
        }
        return new LanguageWeights(full.bias(), bestF1Threshold(outOfFold, labels), full.cues(), full.words(), trainedOn);
    }

    /** Fits weights for ranking only (the threshold stays 0.5): a quarter of {@link #fit}'s work. */
    public LanguageWeights fitForRanking(List<LabelledSentence> sentences, Settings settings, String trainedOn) {
        return fitOnce(sentences.stream().map(LabelledSentence::features).toList(), labels(sentences), settings,
                trainedOn, 0.5);
    }

    private static boolean[] labels(List<LabelledSentence> sentences) {
        boolean[] labels = new boolean[sentences.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = sentences.get(i).checkWorthy();
        }
        return labels;
    }

    /** The same features seen through the "*" weights (the fold models are stored under it). */
    private static SentenceFeatures anyLanguage(SentenceFeatures f) {
        return new SentenceFeatures(CheckWorthinessModel.ANY_LANGUAGE, f.cues(), f.words());
    }

    /** The score from which calling sentences check-worthy gives the best F1 of that class. */
    static double bestF1Threshold(double[] scores, boolean[] labels) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
        int positives = 0;
        for (boolean label : labels) {
            positives += label ? 1 : 0;
        }
        double bestF1 = -1;
        double best = 0.5;
        int truePositives = 0;
        for (int k = 0; k < order.length; k++) {
            truePositives += labels[order[k]] ? 1 : 0;
            boolean tie = k + 1 < order.length && scores[order[k + 1]] == scores[order[k]];
            if (tie) {
                continue;
            }
            double f1 = 2.0 * truePositives / (k + 1 + positives);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = k + 1 < order.length ? (scores[order[k]] + scores[order[k + 1]]) / 2 : scores[order[k]];
            }
        }
        return best;
    }

    private LanguageWeights fitOnce(List<SentenceFeatures> features, boolean[] labels, Settings settings,
                                    String trainedOn, double threshold) {
        Map<String, Integer> vocabulary = settings.withWords() ? vocabulary(features, settings.minWordCount()) : Map.of();
        Problem problem = new Problem();
        problem.l = features.size();
        // LIBLINEAR wants the bias as a last feature of value 1 in every instance, counted in n
        problem.n = CUES.length + vocabulary.size() + 1;
        problem.bias = 1;
        problem.x = new Feature[features.size()][];
        problem.y = new double[features.size()];
        for (int i = 0; i < features.size(); i++) {
            problem.x[i] = vector(features.get(i), vocabulary, problem.n);
            problem.y[i] = labels[i] ? 1 : -1;
        }
        Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, settings.cost(), 0.001));
        double[] w = model.getFeatureWeights();
        double sign = model.getLabels()[0] == 1 ? 1 : -1; // LIBLINEAR's weights favour its first label
        Map<Cue, Double> cueWeights = new EnumMap<>(Cue.class);
        for (int c = 0; c < CUES.length; c++) {
            cueWeights.put(CUES[c], sign * w[c]);
        }
        List<Map.Entry<String, Double>> words = new ArrayList<>();
        vocabulary.forEach((word, index) -> words.add(Map.entry(word, sign * w[index - 1])));
        words.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue())));
        Map<String, Double> kept = new HashMap<>();
        for (Map.Entry<String, Double> e : words.subList(0, Math.min(settings.maxWords(), words.size()))) {
            kept.put(e.getKey(), e.getValue());
        }
        return new LanguageWeights(sign * w[problem.n - 1], threshold, cueWeights, kept, trainedOn);
    }

    private static Map<String, Integer> vocabulary(List<SentenceFeatures> features, int minCount) {
        Map<String, Integer> counts = new HashMap<>();
        features.forEach(f -> f.words().forEach(word -> counts.merge(word, 1, Integer::sum)));
        Map<String, Integer> indices = new LinkedHashMap<>();
        counts.entrySet().stream().filter(e -> e.getValue() >= minCount).map(Map.Entry::getKey).sorted()
                .forEach(word -> indices.put(word, CUES.length + indices.size() + 1));
        return indices;
    }

    private static Feature[] vector(SentenceFeatures f, Map<String, Integer> vocabulary, int biasIndex) {
        List<Feature> nodes = new ArrayList<>();
        for (Cue cue : f.cues().keySet()) {
            nodes.add(new FeatureNode(cue.ordinal() + 1, 1));
        }
        for (String word : f.words()) {
            Integer index = vocabulary.get(word);
            if (index != null) {
                nodes.add(new FeatureNode(index, 1));
            }
        }
        nodes.sort(Comparator.comparingInt(Feature::getIndex));
        nodes.add(new FeatureNode(biasIndex, 1));
        return nodes.toArray(Feature[]::new);
    }
}
