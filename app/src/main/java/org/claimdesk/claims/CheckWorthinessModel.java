package org.claimdesk.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The check-worthiness model: one logistic regression per language that has training data, and
 * a cue-only one ({@link #ANY_LANGUAGE}) fitted on all of them together for every other language.
 * Scoring is a sum of weights, so every score splits into its {@link Contribution}s. Plain Java
 * at run time; the weights come from a small JSON file made by {@link CheckWorthinessTrainer}.
 */
public final class CheckWorthinessModel {
    /** The weights used for languages without their own. */
    public static final String ANY_LANGUAGE = "*";
    /** The model shipped in the jar, made by CheckWorthinessBench from ../shared/fixtures/checkworthiness. */
    public static final String RESOURCE = "checkworthiness-model.json";
    static final String FORMAT = "claimdesk-checkworthiness/1";

    private final Map<String, LanguageWeights> byLanguage;

    public CheckWorthinessModel(Map<String, LanguageWeights> byLanguage) {
        this.byLanguage = Map.copyOf(byLanguage);
        if (!this.byLanguage.containsKey(ANY_LANGUAGE)) {
            throw new IllegalArgumentException("a model needs weights for every language (\"*\")");
        }
    }

    /** The model that ships with ClaimDesk. */
    public static CheckWorthinessModel bundled() {
        try (InputStream in = CheckWorthinessModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the check-worthiness model " + RESOURCE + " is missing from the build");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the check-worthiness model could not be read", e);
        }
    }

    public static CheckWorthinessModel read(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IOException("not a check-worthiness model of format " + FORMAT);
        }
        Map<String, LanguageWeights> byLanguage = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.path("languages").properties()) {
            JsonNode node = entry.getValue();
            Map<Cue, Double> cues = new EnumMap<>(Cue.class);
            for (Map.Entry<String, JsonNode> cue : node.path("cues").properties()) {
                cues.put(Cue.valueOf(cue.getKey().toUpperCase(java.util.Locale.ROOT)), cue.getValue().asDouble());
            }
            Map<String, Double> words = new HashMap<>();
            node.path("words").properties().forEach(w -> words.put(w.getKey(), w.getValue().asDouble()));
            byLanguage.put(entry.getKey(), new LanguageWeights(node.path("bias").asDouble(),
                    node.path("threshold").asDouble(0.5), cues, words, node.path("trainedOn").asText()));
        }
        return new CheckWorthinessModel(byLanguage);
    }

    /** The model as JSON, weights rounded to 4 decimals and sorted, so that a retrained file diffs cleanly. */
    public String toJson(String source) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode().put("format", FORMAT).put("source", source);
        ObjectNode languages = root.putObject("languages");
        for (Map.Entry<String, LanguageWeights> entry : new TreeMap<>(byLanguage).entrySet()) {
            LanguageWeights w = entry.getValue();
            ObjectNode node = languages.putObject(entry.getKey())
                    .put("trainedOn", w.trainedOn())
                    .put("bias", round(w.bias()))
                    .put("threshold", round(w.threshold()));
            ObjectNode cues = node.putObject("cues");
            new TreeMap<>(w.cues()).forEach((cue, weight) -> cues.put(cue.key(), round(weight)));
            ObjectNode words = node.putObject("words");
            new TreeMap<>(w.words()).forEach((word, weight) -> words.put(word, round(weight)));
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** The weights that score a language: its own, else the cue-only ones. */
    public LanguageWeights weightsFor(String language) {
        LanguageWeights own = language == null ? null : byLanguage.get(language);
        return own != null ? own : byLanguage.get(ANY_LANGUAGE);
    }

    /** The languages with weights of their own. */
    public List<String> languages() {
        return byLanguage.keySet().stream().filter(l -> !l.equals(ANY_LANGUAGE)).sorted().toList();
    }

    public ClaimScore score(SentenceFeatures features) {
        Objects.requireNonNull(features, "features");
        String modelLanguage = byLanguage.containsKey(features.language()) ? features.language() : ANY_LANGUAGE;
        LanguageWeights weights = byLanguage.get(modelLanguage);
        List<Contribution> contributions = new ArrayList<>();
        double logOdds = weights.bias();
        for (Map.Entry<Cue, String> cue : features.cues().entrySet()) {
            double w = weights.cues().getOrDefault(cue.getKey(), 0.0);
            if (w != 0) {
                logOdds += w;
                contributions.add(new Contribution(cue.getKey().key(), cue.getKey().label(), cue.getValue(), w));
            }
        }
        for (String word : features.words()) {
            double w = weights.words().getOrDefault(word, 0.0);
            if (w != 0) {
                logOdds += w;
                contributions.add(new Contribution("word:" + word, "word \u201C" + word + "\u201D", word, w));
            }
        }
        contributions.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.weight())));
        double score = 1 / (1 + Math.exp(-logOdds));
        return new ClaimScore(score, score >= weights.threshold(), modelLanguage, weights.bias(), contributions);
    }
}
