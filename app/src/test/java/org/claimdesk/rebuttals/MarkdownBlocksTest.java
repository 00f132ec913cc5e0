package org.claimdesk.rebuttals;

import org.claimdesk.rebuttals.MarkdownBlocks.Block;
import org.claimdesk.rebuttals.MarkdownBlocks.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A rebuttal's Markdown as the preview shows it: what a reader of the published answer would see, nothing hidden. */
class MarkdownBlocksTest {
    @Test
    void headingsParagraphsListsQuotesAndLinksReadAsTheirWords() {
        String markdown = """
                # The dam did not burst

                The **water authority** inspected it at 07:00 and found it [intact](https://water.example/report).

                1. The video is from 2019.
                2. The place is 300 km away.
                   - nested detail

                > "It burst last night" — the viral post

                ---
                <script>alert(1)</script>
                """;
        assertThat(MarkdownBlocks.of(markdown)).containsExactly(
                new Block(Kind.HEADING, 1, 0, "The dam did not burst"),
                new Block(Kind.PARAGRAPH, 0, 0,
                        "The water authority inspected it at 07:00 and found it intact (https://water.example/report)."),
                new Block(Kind.NUMBERED, 1, 1, "The video is from 2019."),
                new Block(Kind.NUMBERED, 1, 2, "The place is 300 km away."),
                new Block(Kind.BULLET, 2, 0, "nested detail"),
                new Block(Kind.QUOTE, 0, 0, "\"It burst last night\" — the viral post"),
                new Block(Kind.RULE, 0, 0, ""),
                new Block(Kind.CODE, 0, 0, "<script>alert(1)</script>"));
    }

    @Test
    void arabicAndJapaneseTextComeThroughUnchanged() {
        assertThat(MarkdownBlocks.of("## السد سليم\n\nقالت **هيئة المياه** إن السد لم ينهار."))
                .extracting(Block::text).containsExactly("السد سليم", "قالت هيئة المياه إن السد لم ينهار.");
        assertThat(MarkdownBlocks.of("- ダムは決壊していない\n- 映像は2019年のもの"))
                .extracting(Block::text).containsExactly("ダムは決壊していない", "映像は2019年のもの");
    }

    @Test
    void blankTextHasNoBlocks() {
        assertThat(MarkdownBlocks.of("")).isEmpty();
        assertThat(MarkdownBlocks.of(null)).isEmpty();
        assertThat(MarkdownBlocks.of("   \n\n ")).isEmpty();
    }
}
