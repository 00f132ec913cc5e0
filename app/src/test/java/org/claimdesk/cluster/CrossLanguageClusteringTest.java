package org.claimdesk.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same story in different languages. Words do not cross languages; what does is a shared
 * outside link, numbers (in any digits, with "million" said in any language), names (keyed across
 * scripts by {@link NameKeys}) and the news words of {@link NewsLexicon}. Two stories written for the
 * test in English, Arabic, German and Japanese, and a larger stream of our own
 * ({@code cluster/multilingual-stories.jsonl}: 10 stories in 4–6 of en, de, fr, es, ar, ru, ja, and
 * 4 decoys that share a place, a number or the kind of event), measured with each signal off.
 */
class CrossLanguageClusteringTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final String DAM_REPORT = "https://reliefweb.int/report/iraq/mosul-dam-leak-evacuation-2026";
    private static final String RATE_RELEASE = "https://www.tcmb.gov.tr/press/2026/rate-decision-17";

    private static ClusterItem item(String id, int minute, String lang, String title, String text, List<String> entities) {
        return new ClusterItem(id, T0.plus(Duration.ofMinutes(minute)), title, text, lang, "test", null, entities);
    }

    /** The items, in arrival order; the story is the id's first letter. */
    private static List<ClusterItem> stream(boolean withLinks) {
        String dam = withLinks ? " Report: " + DAM_REPORT : "";
        String rate = withLinks ? " Statement: " + RATE_RELEASE : "";
        return List.of(
                item("d-en", 0, "en", "Mosul dam leak forces evacuation of 1,250 families",
                        "Engineers found a leak at the Mosul dam; 1,250 families were moved to higher ground." + dam,
                        List.of("Mosul")),
                item("r-en", 1, "en", "Turkish central bank raises key rate to 47.5 percent",
                        "The central bank in Ankara raised its policy rate to 47.5% to fight inflation." + rate,
                        List.of("Ankara")),
                item("d-de", 2, "de", "Leck am Mosul-Staudamm: 1.250 Familien evakuiert",
                        "Ingenieure entdeckten ein Leck am Staudamm von Mosul, 1.250 Familien wurden in Sicherheit gebracht." + dam,
                        List.of("Mosul")),
                item("r-de", 3, "de", "Türkische Zentralbank erhöht Leitzins auf 47,5 Prozent",
                        "Die Notenbank in Ankara hob den Leitzins auf 47,5 Prozent an, um die Inflation zu bremsen." + rate,
                        List.of("Ankara")),
                item("d-ar", 4, "ar", "تسرب في سد الموصل يجبر 1250 عائلة على الإخلاء",
                        "اكتشف مهندسون تسربا في سد الموصل ونقلت 1250 عائلة إلى مناطق مرتفعة." + dam,
                        List.of("الموصل")),
                item("r-ar", 5, "ar", "البنك المركزي التركي يرفع سعر الفائدة إلى 47.5 بالمئة",
                        "رفع البنك المركزي في أنقرة سعر الفائدة إلى 47.5% لمكافحة التضخم." + rate,
                        List.of("أنقرة")),
                item("d-ja", 6, "ja", "モスルダムで漏水、1250世帯が避難",
                        "技術者がモスルダムで漏水を発見し、1250世帯が高台に避難した。" + dam,
                        List.of("モスル")),
                item("r-ja", 7, "ja", "トルコ中銀、政策金利を47.5%に引き上げ",
                        "アンカラのトルコ中央銀行は、インフレ抑制のため政策金利を47.5%に引き上げた。" + rate,
                        List.of("アンカラ")));
    }

    private static Map<String, Long> cluster(List<ClusterItem> items) {
        return cluster(items, ClusterSettings.defaults());
    }

    private static Map<String, Long> cluster(List<ClusterItem> items, ClusterSettings settings) {
        StreamingClusterer clusterer = new StreamingClusterer(settings);
        Map<String, Long> raw = new LinkedHashMap<>();
        items.forEach(i -> raw.put(i.id(), clusterer.add(i).clusterId()));
        raw.replaceAll((id, c) -> clusterer.resolve(c));
        return raw;
    }

    @Test
    void aSharedSourceLinkGroupsTheStoryInEveryLanguage() {
        Map<String, Long> clusters = cluster(stream(true));

        assertThat(List.of("d-de", "d-ar", "d-ja")).allSatisfy(id -> assertThat(clusters.get(id)).isEqualTo(clusters.get("d-en")));
        assertThat(List.of("r-de", "r-ar", "r-ja")).allSatisfy(id -> assertThat(clusters.get(id)).isEqualTo(clusters.get("r-en")));
        assertThat(clusters.get("d-en")).isNotEqualTo(clusters.get("r-en"));
    }

    @Test
    void withoutALinkNamesAcrossScriptsNumbersAndNewsWordsGroupEveryLanguage() {
        Map<String, Long> clusters = cluster(stream(false));

        assertThat(List.of("d-de", "d-ar", "d-ja")).allSatisfy(id -> assertThat(clusters.get(id)).isEqualTo(clusters.get("d-en")));
        assertThat(List.of("r-de", "r-ar", "r-ja")).allSatisfy(id -> assertThat(clusters.get(id)).isEqualTo(clusters.get("r-en")));
        assertThat(clusters.get("d-en")).isNotEqualTo(clusters.get("r-en"));
    }

    @Test
    void withoutTheCrossScriptSignalsOnlyTheLatinScriptLanguagesMeet() {
        Map<String, Long> clusters = cluster(stream(false), ClusterSettings.defaults().withCrossScript(0, 0));

        assertThat(clusters.get("d-de")).isEqualTo(clusters.get("d-en"));
        assertThat(clusters.get("r-de")).isEqualTo(clusters.get("r-en"));
        assertThat(List.of("d-ar", "d-ja", "r-ar", "r-ja")).allSatisfy(id -> assertThat(clusters.get(id))
                .isNotIn(clusters.get("d-en"), clusters.get("r-en")));
    }

    @Test
    void theSameNameInFourScriptsHasOneKey() {
        for (List<String> spellings : List.of(List.of("Mosul", "Mossoul", "الموصل", "モスル", "Мосул"),
                List.of("Ankara", "أنقرة", "アンカラ", "Анкаре"),
                List.of("Zelensky", "Selenskyj", "زيلينسكي", "ゼレンスキー", "Зеленский"),
                List.of("Trump", "ترامب", "トランプ", "Трамп"),
                List.of("Istanbul", "إسطنبول", "イスタンブール", "Стамбул"))) {
            List<String> keys = new ArrayList<>();
            spellings.forEach(s -> NameKeys.ofName(s, 2, keys::add));
            assertThat(keys).as(spellings.toString()).hasSize(spellings.size()).containsOnly(keys.getFirst());
        }
    }

    @Test
    void numbersMeetInEveryDigitAndScale() {
        ClusterTokenizer tokenizer = new ClusterTokenizer();
        assertThat(tokenizer.tokens("1.2 million displaced", "en").numbers()).contains("1200000");
        assertThat(tokenizer.tokens("1,2 Millionen Menschen", "de").numbers()).contains("1200000");
        assertThat(tokenizer.tokens("١٫٢ مليون", "ar").numbers()).contains("1200000");
        assertThat(tokenizer.tokens("3,2 млн детей", "ru").numbers()).contains("3200000");
        assertThat(tokenizer.tokens("１２０万人が避難", "ja").numbers()).contains("1200000");
        assertThat(tokenizer.tokens("4万1000戸", "ja").numbers()).containsExactly("4", "41000");
        assertThat(tokenizer.tokens("۱۲۵۰ خانواده", "fa").numbers()).containsExactly("1250");
        assertThat(tokenizer.tokens("1 250 familles, en 2024 100 fois", "fr").numbers()).containsExactly("1250", "2024", "100");
    }

    @Test
    void theMultilingualStreamLandsInItsStoriesAndDecoysStayApart() throws IOException {
        List<ClusterItem> items = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        readStories(items, labels);
        ClusterSettings d = ClusterSettings.defaults();
        Map<String, ClusterSettings> variants = new LinkedHashMap<>();
        variants.put("shipped settings", d);
        variants.put("without name keys", d.withCrossScript(0, d.conceptWeight()));
        variants.put("without the lexicon", d.withCrossScript(d.nameKeyWeight(), 0));
        variants.put("without either (words, numbers, names as written)", d.withCrossScript(0, 0));
        for (var v : variants.entrySet()) {
            Map<String, String> clusters = stringIds(cluster(items, v.getValue()));
            ClusteringScores s = ClusteringScores.of(clusters, labels);
            System.out.printf(Locale.ROOT, "%-52s k=%2d  B3 P %.3f R %.3f F %.3f | pair P %.3f R %.3f F %.3f%n", v.getKey(),
                    clusters.values().stream().distinct().count(), s.bCubed().precision(), s.bCubed().recall(),
                    s.bCubed().f1(), s.pairwise().precision(), s.pairwise().recall(), s.pairwise().f1());
        }
        Map<String, String> clusters = stringIds(cluster(items, d));
        System.out.println(languagePairs(items, clusters, labels));
        ClusteringScores shipped = ClusteringScores.of(clusters, labels);
        ClusteringScores before = ClusteringScores.of(stringIds(cluster(items, d.withCrossScript(0, 0))), labels);
        // just under what the shipped settings reach (docs/benchmarks.md, "Across languages")
        assertThat(shipped.pairwise().f1()).isGreaterThan(0.90);
        assertThat(shipped.pairwise().f1()).isGreaterThan(before.pairwise().f1() + 0.2);
        // these decoys stay apart; two do not (docs/benchmarks.md, "Across languages"): the second quake
        // of magnitude 6.8 joins the first with or without the new signals, and the Arabic item on
        // Mosul's market joins the Arabic item on Mosul's dam, which the stream's cold start left alone
        for (String decoy : List.of("ankara-metro", "saxony-flood")) {
            List<String> own = labels.entrySet().stream().filter(e -> e.getValue().equals(decoy)).map(Map.Entry::getKey).toList();
            assertThat(own).allSatisfy(id -> assertThat(labels.entrySet().stream()
                    .filter(e -> clusters.get(e.getKey()).equals(clusters.get(id))).map(Map.Entry::getValue))
                    .as(id).containsOnly(decoy));
        }
    }

    /** For each pair of languages: of the pairs of items telling one story in them, how many met. */
    private static String languagePairs(List<ClusterItem> items, Map<String, String> clusters, Map<String, String> labels) {
        Map<String, int[]> pairs = new TreeMap<>();
        for (int a = 0; a < items.size(); a++) {
            for (int b = a + 1; b < items.size(); b++) {
                ClusterItem x = items.get(a);
                ClusterItem y = items.get(b);
                if (!labels.get(x.id()).equals(labels.get(y.id())) || x.language().equals(y.language())) {
                    continue;
                }
                String pair = x.language().compareTo(y.language()) < 0 ? x.language() + "-" + y.language()
                        : y.language() + "-" + x.language();
                int[] met = pairs.computeIfAbsent(pair, k -> new int[2]);
                met[1]++;
                if (clusters.get(x.id()).equals(clusters.get(y.id()))) {
                    met[0]++;
                }
            }
        }
        StringBuilder out = new StringBuilder("language pairs, met / pairs of one story:");
        pairs.forEach((pair, met) -> out.append(' ').append(pair).append(' ').append(met[0]).append('/').append(met[1]));
        return out.toString();
    }

    private static void readStories(List<ClusterItem> items, Map<String, String> labels) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CrossLanguageClusteringTest.class.getResourceAsStream("/cluster/multilingual-stories.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode n = json.readTree(line);
                List<String> entities = new ArrayList<>();
                n.get("entities").forEach(e -> entities.add(e.asText()));
                items.add(new ClusterItem(n.get("id").asText(), Instant.parse(n.get("time").asText()), n.get("title").asText(),
                        n.get("text").asText(), n.get("language").asText(), n.get("source").asText(), n.get("url").asText(), entities));
                labels.put(n.get("id").asText(), n.get("story").asText());
            }
        }
    }

    private static Map<String, String> stringIds(Map<String, Long> clusters) {
        Map<String, String> out = new LinkedHashMap<>();
        clusters.forEach((id, c) -> out.put(id, Long.toString(c)));
        return out;
    }
}
