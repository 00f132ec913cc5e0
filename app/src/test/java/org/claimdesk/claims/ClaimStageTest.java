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
}
