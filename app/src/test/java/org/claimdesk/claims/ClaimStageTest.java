package org.claimdesk.claims;

import org.claimdesk.store.ClaimSentence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the claims stage keeps of an item's sentences, scored by the shipped model. */
class ClaimStageTest {
    private final ClaimStage.Scoring scoring = ClaimStage.bundled();

    @Test
    void keepsTheSentencesTheModelCallsCheckWorthyInTextOrderWithTheirCues() {
        String text = "What do you think about the floods?\n\n"
                + "The health ministry said 40 children were treated for cholera in Marsana last week. "
                + "I love this city. "
                + "Unemployment rose by 12 percent in 2025, according to the statistics office.";

        List<ClaimSentence> kept = ClaimStage.worthKeeping(7, scoring.score(text, "en", List.of()));

        assertThat(kept).extracting(ClaimSentence::sentence).contains(
                "The health ministry said 40 children were treated for cholera in Marsana last week.",
                "Unemployment rose by 12 percent in 2025, according to the statistics office.")
                .doesNotContain("I love this city.", "What do you think about the floods?");
        assertThat(kept).extracting(ClaimSentence::ordinal).isSorted();
        assertThat(kept).allSatisfy(sentence -> {
            assertThat(sentence.itemId()).isEqualTo(7);
            assertThat(text.substring(sentence.start(), sentence.end()).strip()).isEqualTo(sentence.sentence());
            assertThat(sentence.reasons()).isNotEmpty();
        });
    }

    @Test
    void anItemWithoutAClaimStillKeepsItsBestLineAndALongOneAtMostTwenty() {
        List<ClaimSentence> none = ClaimStage.worthKeeping(1, scoring.score("I love this city. Do you?", "en", List.of()));
        assertThat(none).hasSize(1);

        String many = "The ministry said 4,000 homes were flooded on Tuesday. ".repeat(40);
        assertThat(ClaimStage.worthKeeping(2, scoring.score(many, "en", List.of()))).hasSize(ClaimStage.MOST_PER_ITEM);
        assertThat(ClaimStage.worthKeeping(3, List.of())).isEmpty();
    }

    @Test
    void theReasonsAreTheFiveStrongestCuesAndTheNameTheSentenceMentionsTakesTheFifthPlace() {
        ClaimScore score = new ClaimScore(0.8, true, "en", -1.0, List.of(
                new Contribution("word:since", "word \u201csince\u201d", "since", 0.9),
                new Contribution("number", "numbers", "11", 0.8),
                new Contribution("reporting", "reporting verb", "told", 0.5),
                new Contribution("change", "rise or fall", "raised", 0.45),
                new Contribution("date", "date or year", "2024", 0.4),
                new Contribution("organization", "organisation named", "Federal Reserve", 0.3),
                new Contribution("person", "person named", "Elizabeth Warren", 0.02)));

        assertThat(ClaimStage.reasonsOf(score)).extracting(ClaimSentence.Reason::cue).containsExactly(
                "word \u201csince\u201d", "numbers \u201c11\u201d", "reporting verb \u201ctold\u201d",
                "rise or fall \u201craised\u201d", "organisation named \u201cFederal Reserve\u201d");
        assertThat(ClaimStage.reasonsOf(new ClaimScore(0.3, false, "en", -1.0, score.contributions().subList(0, 5))))
                .extracting(ClaimSentence.Reason::cue).as("no name, the five strongest")
                .endsWith("date or year \u201c2024\u201d");
    }
}
