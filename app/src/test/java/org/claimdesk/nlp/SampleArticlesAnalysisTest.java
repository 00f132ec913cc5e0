package org.claimdesk.nlp;

import org.claimdesk.testing.SharedFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real articles in ../shared/fixtures/sample-articles (skipped when absent). */
class SampleArticlesAnalysisTest {
    static TextAnalyzer analyzer;

    @BeforeAll
    static void start() {
        analyzer = new TextAnalyzer();
    }


    static String article(String name) throws IOException {
        return Files.readString(SharedFixtures.require("sample-articles").resolve(name));
    }

    /** Language, engine, a plausible number of sentences, and no sentence crossing a paragraph. */
    static TextAnalysis analyseAndCheck(String name, String language, AnalysisEngine engine, int minSentences, int maxSentences)
            throws IOException {
        String text = article(name);
        TextAnalysis a = analyzer.analyse(text, null, AnalysisPath.FULL);
        assertThat(a.language().tag()).as(name).isEqualTo(language);
        assertThat(a.language().reliable()).as(name).isTrue();
        assertThat(a.engine()).as(name).isEqualTo(engine);
        int paragraphs = TextSpan.paragraphs(text).size();
        assertThat(a.sentences().size()).as(name + " sentences").isBetween(Math.max(minSentences, paragraphs), maxSentences);
        for (Sentence s : a.sentences()) {
            assertThat(s.text()).as(name).doesNotContain("\n").isEqualTo(text.substring(s.start(), s.end()));
        }
        assertThat(a.tokenCount()).as(name).isGreaterThan(a.sentences().size() * 3);
        return a;
    }

    static List<String> names(TextAnalysis a, EntityType type) {
        return a.entities().stream().filter(e -> e.type() == type).map(NamedEntity::text).distinct().toList();
    }

    @Test
    void englishArticle() throws IOException {
        TextAnalysis a = analyseAndCheck("en-web-special.txt", "en", AnalysisEngine.CORENLP, 60, 140);
        assertThat(names(a, EntityType.PERSON)).contains("Rezgar Akrawi", "Ehud Barak", "Peter Thiel", "Gramsci");
        assertThat(names(a, EntityType.LOCATION)).contains("Malaysia");
        assertThat(a.lemmas()).hasSize(a.tokenCount());
    }

    @Test
    void arabicNewsFeatureWithEnglishBoilerplate() throws IOException {
        TextAnalysis a = analyseAndCheck("ar-news-feature.txt", "ar", AnalysisEngine.CORENLP, 24, 60);
        assertThat(a.sentences()).extracting(Sentence::text).contains("Breaking News");
        assertThat(a.entities()).isEmpty(); // CoreNLP 4.5.10 has no Arabic NER model
    }

    @Test
    void arabicForumReply() throws IOException {
        analyseAndCheck("ar-forum-reply.txt", "ar", AnalysisEngine.CORENLP, 42, 120);
    }

    @Test
    void germanEssay() throws IOException {
        TextAnalysis a = analyseAndCheck("de-essay.txt", "de", AnalysisEngine.CORENLP, 40, 90);
        // The essay names no people or places; the NER must not invent many.
        assertThat(names(a, EntityType.PERSON)).hasSizeLessThan(3);
    }

    @Test
    void japaneseEssay() throws IOException {
        TextAnalysis a = analyseAndCheck("ja-essay.txt", "ja", AnalysisEngine.KUROMOJI, 100, 200);
        assertThat(names(a, EntityType.LOCATION)).contains("ベネズエラ", "シリア", "米国");
        assertThat(a.entities()).noneMatch(e -> e.text().chars().allMatch(c -> c < 0x250));
    }
}
