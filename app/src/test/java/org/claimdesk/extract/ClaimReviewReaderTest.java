package org.claimdesk.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ClaimReview files in the shapes fact-checkers publish, and what a user is told about bad records. */
class ClaimReviewReaderTest {
    @TempDir
    Path tmp;

    static Path fixture(String name) {
        try {
            return Path.of(ClaimReviewReaderTest.class.getResource("/factchecks/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ClaimReviewFile read(Path file) throws Exception {
        return new ClaimReviewReader().read(file);
    }

    @Test
    void anArrayOfRecordsInFourLanguages() throws Exception {
        ClaimReviewFile file = read(fixture("array.json"));

        assertThat(file.refused()).isEmpty();
        assertThat(file.records()).extracting(ClaimReviewFile.Found::where)
                .containsExactly("record 1", "record 2", "record 3", "record 4");
        ClaimReview english = file.records().get(0).review();
        assertThat(english.url()).isEqualTo("https://checks.example.org/en/5g-towers-spread-virus");
        assertThat(english.authorName()).isEqualTo("Example Checks");
        assertThat(english.rating()).isEqualTo(new ClaimReview.Rating("1", "5", "1", "False", true));
        assertThat(english.claimant()).isEqualTo("A viral post");
        assertThat(english.appearances()).containsExactly("https://social.example.net/p/5g");
        assertThat(english.datePublished()).isEqualTo(Instant.parse("2020-04-06T00:00:00Z"));
        ClaimReview arabic = file.records().get(1).review();
        assertThat(arabic.language()).isEqualTo("ar");
        assertThat(arabic.authorName()).isEqualTo("تحقق المثال");
        // words only, no numbers: a verdict, not an unknown scale
        assertThat(arabic.rating()).isEqualTo(new ClaimReview.Rating(null, null, null, "خطأ", true));
        assertThat(file.records().get(2).review().authorName()).isEqualTo("ファクトチェック例");
        ClaimReview spanish = file.records().get(3).review();
        assertThat(spanish.rating().scaleKnown()).isFalse();
        assertThat(spanish.rating().value()).isEqualTo("Falso");
        assertThat(spanish.datePublished()).isEqualTo(Instant.parse("2020-03-30T00:00:00Z"));
        assertThat(file.warnings()).anySatisfy(w -> {
            assertThat(w.where()).isEqualTo("record 4");
            assertThat(w.message()).contains("rating scale not understood", "\"Falso\"", "bestRating \"Verdadero\"",
                    "kept as given", "with its words \"Falso\"");
        });
    }

    @Test
    void jsonLinesNameTheLineOfEachBadRecordAndKeepTheGoodOnes() throws Exception {
        Path file = fixture("lines.jsonl");
        ClaimReviewFile read = read(file);

        assertThat(read.records()).extracting(ClaimReviewFile.Found::where).containsExactly("line 1", "line 4", "line 5");
        assertThat(read.refused()).extracting(p -> p.describe(file)).satisfiesExactly(
                broken -> assertThat(broken).startsWith(file + ": line 2: not valid JSON"),
                noUrl -> assertThat(noUrl).isEqualTo(file + ": line 3: has no url: a fact-check is known by its address, so it cannot be kept"));
        assertThat(read.records().get(1).review().language()).as("no inLanguage: decided on import").isNull();
        assertThat(read.records().get(0).review().dateModified()).isEqualTo(Instant.parse("2020-05-12T09:00:00Z"));
    }

    @Test
    void aSavedPageWithAGraph() throws Exception {
        ClaimReviewFile read = read(fixture("page.html"));

        assertThat(read.refused()).isEmpty();
        assertThat(read.records()).hasSize(1);
        ClaimReview review = read.records().getFirst().review();
        assertThat(read.records().getFirst().where()).isEqualTo("script 1, record 3");
        assertThat(review.url()).as("the page's canonical address").isEqualTo("https://checks.example.org/de/trinkwasser-beispielstadt");
        assertThat(review.authorName()).as("@id resolved in the graph").isEqualTo("Faktencheck Beispiel");
        assertThat(review.claimant()).isEqualTo("Ein Kanal");
        assertThat(review.appearances()).containsExactly("https://video.example.net/w/123");
        assertThat(review.rawJson()).contains("\"claimReviewed\":\"Das Trinkwasser in Beispielstadt ist seit Montag vergiftet\"");
    }

    @Test
    void aGraphWithoutUrlAndClaimIsRefusedWithReasons() throws Exception {
        Path file = Files.writeString(tmp.resolve("graph.json"), """
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "Organization", "name": "X"},
                  {"@type": "ClaimReview", "url": "https://x.example.org/1"},
                  {"@type": "ClaimReview", "url": "ftp://x.example.org/2", "claimReviewed": "A claim"}
                ]}
                """);
        ClaimReviewFile read = read(file);

        assertThat(read.records()).isEmpty();
        assertThat(read.refused()).extracting(p -> p.describe(file)).containsExactly(
                file + ": record 2: has no claimReviewed: there is no claim to match new ones against",
                file + ": record 3: url 'ftp://x.example.org/2' is not a web address (http or https)");
    }

    @Test
    void aSyntaxErrorInAnArrayKeepsTheRecordsBeforeIt() throws Exception {
        Path file = Files.writeString(tmp.resolve("cut.json"), """
                [{"@type": "ClaimReview", "url": "https://x.example.org/1", "claimReviewed": "One"},
                 {"@type": "ClaimReview", "url": "https://x.example.org/2", "claimReviewed": "Two"},
                 {"@type": "ClaimReview", "url": "https://x.example.org/3", "claimRev
                """);
        ClaimReviewFile read = read(file);

        assertThat(read.records()).hasSize(2);
        assertThat(read.refused()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("record 3 and after");
            assertThat(p.message()).contains("not valid JSON at line 3", "the 2 records before it were read");
        });
    }

    @Test
    void hugeFilesAndRecordsAreRefusedClearly() throws Exception {
        Path file = Files.writeString(tmp.resolve("big.json"), "[" + "{\"@type\":\"ClaimReview\",\"url\":\"https://x.example.org/1\","
                + "\"claimReviewed\":\"" + "a".repeat(3000) + "\"}," + "{\"@type\":\"ClaimReview\",\"url\":\"https://x.example.org/2\","
                + "\"claimReviewed\":\"short\"}]");

        ClaimReviewFile tooBigRecord = new ClaimReviewReader(1_000_000, 2048).read(file);
        assertThat(tooBigRecord.records()).extracting(f -> f.review().url()).containsExactly("https://x.example.org/2");
        assertThat(tooBigRecord.refused()).singleElement()
                .satisfies(p -> assertThat(p.describe(file)).isEqualTo(file + ": record 1: is 3 KB, over the 2 KB a record may have"));

        ClaimReviewFile tooBigFile = new ClaimReviewReader(1024, 2048).read(file);
        assertThat(tooBigFile.records()).isEmpty();
        assertThat(tooBigFile.refused()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("file");
            assertThat(p.message()).contains("over the", "nothing was read from it");
        });
    }

    @Test
    void otherThingsAreNamedNotGuessed() throws Exception {
        Path page = Files.writeString(tmp.resolve("plain.html"), "<html><body><p>No data here</p></body></html>");
        Path article = Files.writeString(tmp.resolve("article.json"), "{\"@type\": \"NewsArticle\", \"headline\": \"x\"}");
        Path empty = Files.writeString(tmp.resolve("empty.json"), "  \n");

        assertThat(read(page).refused()).extracting(ClaimReviewFile.Problem::message)
                .containsExactly("is a web page without JSON-LD (no <script type=\"application/ld+json\">)");
        assertThat(read(article).refused()).extracting(ClaimReviewFile.Problem::message)
                .containsExactly("is a NewsArticle, not a ClaimReview");
        assertThat(read(empty).refused()).extracting(ClaimReviewFile.Problem::message).containsExactly("is empty");
        assertThat(List.of(read(page), read(article), read(empty))).allSatisfy(f -> assertThat(f.records()).isEmpty());
    }
}
