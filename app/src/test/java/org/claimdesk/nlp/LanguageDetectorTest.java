package org.claimdesk.nlp;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {
    static final LanguageDetector detector = new LanguageDetector();

    @BeforeAll
    static void build() {
        detector.warmUp();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = LanguageDetectorTest.class.getResourceAsStream("/nlp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, String> multilingualSentences() throws IOException {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        resource("multilingual.tsv").lines().map(l -> l.split("\t", 2)).forEach(p -> byLanguage.put(p[0], p[1]));
        return byLanguage;
    }

    @Test
    void tellsTheTwelveWatchedLanguagesFromOneSentence() throws IOException {
        Map<String, String> sentences = multilingualSentences();
        assertThat(sentences).hasSize(12);
        sentences.forEach((tag, sentence) -> {
            DetectedLanguage detected = detector.detect(sentence, "en");
            assertThat(detected.tag()).as(sentence).isEqualTo(tag);
            assertThat(detected.basis()).isEqualTo(DetectedLanguage.Basis.TEXT);
        });
    }

    @Test
    void arabicBodyWinsOverEnglishBoilerplate() throws IOException {
        String page = resource("mixed-ar-page.txt");
        // The English lines are more numerous than the Arabic ones.
        assertThat(page.lines().filter(l -> l.chars().anyMatch(c -> c >= 'a' && c <= 'z')).count()).isGreaterThan(2);
        DetectedLanguage detected = detector.detect(page, "en");
        assertThat(detected.tag()).isEqualTo("ar");
        assertThat(detected.reliable()).isTrue();
    }

    @Test
    void aShortArabicArticleWinsOverMoreEnglishLettersInThePageFurniture() {
        String page = """
                Skip to main content and accessibility help
                We use cookies to give you the best online experience
                Please let us know if you agree to all of these cookies
                نفت وزارة الصحة الشائعات المتداولة على مواقع التواصل الاجتماعي حول لقاح جديد، وقالت إن الصور المنشورة قديمة ولا علاقة لها بحملة التطعيم الحالية التي بدأت الأسبوع الماضي.
                Related topics: health, vaccines, social media rumours
                Copyright 2026 Example News Network. All rights reserved
                Terms of use, privacy policy, cookies and how to contact us
                Follow us on social media for the latest updates
                Read about our approach to external linking
                """;
        long arabic = page.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC).count();
        long latin = page.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
        assertThat(latin).as("the furniture has more letters than the article").isGreaterThan(arabic * 2);
        assertThat(detector.detect(page, "en").tag()).isEqualTo("ar");
    }

    @Test
    void anEnglishFactCheckQuotingALongArabicClaimStaysEnglish() {
        String paragraph = "The claim spread on messaging apps on Monday and was shared thousands of times before the"
                + " ministry answered it. We traced the first post to an account created last month, compared the"
                + " photos with archived pictures from earlier floods and asked the water authority for its test results.";
        String quote = ("قال المنشور إن المياه في المدينة ملوثة بمواد كيميائية وإن السلطات تخفي الحقيقة عن السكان منذ أسابيع، "
                + "ودعا الناس إلى عدم شرب المياه وتخزين المياه المعبأة ومشاركة الرسالة مع الجميع. ").repeat(5);
        StringBuilder page = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            page.append(paragraph).append('\n');
            if (i == 3) {
                page.append(quote).append('\n'); // one very long line in another script
            }
        }
        long arabic = quote.codePoints().filter(Character::isLetter).count();
        long longestEnglish = paragraph.codePoints().filter(Character::isLetter).count();
        assertThat(arabic).as("the quotation is far longer than any English paragraph").isGreaterThan(longestEnglish * 3);
        assertThat(detector.detect(page.toString(), null).tag()).isEqualTo("en");
    }

    @Test
    void germanBodyWinsOverEnglishMenuInTheSameScript() {
        String page = """
                Home News Login Subscribe
                Share this article
                Die Behörden haben die Meldung über angeblich vergiftetes Trinkwasser in der Stadt als Falschmeldung bezeichnet.
                Nach Angaben des Wasserversorgers wurden alle Proben der vergangenen Woche geprüft und waren unauffällig.
                Read more
                """;
        assertThat(detector.detect(page, null).tag()).isEqualTo("de");
    }

    @Test
    void shortTextFallsBackToTheHint() {
        DetectedLanguage detected = detector.detect("Video 2:14", "ar-EG");
        assertThat(detected).isEqualTo(new DetectedLanguage("ar", false, DetectedLanguage.Basis.HINT));
        assertThat(detector.detect("", "fr_FR").tag()).isEqualTo("fr");
    }

    @Test
    void shortTextWithoutHintIsUndetermined() {
        assertThat(detector.detect("OK!", null)).isEqualTo(new DetectedLanguage("und", false, DetectedLanguage.Basis.NONE));
        assertThat(detector.detect(null, " ").tag()).isEqualTo("und");
    }

    @Test
    void theHintDoesNotOverrideClearText() {
        DetectedLanguage detected = detector.detect(
                "Le gouvernement a démenti mardi les rumeurs sur la fermeture des écoles publiques.", "de");
        assertThat(detected.tag()).isEqualTo("fr");
        assertThat(detected.basis()).isEqualTo(DetectedLanguage.Basis.TEXT);
    }
}
