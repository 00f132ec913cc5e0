package org.claimdesk.claims;

import org.claimdesk.claims.CheckWorthinessMeasures.Judged;
import org.claimdesk.claims.CheckWorthinessTrainer.Settings;
import org.claimdesk.nlp.CoreNlpPipelines;
import org.claimdesk.testing.SharedFixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fits and measures the check-worthiness model the way the CheckThat! labs rank systems, and
 * regenerates the shipped model file from ../shared/fixtures/checkworthiness:
 * <ul>
 *   <li>CLEF 2019 English debates: mean average precision over debates, leave-one-debate-out
 *       (fit on 18 debates, rank the 19th);</li>
 *   <li>CT24 English, Arabic, Dutch: F1 of the check-worthy class on the dev split, fitted on the
 *       train split (English also on dev-test); Spanish has no train split here, so 5-fold
 *       cross-validation on its dev split; and the cue-only weights every other language uses,
 *       on each dev split;</li>
 *   <li>scoring speed, one thread.</li>
 * </ul>
 * Everything is measured twice: without entities (as the model shipped before decision 0019) and
 * with the entities CoreNLP finds in the English and Spanish sentences, on the analysis stage's
 * path ({@link TrainingEntities}; cached in target/checkworthiness-entities.tsv, or where
 * {@code -Dbench.entityCache=FILE} says: the first run annotates about 45,000 sentences, minutes
 * on two cores). The shipped model is fitted with the entities.
 * Run with {@code mvn -B -o -pl app -Pbench test -Dtest=CheckWorthinessBench
 * -Dsurefire.failIfNoSpecifiedTests=false}; add {@code -Dbench.writeModel=true} to write the
 * model into src/main/resources. Results on stdout and in target/checkworthiness.txt, by hand into
 * docs/benchmarks.md. Skipped without ../shared/fixtures.
 */
@Tag("bench")
class CheckWorthinessBench {
    private static final Path MODEL_IN_SOURCES = Path.of("src/main/resources/org/claimdesk/claims", CheckWorthinessModel.RESOURCE);
    private static final String SOURCE = "CLEF-2019 CheckThat! Task 1 training debates and CLEF-2024 CheckThat! Task 1"
            + " (en, ar, nl train; es dev), research use; regenerate with CheckWorthinessBench";

    /**
     * Arabic tweets: train and dev differ in topic, and word weights fitted on train lose on dev
     * (0.46 against 0.53 with cues alone, docs/benchmarks.md), so Arabic ships with cues only.
     */
    static final Settings ARABIC = Settings.CUES_ONLY;

    private final CheckWorthinessTrainer trainer = new CheckWorthinessTrainer();
    private final StringBuilder report = new StringBuilder();

    /** The labelled data of one run: with CoreNLP's entities (en, es) or without any. */
    private record Data(List<LabelledSentence> clef, Map<String, List<LabelledSentence>> train,
                        Map<String, List<LabelledSentence>> dev, List<LabelledSentence> devTest) {
        List<LabelledSentence> pooled() {
            List<LabelledSentence> pooled = new ArrayList<>(clef);
            train.values().forEach(pooled::addAll);
            return pooled;
        }
    }

    @Test
    void measureAndRegenerate() throws IOException {
        Path data = SharedFixtures.require("checkworthiness");
        Map<String, List<LabelledSentence>> train = new LinkedHashMap<>();
        Map<String, List<LabelledSentence>> dev = new LinkedHashMap<>();
        for (String language : List.of("en", "ar", "nl", "es")) {
            train.put(language, CheckWorthinessFixtures.ct24(data, language, "train"));
            dev.put(language, CheckWorthinessFixtures.ct24(data, language, "dev"));
        }
        Data plain = new Data(CheckWorthinessFixtures.clef2019(data), train, dev,
                CheckWorthinessFixtures.ct24(data, "en", "dev-test"));
        say("data: clef2019 %d sentences in %d debates; ct24 train %s; dev %s", plain.clef().size(),
                CheckWorthinessMeasures.byGroup(plain.clef()).size(), sizes(train), sizes(dev));
        Data named = withEntities(plain);

        say("%n== without entities (the model shipped before decision 0019) ==");
        measure(plain);
        say("%n== with CoreNLP's entities (en, es; ar and nl have no entity model) ==");
        LanguageWeights cuesOnly = measure(named);

        CheckWorthinessModel shipped = shippedModel(named.clef(), named.train(), named.dev().get("es"), cuesOnly);
        say("%nshipped weights for en: %s", entityWeights(shipped.weightsFor("en")));
        say("shipped weights for es: %s", entityWeights(shipped.weightsFor("es")));
        say("shipped weights for *: %s", entityWeights(shipped.weightsFor(CheckWorthinessModel.ANY_LANGUAGE)));
        String json = shipped.toJson(SOURCE);
        Path target = Path.of("target", CheckWorthinessModel.RESOURCE);
        Files.writeString(target, json, StandardCharsets.UTF_8);
        say("model file: %d bytes, languages %s", json.getBytes(StandardCharsets.UTF_8).length, shipped.languages());
        if (Boolean.getBoolean("bench.writeModel")) {
            Files.writeString(MODEL_IN_SOURCES, json, StandardCharsets.UTF_8);
            say("written to %s", MODEL_IN_SOURCES);
        }
        measureSpeed(CheckWorthinessModel.read(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))),
                named.clef(), named.dev().get("ar"));
        Files.writeString(Path.of("target", "checkworthiness.txt"), report.toString(), StandardCharsets.UTF_8);
        assertThat(json.length()).isLessThan(1_000_000);
    }

    /** The same data with CoreNLP's entities, from the cache where it has them (TrainingEntities). */
    private Data withEntities(Data plain) throws IOException {
        TrainingEntities ner = TrainingEntities.open(new CoreNlpPipelines(), TrainingEntities.cacheFile());
        int threads = Integer.getInteger("bench.nerThreads", 2);
        long started = System.nanoTime();
        Map<String, List<LabelledSentence>> train = new LinkedHashMap<>();
        Map<String, List<LabelledSentence>> dev = new LinkedHashMap<>();
        plain.train().forEach((language, sentences) -> train.put(language, ner.annotate(sentences, threads)));
        plain.dev().forEach((language, sentences) -> dev.put(language, ner.annotate(sentences, threads)));
        Data named = new Data(ner.annotate(plain.clef(), threads), train, dev, ner.annotate(plain.devTest(), threads));
        ner.save();
        List<LabelledSentence> all = named.pooled();
        named.dev().values().forEach(all::addAll);
        long covered = all.stream().filter(s -> ner.covers(s.language())).count();
        long naming = all.stream().filter(s -> !s.entities().isEmpty()).count();
        say("entities: CoreNLP (FAST path, as the analysis stage) over %d sentences of en and es: %d annotated"
                        + " in this run (%.0f s, %d threads), the others repeated or in the cache %s; %d name at least one",
                covered, ner.annotatedThisRun(), (System.nanoTime() - started) / 1e9, threads,
                TrainingEntities.cacheFile(), naming);
        return named;
    }

    /** Every figure of docs/benchmarks.md on one version of the data; returns the cue-only weights fitted on all of it. */
    private LanguageWeights measure(Data d) {
        for (double cost : new double[] {0.1, 0.3}) {
            say("CLEF 2019 en, leave-one-debate-out MAP, cues+words C=%.1f: %.4f", cost,
                    leaveOneDebateOut(d.clef(), Settings.WORDS.withCost(cost)));
        }
        say("CLEF 2019 en, leave-one-debate-out MAP, cues only: %.4f", leaveOneDebateOut(d.clef(), Settings.CUES_ONLY));

        LanguageWeights cuesOnly = trainer.fit(d.pooled(), Settings.CUES_ONLY, "cues only, all training data");
        for (String language : List.of("en", "ar", "nl")) {
            for (double cost : new double[] {0.1, 0.3, 1.0}) {
                LanguageWeights weights = trainer.fit(d.train().get(language), Settings.WORDS.withCost(cost), "ct24 train");
                CheckWorthinessModel model = model(language, weights, cuesOnly);
                say("CT24 %s dev F1, fit on train, C=%.1f: %.4f (threshold %.2f)", language, cost,
                        CheckWorthinessMeasures.positiveF1(CheckWorthinessMeasures.judge(model, d.dev().get(language))),
                        weights.threshold());
                if (language.equals("en")) {
                    say("CT24 en dev-test F1, same model: %.4f",
                            CheckWorthinessMeasures.positiveF1(CheckWorthinessMeasures.judge(model, d.devTest())));
                }
            }
        }
        for (Settings arabic : List.of(ARABIC, Settings.WORDS.withCost(0.03))) {
            LanguageWeights weights = trainer.fit(d.train().get("ar"), arabic, "ct24 train");
            say("CT24 ar dev F1, fit on train, %s: %.4f (threshold %.2f)", arabic,
                    CheckWorthinessMeasures.positiveF1(CheckWorthinessMeasures.judge(model("ar", weights, cuesOnly), d.dev().get("ar"))),
                    weights.threshold());
        }
        say("CT24 es dev F1, 5-fold cross-validation on dev: %.4f", crossValidatedF1(d.dev().get("es"), 5));
        CheckWorthinessModel anyLanguage = new CheckWorthinessModel(Map.of(CheckWorthinessModel.ANY_LANGUAGE, cuesOnly));
        for (String language : List.of("en", "ar", "nl", "es")) {
            List<LabelledSentence> sentences = d.dev().get(language);
            List<LabelledSentence> noEntities = sentences.stream()
                    .map(s -> new LabelledSentence(s.text(), s.language(), s.checkWorthy(), s.group())).toList();
            say("CT24 %s dev F1 with the cue-only weights: with its entities (as de, fr get) %.4f; without (as ja, ru get) %.4f",
                    language, CheckWorthinessMeasures.positiveF1(CheckWorthinessMeasures.judge(anyLanguage, sentences)),
                    CheckWorthinessMeasures.positiveF1(CheckWorthinessMeasures.judge(anyLanguage, noEntities)));
        }
        return cuesOnly;
    }

    private static String entityWeights(LanguageWeights weights) {
        StringBuilder s = new StringBuilder();
        for (Cue cue : List.of(Cue.PERSON, Cue.ORGANIZATION, Cue.LOCATION, Cue.OTHER_NAME, Cue.PROPER_NAME)) {
            s.append(String.format(Locale.ROOT, "%s %+.3f, ", cue.key(), weights.cues().getOrDefault(cue, 0.0)));
        }
        return s.substring(0, s.length() - 2);
    }

    private double leaveOneDebateOut(List<LabelledSentence> clef, Settings settings) {
        Map<String, List<LabelledSentence>> debates = CheckWorthinessMeasures.byGroup(clef);
        Map<String, List<Judged>> judged = new LinkedHashMap<>();
        for (String heldOut : debates.keySet()) {
            List<LabelledSentence> fitOn = clef.stream().filter(s -> !s.group().equals(heldOut)).toList();
            LanguageWeights weights = trainer.fitForRanking(fitOn, settings, "lodo");
            CheckWorthinessModel model = new CheckWorthinessModel(Map.of("en", weights, CheckWorthinessModel.ANY_LANGUAGE, weights));
            judged.put(heldOut, CheckWorthinessMeasures.judge(model, debates.get(heldOut)));
        }
        return CheckWorthinessMeasures.meanAveragePrecision(judged);
    }

    private double crossValidatedF1(List<LabelledSentence> sentences, int folds) {
        List<Judged> judged = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            List<LabelledSentence> fitOn = new ArrayList<>();
            List<LabelledSentence> heldOut = new ArrayList<>();
            for (int i = 0; i < sentences.size(); i++) {
                (i % folds == fold ? heldOut : fitOn).add(sentences.get(i));
            }
            LanguageWeights weights = trainer.fit(fitOn, Settings.WORDS, "cv");
            judged.addAll(CheckWorthinessMeasures.judge(model(sentences.getFirst().language(), weights, weights), heldOut));
        }
        return CheckWorthinessMeasures.positiveF1(judged);
    }

    private CheckWorthinessModel shippedModel(List<LabelledSentence> clef, Map<String, List<LabelledSentence>> train,
                                              List<LabelledSentence> spanishDev, LanguageWeights cuesOnly) {
        List<LabelledSentence> english = new ArrayList<>(clef);
        english.addAll(train.get("en"));
        return new CheckWorthinessModel(Map.of(
                "en", trainer.fit(english, Settings.WORDS, "CLEF 2019 debates + CT24 en train"),
                "ar", trainer.fit(train.get("ar"), ARABIC, "CT24 ar train"),
                "nl", trainer.fit(train.get("nl"), Settings.WORDS, "CT24 nl train"),
                "es", trainer.fit(spanishDev, Settings.WORDS, "CT24 es dev (no train split here)"),
                CheckWorthinessModel.ANY_LANGUAGE, cuesOnly));
    }

    private void measureSpeed(CheckWorthinessModel model, List<LabelledSentence> english, List<LabelledSentence> arabic) {
        ClaimScorer scorer = new ClaimScorer(model, new org.claimdesk.nlp.SentenceSplitter());
        List<LabelledSentence> all = new ArrayList<>(english);
        all.addAll(arabic);
        double sink = 0;
        for (int round = 0; round < 3; round++) { // warm-up rounds, then the measured one
            long started = System.nanoTime();
            for (LabelledSentence s : all) {
                sink += scorer.score(s.text(), s.language(), List.of()).score();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (round == 2) {
                say("scoring speed, one thread, warm: %.0f sentences/s (%d sentences in %.2f s; %.1f)",
                        all.size() / seconds, all.size(), seconds, sink % 10);
            }
        }
    }

    private static CheckWorthinessModel model(String language, LanguageWeights own, LanguageWeights any) {
        return new CheckWorthinessModel(Map.of(language, own, CheckWorthinessModel.ANY_LANGUAGE, any));
    }

    private static String sizes(Map<String, List<LabelledSentence>> byLanguage) {
        StringBuilder s = new StringBuilder();
        byLanguage.forEach((l, list) -> s.append(l).append('=').append(list.size()).append(' '));
        return s.toString().strip();
    }

    private void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        report.append(line).append('\n');
    }
}
