package org.claimdesk.extract;

import org.claimdesk.testing.SharedFixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Article extraction against Mozilla Readability's test pages (../shared/fixtures). See
 * {@link TokenOverlap} for how texts are compared and docs/benchmarks.md for the numbers.
 */
class ExtractionQualityTest {

    @Test
    void bodyTextTitlesAndBylinesAgreeWithReadabilitysExpectedOutput() throws Exception {
        Path pages = SharedFixtures.require("readability-test-pages");
        ExtractionQuality.Summary summary = ExtractionQuality.measure(pages);

        System.out.print(ExtractionQuality.table(summary));
        Path report = Path.of("target", "extraction-quality.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, ExtractionQuality.machineReadable(summary), StandardCharsets.UTF_8);

        assertThat(summary.pages()).hasSizeGreaterThanOrEqualTo(100);
        // Reached values, rounded down a little; raise them when the extractor gets better.
        assertThat(summary.meanF1()).as("mean token F1").isGreaterThanOrEqualTo(0.96);
        assertThat(summary.medianF1()).as("median token F1").isGreaterThanOrEqualTo(0.99);
        assertThat(summary.meanPrecision()).as("mean precision").isGreaterThanOrEqualTo(0.97);
        assertThat(summary.meanRecall()).as("mean recall").isGreaterThanOrEqualTo(0.93);
        assertThat(summary.titleAgreement()).as("title agreement").isGreaterThanOrEqualTo(0.82);
        assertThat(summary.titleAgreementBesidesSiteName()).as("title agreement besides a site-name part")
                .isGreaterThanOrEqualTo(0.93);
        assertThat(summary.bylineAgreement()).as("byline agreement").isGreaterThanOrEqualTo(0.80);
    }
}
