package org.claimdesk.nlp;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Loads the real CoreNLP models from claimdesk-nlp-models (en, de, fr, es, ar). */
class TextAnalyzerTest {
    static TextAnalyzer analyzer;

    static final String ENGLISH = """
            Barack Obama met Angela Merkel in Berlin on Monday. They talked for an hour.
            The United Nations said Google had removed the video. Reuters could not confirm it.
            """;
    static final String GERMAN = "Angela Merkel traf Emmanuel Macron in Berlin. Die Vereinten Nationen warnten vor Desinformation im Internet.";
    static final String FRENCH = "Emmanuel Macron a rencontré Angela Merkel à Paris. Les Nations unies ont mis en garde contre la désinformation.";
    static final String SPANISH = "Pedro Sánchez se reunió con Angela Merkel en Madrid. Las Naciones Unidas advirtieron sobre la desinformación.";
    static final String ARABIC = "نفت وزارة الصحة في بغداد الشائعات عن انتشار وباء جديد. وقالت إن الصورة قديمة! هل تصدقون ذلك؟";

    @BeforeAll
    static void start() {
        analyzer = new TextAnalyzer();
    }


    static List<String> texts(List<NamedEntity> entities, EntityType type) {
        return entities.stream().filter(e -> e.type() == type).map(NamedEntity::text).toList();
    }

    @Test
    void englishFullPathGivesSentencesLemmasAndEntitiesWithOffsets() {
        TextAnalysis a = analyzer.analyse(ENGLISH, null, AnalysisPath.FULL);
        assertThat(a.language().tag()).isEqualTo("en");
        assertThat(a.engine()).isEqualTo(AnalysisEngine.CORENLP);
        assertThat(a.sentences()).extracting(Sentence::text).containsExactly(
                "Barack Obama met Angela Merkel in Berlin on Monday.", "They talked for an hour.",
                "The United Nations said Google had removed the video.", "Reuters could not confirm it.");
        assertThat(a.lemmas()).hasSize(a.tokenCount()).contains("meet", "talk", "say", "remove");
        assertThat(texts(a.entities(), EntityType.PERSON)).containsExactly("Barack Obama", "Angela Merkel");
        assertThat(texts(a.entities(), EntityType.LOCATION)).containsExactly("Berlin");
        assertThat(texts(a.entities(), EntityType.ORGANIZATION)).contains("United Nations", "Google", "Reuters");
        assertThat(texts(a.entities(), EntityType.DATE)).containsExactly("Monday");
        for (NamedEntity e : a.entities()) {
            assertThat(ENGLISH.substring(e.start(), e.end())).isEqualTo(e.text());
        }
    }

    @Test
    void aPronounTheModelTagsAsANameIsNotAnEntity() {
        String text = "The speaker also claims that \"forty children\" have been taken to Marsana General Hospital with"
                + " cholera and that boiling \"does not help, because heat does not destroy poison\". He urges listeners"
                + " to forward the message \"to everyone you love\".";
        TextAnalysis a = analyzer.analyse(text, "en", AnalysisPath.FAST);
        assertThat(a.entities()).extracting(NamedEntity::text).contains("Marsana General Hospital")
                .noneMatch(name -> name.equalsIgnoreCase("he"));
    }

    @Test
    void fastPathGivesTheSameNamesWithoutLemmasOrDates() {
        TextAnalysis full = analyzer.analyse(ENGLISH, null, AnalysisPath.FULL);
        TextAnalysis fast = analyzer.analyse(ENGLISH, null, AnalysisPath.FAST);
        assertThat(fast.lemmas()).isEmpty();
        assertThat(fast.sentences()).isEqualTo(full.sentences());
        // The light entities: persons, organisations and places, as FULL finds them; no dates or MISC.
        java.util.Set<EntityType> names = java.util.EnumSet.of(EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION);
        assertThat(fast.entities()).isEqualTo(full.entities().stream().filter(e -> names.contains(e.type())).toList());
        assertThat(texts(fast.entities(), EntityType.DATE)).isEmpty();
    }

    @Test
    void germanFrenchAndSpanishFindPeoplePlacesAndOrganisations() {
        TextAnalysis de = analyzer.analyse(GERMAN, null, AnalysisPath.FULL);
        assertThat(de.language().tag()).isEqualTo("de");
        assertThat(texts(de.entities(), EntityType.PERSON)).containsExactly("Angela Merkel", "Emmanuel Macron");
        assertThat(texts(de.entities(), EntityType.LOCATION)).containsExactly("Berlin");
        assertThat(texts(de.entities(), EntityType.ORGANIZATION)).containsExactly("Vereinten Nationen");

        TextAnalysis fr = analyzer.analyse(FRENCH, null, AnalysisPath.FAST);
        assertThat(fr.language().tag()).isEqualTo("fr");
        assertThat(texts(fr.entities(), EntityType.PERSON)).containsExactly("Emmanuel Macron", "Angela Merkel");
        assertThat(texts(fr.entities(), EntityType.LOCATION)).containsExactly("Paris");

        TextAnalysis es = analyzer.analyse(SPANISH, null, AnalysisPath.FULL);
        assertThat(es.language().tag()).isEqualTo("es");
        assertThat(texts(es.entities(), EntityType.PERSON)).containsExactly("Pedro Sánchez", "Angela Merkel");
        assertThat(texts(es.entities(), EntityType.LOCATION)).containsExactly("Madrid");
        assertThat(es.sentences()).hasSize(2);
    }

    @Test
    void arabicGetsSentencesAndTokensButNoEntities() {
        TextAnalysis a = analyzer.analyse(ARABIC, null, AnalysisPath.FULL);
        assertThat(a.language().tag()).isEqualTo("ar");
        assertThat(a.sentences()).extracting(Sentence::text).containsExactly(
                "نفت وزارة الصحة في بغداد الشائعات عن انتشار وباء جديد.", "وقالت إن الصورة قديمة!", "هل تصدقون ذلك؟");
        assertThat(a.tokenCount()).isGreaterThanOrEqualTo(17); // clitics (و+قالت) are split off
        assertThat(a.entities()).isEmpty();
    }

    @Test
    void japaneseUsesKuromojiForSentencesTokensAndNames() {
        String text = "安倍晋三元首相は東京で講演した。「デマに注意してください！」と述べた。\n日本銀行は声明を出した";
        TextAnalysis a = analyzer.analyse(text, null, AnalysisPath.FULL);
        assertThat(a.language().tag()).isEqualTo("ja");
        assertThat(a.engine()).isEqualTo(AnalysisEngine.KUROMOJI);
        assertThat(a.sentences()).extracting(Sentence::text).containsExactly(
                "安倍晋三元首相は東京で講演した。", "「デマに注意してください！」", "と述べた。", "日本銀行は声明を出した");
        assertThat(a.tokenCount()).isGreaterThan(15);
        assertThat(a.lemmas()).contains("する", "述べる");
        // IPADIC splits 安倍晋|三元 here; the surname and given-name pieces still come out as one person.
        assertThat(texts(a.entities(), EntityType.PERSON)).anyMatch(name -> name.startsWith("安倍晋"));
        assertThat(texts(a.entities(), EntityType.LOCATION)).contains("東京");
    }

    @Test
    void otherLanguagesUseIcuBreaking() {
        String russian = "Министерство опровергло слухи о новой вакцине. Об этом сообщил представитель ведомства.\nПодробности позже.";
        TextAnalysis a = analyzer.analyse(russian, null, AnalysisPath.FULL);
        assertThat(a.language().tag()).isEqualTo("ru");
        assertThat(a.engine()).isEqualTo(AnalysisEngine.ICU);
        assertThat(a.sentences()).extracting(Sentence::text).containsExactly(
                "Министерство опровергло слухи о новой вакцине.", "Об этом сообщил представитель ведомства.", "Подробности позже.");
        assertThat(a.tokenCount()).isEqualTo(13);
        assertThat(a.entities()).isEmpty();

        TextAnalysis chinese = analyzer.analyse("卫生部否认了社交媒体上流传的关于新疫苗的谣言。官员说照片是旧的。", null, AnalysisPath.FAST);
        assertThat(chinese.language().tag()).isEqualTo("zh");
        assertThat(chinese.sentences()).hasSize(2);
        assertThat(chinese.tokenCount()).isBetween(10, 30); // dictionary words, not one token per sentence
    }

    /** Runs only in a build with -Pchinese-models and a surefire heap of 4 GB (see docs/benchmarks.md). */
    @Test
    void chineseGetsCoreNlpSentencesAndEntitiesWhenItsModelsAndAHeapForThemAreThere() {
        Assumptions.assumeTrue(getClass().getClassLoader().getResource(CoreNlpLanguage.CHINESE_SEGMENTER) != null,
                "built without -Pchinese-models");
        Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() >= CoreNlpPipelines.CHINESE_MIN_HEAP_BYTES,
                "heap below what the Chinese models need");
        TextAnalysis chinese = analyzer.analyse("国家主席习近平星期二在北京会见了联合国秘书长古特雷斯。双方讨论了气候变化问题。",
                null, AnalysisPath.FAST);
        assertThat(chinese.language().tag()).isEqualTo("zh");
        assertThat(chinese.engine()).isEqualTo(AnalysisEngine.CORENLP);
        assertThat(chinese.sentences()).hasSize(2);
        assertThat(chinese.entities()).extracting(NamedEntity::text).contains("北京", "习近平");
    }

    @Test
    void noSentenceRunsAcrossALineBreak() {
        String text = "The headline without a full stop\nThe first paragraph starts here and ends here.\n\nAnother one";
        TextAnalysis a = analyzer.analyse(text, "en", AnalysisPath.FAST);
        assertThat(a.sentences()).extracting(Sentence::text).containsExactly(
                "The headline without a full stop", "The first paragraph starts here and ends here.", "Another one");
    }

    @Test
    void shortTextIsAnalysedInTheHintedLanguage() {
        TextAnalysis a = analyzer.analyse("Berlin", "de", AnalysisPath.FAST);
        assertThat(a.language()).isEqualTo(new DetectedLanguage("de", false, DetectedLanguage.Basis.HINT));
        assertThat(a.tokenCount()).isEqualTo(1);
    }

    @Test
    void sharedPipelinesGiveTheSameResultsFromManyThreads() throws Exception {
        List<String> texts = List.of(ENGLISH, GERMAN, FRENCH, SPANISH, ARABIC);
        List<TextAnalysis> serial = texts.stream().map(t -> analyzer.analyse(t, null, AnalysisPath.FULL)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<TextAnalysis>> futures = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (String t : texts) {
                    futures.add(pool.submit(() -> analyzer.analyse(t, null, AnalysisPath.FULL)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(serial.get(i % texts.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
