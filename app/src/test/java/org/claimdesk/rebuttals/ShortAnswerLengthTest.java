package org.claimdesk.rebuttals;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A short answer counted as each platform counts it, in the scripts analysts write in. */
class ShortAnswerLengthTest {
    @Test
    void japaneseWeighsTwiceOnXArabicOnceAndALinkIs23() {
        assertThat(ShortAnswerLength.xWeighted("ダムは無事")).isEqualTo(10);
        assertThat(ShortAnswerLength.xWeighted("السد سليم")).isEqualTo(9);
        assertThat(ShortAnswerLength.xWeighted("See https://example.org/a/very/long/path/to/the/fact-check")).isEqualTo(4 + 23);
        assertThat(ShortAnswerLength.withLinksAs23("See https://example.org/a/very/long/path")).isEqualTo(4 + 23);
    }

    @Test
    void whatAReaderSeesAsOneCharacterCountsOnceOnBluesky() {
        // a thumbs-up with a skin tone, and e + combining acute
        assertThat(ShortAnswerLength.graphemes("\uD83D\uDC4D\uD83C\uDFFD e\u0301")).isEqualTo(3);
    }

    @Test
    void aLongAnswerIsShownOverTheLimitsItBreaks() {
        List<ShortAnswerLength.Fit> fits = ShortAnswerLength.of("a".repeat(290));
        assertThat(fits).filteredOn(fit -> !fit.fits()).extracting(ShortAnswerLength.Fit::platform).containsExactly("X");
        assertThat(ShortAnswerLength.of("").stream().allMatch(ShortAnswerLength.Fit::fits)).isTrue();
    }

    @Test
    void aRatingScaleKeepsItsVerdictsBetweenItsWorstAndBest() {
        assertThat(RatingScale.DEFAULT.find("missing_context").orElseThrow().alternateName()).isEqualTo("Missing context");
        assertThatThrownBy(() -> new RatingScale(List.of(new RatingScale.Verdict("false", "False", 0)), 1, 5))
                .hasMessageContaining("outside 1 to 5");
        assertThatThrownBy(() -> new RatingScale.Verdict("False!", "False", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
