package org.claimdesk.claims;

import org.claimdesk.nlp.EntityType;
import org.claimdesk.nlp.NamedEntity;
import org.claimdesk.testing.SharedFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped model on sentences an analyst would judge at a glance, in several languages. */
class ClaimScorerTest {
    private final ClaimScorer scorer = ClaimScorer.bundled();

    private double score(String sentence, String language) {
        return scorer.score(sentence, language, List.of()).score();
    }

    @Test
    void aFactualSentenceWithNumbersOutranksAQuestionAndAnOpinion() {
        double claim = score("Unemployment fell to 4.2 percent last year, according to the Labor Department.", "en");
        assertThat(claim).isGreaterThan(score("What do you think we should do about it?", "en"))
                .isGreaterThan(score("I think this is a wonderful country and I love it.", "en"))
                .isGreaterThan(0.5);
    }

    @Test
    void theScoreSaysWhatMadeIt() {
        ClaimScore claim = scorer.score("The government spent $4 billion on the program in 2019, the minister said.", "en", List.of());
        assertThat(claim.contributions()).extracting(Contribution::feature).contains("number", "money");
        assertThat(claim.top(3)).allSatisfy(c -> assertThat(c.weight()).isNotZero());
        ClaimScore question = scorer.score("Why would anyone believe that?", "en", List.of());
        assertThat(question.contributions()).anySatisfy(c -> {
            assertThat(c.feature()).isEqualTo("question");
            assertThat(c.weight()).isNegative();
            assertThat(c.toString()).startsWith("question \u2212");
        });
    }

    @Test
    void arabicGermanAndJapaneseClaimsOutrankTheirSmallTalk() {
        assertThat(score("قال وزير الصحة إن عدد الإصابات ارتفع إلى 1200 حالة أمس", "ar"))
                .isGreaterThan(score("اللهم اجعل هذا اليوم يوما سعيدا للجميع", "ar"));
        // German has no training data: the cue-only weights every other language uses
        assertThat(scorer.score("Die Arbeitslosigkeit stieg laut Bundesagentur im März auf 6,1 Prozent.", "de", List.of())
                .modelLanguage()).isEqualTo(CheckWorthinessModel.ANY_LANGUAGE);
        assertThat(score("Die Arbeitslosigkeit stieg laut Bundesagentur im März auf 6,1 Prozent.", "de"))
                .isGreaterThan(score("Was denkst du darüber?", "de"));
        assertThat(score("厚生労働省によると、昨年の失業率は2.6%に上昇した。", "ja"))
                .isGreaterThan(score("皆さん、ありがとうございます！", "ja"));
    }

    @Test
    void sentencesOfATextKeepTheirOffsetsAndTheirEntities() {
        String text = "Thank you all for coming.\nThe senator said 40% of the budget goes to defence. Is that fair?";
        int senator = text.indexOf("senator");
        List<ScoredSentence> sentences = scorer.scoreSentences(text, "en",
                List.of(new NamedEntity("senator", EntityType.PERSON, senator, senator + 7)));
        assertThat(sentences).extracting(ScoredSentence::text).containsExactly(
                "Thank you all for coming.", "The senator said 40% of the budget goes to defence.", "Is that fair?");
        assertThat(sentences).allSatisfy(s -> assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text()));
        ScoredSentence claim = sentences.get(1);
        assertThat(claim.score().score()).isGreaterThan(sentences.get(0).score().score())
                .isGreaterThan(sentences.get(2).score().score());
        assertThat(claim.score().checkWorthy()).isTrue();
    }

    @Test
    void emptyAndHugeInputAreHandled() {
        assertThat(scorer.scoreSentences("", "en", null)).isEmpty();
        assertThat(scorer.score("", "xx", null).score()).isBetween(0.0, 1.0);
        String huge = "The budget grew by 5 percent. ".repeat(3_400).replace(". ", " and ") + "end";
        assertThat(huge.length()).isGreaterThan(100_000);
        assertThat(scorer.score(huge, "en", List.of()).score()).isBetween(0.0, 1.0);
    }

    @Test
    void theShippedModelStillRanksTheEnglishDevSplit() throws IOException {
        Path data = SharedFixtures.require("checkworthiness");
        List<LabelledSentence> dev = CheckWorthinessFixtures.ct24(data, "en", "dev");
        double f1 = CheckWorthinessMeasures.positiveF1(CheckWorthinessMeasures.judge(scorer.model(), dev));
        assertThat(f1).as("F1 of the check-worthy class on CT24 en dev").isGreaterThan(0.8);
    }
}
