package org.claimdesk.cluster;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two stories told in English, Arabic, German and Japanese (written for this test). Words do not
 * cross languages; what does is a shared outside link, numbers, and names written the same way.
 * This shows how far that goes: with the source's link every language lands in its story; without
 * it, the Latin-script languages meet on names and numbers, while Arabic and Japanese meet them only
 * through numbers and the entities the analysis gives.
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
        StreamingClusterer clusterer = new StreamingClusterer(ClusterSettings.defaults());
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
    void withoutALinkNamesAndNumbersStillGroupTheLatinScriptLanguages() {
        Map<String, Long> clusters = cluster(stream(false));

        assertThat(clusters.get("d-de")).isEqualTo(clusters.get("d-en"));
        assertThat(clusters.get("r-de")).isEqualTo(clusters.get("r-en"));
        assertThat(clusters.get("d-en")).isNotEqualTo(clusters.get("r-en"));
        // never into the wrong story
        assertThat(List.of("d-ar", "d-ja")).allSatisfy(id -> assertThat(clusters.get(id)).isNotEqualTo(clusters.get("r-en")));
        assertThat(List.of("r-ar", "r-ja")).allSatisfy(id -> assertThat(clusters.get(id)).isNotEqualTo(clusters.get("d-en")));
        System.out.println("without links: " + clusters);
    }
}
