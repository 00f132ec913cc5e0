package org.claimdesk.claims;

import org.claimdesk.testing.SharedFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our labelled real-news sentences resolve against the fixtures, and the shipped model ranks the
 * check-worthy ones above the rest where a set has any (figures in docs/benchmarks.md).
 */
class LabelledNewsTest {
    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "ja", "ru"})
    void everyLabelledSentenceIsStillInItsFixtureAndTheModelRanksClaimsFirst(String language) {
        Path fixtures = SharedFixtures.require("readability-test-pages").getParent();
        List<LabelledSentence> sentences = LabelledNewsSentences.read(fixtures, language);
        assertThat(sentences).hasSizeGreaterThan(100);

        List<CheckWorthinessMeasures.Judged> judged = CheckWorthinessMeasures.judge(ClaimScorer.bundled().model(), sentences);
        long positives = judged.stream().filter(CheckWorthinessMeasures.Judged::checkWorthy).count();
        double average = CheckWorthinessMeasures.averagePrecision(judged);
        double base = (double) positives / judged.size();
        long called = judged.stream().filter(CheckWorthinessMeasures.Judged::predicted).count();
        System.out.printf("labelled news %s: %d sentences, %d check-worthy; AP %.3f (chance %.3f), F1 %.3f;"
                        + " %d called check-worthy%n", language, judged.size(), positives, average, base,
                CheckWorthinessMeasures.positiveF1(judged), called);
        if (positives > 0) {
            assertThat(average).as("better than chance").isGreaterThan(base);
        }
    }
}
