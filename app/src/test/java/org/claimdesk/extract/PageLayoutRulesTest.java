package org.claimdesk.extract;

import org.claimdesk.source.PageSelectors;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Layouts whose markup says little about what is the article: an old CMS's table cell with
 * paragraphs separated by line breaks, generated class names, comments and forms known only by
 * their shape. Each page is small and written for the rule it shows; the test asserts the text a
 * user gets to read.
 */
class PageLayoutRulesTest {
    private static final String FIRST = "The harbour board agreed on Monday to repair the north pier before the winter storms, "
            + "after engineers found cracks in three of its concrete supports.";
    private static final String SECOND = "Repairs will begin next month and are expected to take eleven weeks, "
            + "during which the ferry to the islands will leave from the south quay instead.";
    private static final String THIRD = "Fishermen who moor at the pier said they had warned the board about the damage "
            + "for two years, and welcomed the decision even though it came late.";
    /** Long enough that the first, strictest attempt is kept (shorter text is tried again with less pruning). */
    private static final String FOURTH = "The board's chair, Ingrid Solberg, told the meeting that the cost would be met from the "
            + "maintenance reserve, so that harbour dues would not rise this year, and that a full survey of the other piers "
            + "would follow in the spring.";
    private static final String TITLE = "Harbour board orders repairs to the north pier";

    private static final String ARTICLE = String.join("\n\n", FIRST, SECOND, THIRD, FOURTH);

    private final ArticleExtractor extractor = new ArticleExtractor();

    private String extract(String body) throws ExtractException {
        String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + TITLE + " | Harbour News</title></head><body>"
                + body + "</body></html>";
        return extractor.extract(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8",
                URI.create("https://harbour.example/news/1"), PageSelectors.NONE).text();
    }

    private static String comment(String who, String when, String text) {
        return "<tr><td class=\"ch\">" + who + " - " + when + "</td></tr><tr><td class=\"ct\">" + text + "</td></tr>";
    }

    @Test
    void tableCellWithLineBreakParagraphsGivesTheArticleWithoutHeadlineRelatedLinksAndComments() throws Exception {
        String text = extract("""
                <table width="100%%"><tr><td colspan="3"><img src="/logo.gif" alt="Harbour News"><br>
                <a href="/1">Home</a> | <a href="/2">Port</a> | <a href="/3">Weather</a></td></tr>
                <tr><td width="180" valign="top">
                <a href="/a">Ferry timetable changes for the holidays</a><br><a href="/b">Lighthouse open to visitors again</a><br>
                <a href="/c">New crane arrives at the container terminal</a><br><a href="/d">Sailing club elects its first woman captain</a><br>
                </td><td valign="top">
                <font size="4"><b>%s</b></font><br><span>2024-10-07 09:30 Anna Berg</span><br>
                <a href="#">print</a> | <a href="#">email</a><br><br>
                %s<br><br>
                %s<br><br>
                %s<br><br>
                %s<br><br>
                <table><tr><td><b>Related</b></td></tr>
                <tr><td>· <a href="/e">Storm damage closes the old slipway</a></td></tr>
                <tr><td>· <a href="/f">Pier tolls to rise next spring</a></td></tr>
                <tr><td>· <a href="/g">Divers inspect the harbour wall</a></td></tr>
                <tr><td>· <a href="/h">Board publishes its spending plan</a></td></tr></table>
                <table width="100%%"><tr><th>Comments</th></tr>%s%s%s</table>
                </td><td width="200" valign="top"><b>Most read</b><br><a href="/i">Tides for the week</a><br></td></tr></table>
                """.formatted(TITLE, FIRST, SECOND, THIRD, FOURTH,
                comment("seagull_12", "2024-10-07 10:02", "About time too, the pier has been falling apart for years and everyone knew it."),
                comment("old_salt", "2024-10-07 10:40", "My boat has been tied up there since the spring, so I will have to find another mooring."),
                comment("marina", "2024-10-07 11:15", "Eleven weeks sounds optimistic to me, given how long the last repairs took.")));

        assertThat(text).isEqualTo(ARTICLE);
    }

    @Test
    void generatedClassNamesWithStandfirstBylineAndNewsletterBoxGiveTheArticleOnce() throws Exception {
        String text = extract("""
                <div id="app"><div class="css-1q2w3e"><a class="css-9o8i7u" href="/s/1">Home</a><a class="css-9o8i7u" href="/s/2">Port</a></div>
                <div class="css-4r5t6y"><div class="css-7u8i9o"><h1 class="css-0p1a2s">%s</h1>
                <p class="css-3d4f5g">%s</p>
                <div class="css-6h7j8k"><span>By Anna Berg</span><span>2024-10-07 09:30</span></div></div>
                <div class="css-9l0z1x">
                <div class="css-2c3v4b"><p class="css-5n6m7q">%s</p></div>
                <div class="css-2c3v4b"><p class="css-5n6m7q">%s</p></div>
                <div class="css-8w9e0r"><p>Get the harbour briefing in your inbox every morning. Sign up, it is free and you can leave at any time.</p>
                <form><input type="email" placeholder="Email"><button>Sign up</button></form></div>
                <div class="css-2c3v4b"><p class="css-5n6m7q">%s</p></div>
                <div class="css-2c3v4b"><p class="css-5n6m7q">%s</p></div></div>
                <div class="css-1t2y3u"><h2>More from the port</h2><ul><li><a href="/e">Storm damage closes the old slipway</a></li>
                <li><a href="/f">Pier tolls to rise next spring</a></li><li><a href="/g">Divers inspect the harbour wall</a></li></ul></div>
                </div></div>
                """.formatted(TITLE, FIRST, FIRST, SECOND, THIRD, FOURTH));

        assertThat(text).isEqualTo(ARTICLE);
    }

    @Test
    void everyParagraphInAWrapperOfItsOwnKeepsTheShortParagraphsBesideALongOne() throws Exception {
        String longParagraph = "Engineers from the port authority inspected the pier three times this autumn and found that "
                + "the cracks ran through the supports on the seaward side where the waves strike hardest. The steel inside "
                + "the concrete was laid in 1968 and has begun to rust, so the repairs could not wait until the spring as "
                + "the board had first hoped. The heaviest lorries have been kept off the pier since Friday, and the fuel "
                + "tankers that supply the island ferries now load at the south quay. The board expects the pier to reopen "
                + "to all traffic before the end of January if the weather allows the divers to work.";
        String shortOne = "The ferry will leave from the south quay until the work is done.";
        String shortTwo = "Harbour dues will not rise this year.";
        String text = extract("""
                <div class="css-a1"><h1 class="css-b2">%s</h1>
                <div class="css-c3"><p class="css-d4">%s</p></div>
                <div class="css-c3"><p class="css-d4">%s</p></div>
                <div class="css-c3"><p class="css-d4">%s</p></div>
                <div class="css-f6"><h2>More from the port</h2><ul><li><a href="/e">Storm damage closes the old slipway</a></li>
                <li><a href="/f">Pier tolls to rise next spring</a></li></ul></div></div>
                """.formatted(TITLE, shortOne, shortTwo, longParagraph));

        assertThat(text).isEqualTo(String.join("\n\n", shortOne, shortTwo, longParagraph));
    }

    @Test
    void readerCommentsInsideTheArticlesContainerAreKnownByTheirRepeatedWhoAndWhenLines() throws Exception {
        String text = extract("""
                <div class="x1"><div class="x2"><p>%s</p><p>%s</p><p>%s</p><p>%s</p>
                <div class="x3"><h3>What readers say</h3>
                <div class="x4"><div class="x5"><b>seagull_12</b> <time>7 Oct, 10:02</time></div>
                <p>About time too, the pier has been falling apart for years and everyone knew it.</p></div>
                <div class="x4"><div class="x5"><b>old_salt</b> <time>7 Oct, 10:40</time></div>
                <p>My boat has been tied up there since the spring, so I will have to find another mooring.</p></div>
                <div class="x4"><div class="x5"><b>marina</b> 11:15</div>
                <p>Eleven weeks sounds optimistic to me, given how long the last repairs took.</p></div>
                </div></div></div>
                """.formatted(FIRST, SECOND, THIRD, FOURTH));

        assertThat(text).isEqualTo(ARTICLE);
    }

    @Test
    void referencesEndingInTheirDatesAndTablesOfDataStayWithTheArticle() throws Exception {
        String text = extract("""
                <div class="x1"><p>%s</p><p>%s</p>
                <table><tr><td>Support</td><td>Crack width</td></tr><tr><td>North 1</td><td>4 mm</td></tr>
                <tr><td>North 2</td><td>7 mm</td></tr><tr><td>North 3</td><td>2 mm</td></tr></table>
                <p>%s</p><p>%s</p>
                <h3>Sources</h3><ol>
                <li>Harbour board. "Minutes of the meeting of 7 October". Retrieved 2024-10-08.</li>
                <li>Coastal Engineering Ltd. "Survey of the north pier supports". Published 2024-09-30.</li>
                <li>Berg, A. "Pier repairs delayed again". Harbour News, 2023-11-02.</li></ol></div>
                """.formatted(FIRST, SECOND, THIRD, FOURTH));

        assertThat(text).contains(ARTICLE.substring(0, 40), SECOND, THIRD, FOURTH, "North 2 7 mm", "Minutes of the meeting of 7 October",
                "Survey of the north pier supports", "Pier repairs delayed again");
    }

    @Test
    void aShortArticleKeepsItsOwnTextOverALongerReaderComment() throws Exception {
        String comment = "I have sailed from this harbour for forty years, and I can tell you that the north pier has been "
                + "unsafe since the storm of the winter before last, when the waves broke over it for three days, and nobody "
                + "from the board came to look, not once, although we wrote to them every month and the local paper printed "
                + "our letters, and the insurance for the boats went up twice because of it.";
        String text = extract("""
                <div class="site"><article class="post hentry"><h1 class="entry-title">%s</h1>
                <div class="entry-content"><p>%s</p><p>%s</p></div></article>
                <div id="comments" class="comments-area"><h2>Comments</h2><ol class="comment-list">
                <li class="comment"><b>old_salt</b><div class="comment-content"><p>%s</p></div></li>
                <li class="comment"><b>marina</b><div class="comment-content"><p>Good news at last.</p></div></li></ol></div></div>
                """.formatted(TITLE, FIRST, SECOND, comment));

        assertThat(text).isEqualTo(FIRST + "\n\n" + SECOND);
    }

    @Test
    void aFormAroundTheWholePageAndRepeatsSideBySideAreKept() throws Exception {
        // Some site builders wrap the whole page in one form; only short boxes around a form are furniture.
        String text = extract("""
                <form id="page-form" action="/post"><input type="hidden" name="state" value="x">
                <div><input type="text" name="q"><button>Search</button></div>
                <div class="x1"><p>%s</p><p>%s</p><p>%s</p><p>%s</p><p>%s</p></div></form>
                """.formatted(FIRST, SECOND, THIRD, THIRD, FOURTH));

        assertThat(text).isEqualTo(String.join("\n\n", FIRST, SECOND, THIRD, THIRD, FOURTH));
    }
}
