package org.claimdesk.extract;

import org.claimdesk.source.PageSelectors;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleExtractorTest {
    private final ArticleExtractor extractor = new ArticleExtractor();

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ArticleExtractorTest.class.getResourceAsStream("/extract/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void arabicPageInWindows1256DeclaredByMetaIsDecodedAndCleaned() throws Exception {
        Article article = extractor.extract(fixture("arabic-windows-1256.html"), null,
                URI.create("https://news.example/nile"), PageSelectors.NONE);

        assertThat(article.text()).contains("قال مسؤولون محليون، صباح الاثنين، إن منسوب المياه في النهر ارتفع");
        assertThat(article.text().split("\n\n")).hasSize(3);
        assertThat(article.text()).doesNotContain("الرئيسية", "الأكثر قراءة", "جميع الحقوق محفوظة", "\uFFFD");
        assertThat(article.title()).isEqualTo("ارتفاع منسوب نهر النيل يثير القلق في القرى الشمالية");
        assertThat(article.byline()).isEqualTo("سارة محمود");
        assertThat(article.published()).isEqualTo(Instant.parse("2024-03-18T07:30:00Z"));
        assertThat(article.language()).isEqualTo("ar");
        assertThat(article.canonicalUrl()).isEqualTo(URI.create("https://news.example/nile"));
    }

    @Test
    void japanesePageInShiftJisKeepsItsParagraphsAndDropsShareBarAndAds() throws Exception {
        Article article = extractor.extract(fixture("japanese-shift-jis.html"), null,
                URI.create("https://city.example/library"), PageSelectors.NONE);

        assertThat(article.text().split("\n\n")).containsExactly(
                "市は十五日、駅前の中央図書館で夜間の開館を来月から始めると発表した。平日は午後十時まで利用できるようになり、仕事帰りの市民にも使いやすくなる。",
                "図書館によると、昨年行ったアンケートでは、回答者の六割以上が「夜も開いていてほしい」と答えていた。担当者は「学生や働く人の学びの場として活用してほしい」と話している。",
                "なお、夜間は貸し出しと返却、閲覧席の利用に限り、イベントの開催は予定していない。");
        assertThat(article.title()).isEqualTo("駅前の図書館が夜間開館を開始");
        assertThat(article.language()).isEqualTo("ja");
    }

    @Test
    void englishNewsPageLosesNavigationAdsShareBarRelatedLinksAndComments() throws Exception {
        Article article = extractor.extract(fixture("english-news.html"), "text/html; charset=utf-8",
                URI.create("https://www.riverside-courier.example/news/flood-barrier?utm_source=rss"), PageSelectors.NONE);

        String text = article.text();
        assertThat(text).startsWith("The city council voted on Wednesday evening to fund a new flood barrier");
        assertThat(text).contains("\n\nWhat residents said\n\n",
                "We have heard promises before. This time we want to see the diggers.",
                "Phase one covers the old mill district.\n\nPhase two extends the barrier to the railway bridge.",
                "detailed plans would be published for consultation in June.");
        assertThat(text).doesNotContain("ADVERTISEMENT", "Share on", "Related stories", "Bridge closed", "Comments",
                "First!", "Copyright", "newsletter", "tracking pixel", "Log in", "color: red",
                "Council approves new flood barrier"); // the headline is the title, not body text
        assertThat(text).doesNotContain("\n\n\n").doesNotContain("  ");
        assertThat(article.title()).isEqualTo("Council approves new flood barrier after decade of delays");
        assertThat(article.byline()).isEqualTo("Maria Jensen");
        assertThat(article.published()).isEqualTo(Instant.parse("2024-05-02T14:05:00Z"));
        assertThat(article.language()).isEqualTo("en-US");
        assertThat(article.canonicalUrl()).isEqualTo(
                URI.create("https://www.riverside-courier.example/news/2024/05/council-approves-flood-barrier?id=42"));
        assertThat(article.url()).isEqualTo(URI.create("https://www.riverside-courier.example/news/flood-barrier?utm_source=rss"));
    }

    @Test
    void selectorsFromFeedsYmlWinOverAutomaticExtraction() throws Exception {
        PageSelectors selectors = new PageSelectors(null, ".schlagzeile", ".autor", "time", ".inhalt");
        Article article = extractor.extract(fixture("selectors.html"), null, URI.create("https://stadt.example/rad"), selectors);

        assertThat(article.text()).isEqualTo("Die Stadt baut bis zum Herbst drei neue Radwege durch die Innenstadt.\n\n"
                + "Der Stadtrat hat das Projekt am Donnerstag beschlossen.");
        assertThat(article.title()).isEqualTo("Neue Radwege für die Innenstadt");
        assertThat(article.byline()).isEqualTo("Jonas Becker");
        assertThat(article.published()).isEqualTo(Instant.parse("2024-04-12T06:15:00Z"));
        assertThat(article.language()).isEqualTo("de");

        // Without the body selector the long teaser list wins, which is why the site has a selector.
        Article automatic = extractor.extract(fixture("selectors.html"), null, URI.create("https://stadt.example/rad"),
                PageSelectors.NONE);
        assertThat(automatic.text()).contains("automatisch erzeugte Übersicht");
        assertThat(automatic.title()).isEqualTo("Startseite");
    }

    @Test
    void selectorsThatMatchNothingFallBackToAutomatic() throws Exception {
        PageSelectors stale = new PageSelectors(null, ".gone-title", ".gone-author", ".gone-date", ".gone-body");
        Article article = extractor.extract(fixture("english-news.html"), null, URI.create("https://r.example/a"), stale);

        assertThat(article.text()).startsWith("The city council voted");
        assertThat(article.title()).isEqualTo("Council approves new flood barrier after decade of delays");
        assertThat(article.byline()).isEqualTo("Maria Jensen");
        assertThat(article.published()).isEqualTo(Instant.parse("2024-05-02T14:05:00Z"));
    }

    @Test
    void invalidSelectorIsReportedWithTheSelector() {
        PageSelectors broken = new PageSelectors(null, null, null, null, "div[[class");
        assertThatThrownBy(() -> extractor.extract(fixture("english-news.html"), null, URI.create("https://r.example/a"), broken))
                .isInstanceOf(ExtractException.class)
                .hasMessageContaining("body selector \"div[[class\"")
                .hasMessageContaining("https://r.example/a");
    }

    @Test
    void contentTypeCharsetWinsOverMetaAndBomWinsOverMeta() throws Exception {
        String page = "<html><head><meta charset=\"utf-8\"><title>t</title></head><body><p>Un café crème, s'il vous plaît, "
                + "avec un croissant et un journal du matin.</p></body></html>";
        byte[] latin1 = page.getBytes(StandardCharsets.ISO_8859_1);
        Article declared = extractor.extract(latin1, "text/html; charset=ISO-8859-1", URI.create("https://c.example/"), PageSelectors.NONE);
        assertThat(declared.text()).contains("Un café crème, s'il vous plaît");

        Article misdeclared = extractor.extract(latin1, "text/html", URI.create("https://c.example/"), PageSelectors.NONE);
        assertThat(misdeclared.text()).doesNotContain("café"); // meta says UTF-8 and that is all we know

        byte[] utf16 = ("\uFEFF" + page.replace("<meta charset=\"utf-8\">", "")).getBytes(StandardCharsets.UTF_16LE);
        Article bom = extractor.extract(utf16, null, URI.create("https://c.example/"), PageSelectors.NONE);
        assertThat(bom.text()).contains("Un café crème, s'il vous plaît");
    }

    @Test
    void notHtmlIsRefusedWithAClearMessage() {
        URI url = URI.create("https://files.example/report");
        byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> extractor.extract(pdf, null, url, PageSelectors.NONE))
                .isInstanceOf(ExtractException.class).hasMessageContaining("not HTML").hasMessageContaining("PDF")
                .hasMessageContaining(url.toString());
        assertThatThrownBy(() -> extractor.extract(new byte[]{1, 2, 3}, "image/png", url, PageSelectors.NONE))
                .isInstanceOf(ExtractException.class).hasMessageContaining("Content-Type is image/png");
        byte[] feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title></channel></rss>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> extractor.extract(feed, null, url, PageSelectors.NONE))
                .isInstanceOf(ExtractException.class).hasMessageContaining("RSS/Atom feed");
        byte[] json = "{\"not\": \"a page\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> extractor.extract(json, "application/json", url, PageSelectors.NONE))
                .isInstanceOf(ExtractException.class).hasMessageContaining("application/json");
        assertThatThrownBy(() -> extractor.extract(new byte[0], "text/html", url, PageSelectors.NONE))
                .isInstanceOf(ExtractException.class).hasMessageContaining("empty");
    }

    @Test
    void pageWithoutArticleTextIsRefused() {
        byte[] onlyFurniture = ("<html><head><title>Home</title><script>var lots = 'of script text';</script></head>"
                + "<body><nav><a href='/a'>A</a></nav><footer>© 2024</footer></body></html>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> extractor.extract(onlyFurniture, "text/html", URI.create("https://e.example/"), PageSelectors.NONE))
                .isInstanceOf(ExtractException.class).hasMessageContaining("no extractable text")
                .hasMessageContaining("https://e.example/");
    }

    @Test
    void insaneCanonicalLinkIsIgnoredForThePageUrl() throws Exception {
        byte[] page = ("<html><head><link rel=canonical href='javascript:alert(1)'><title>T</title></head><body>"
                + "<p>A paragraph long enough to count as the article text of this small page, with commas, too.</p>"
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
        Article article = extractor.extract(page, null, URI.create("HTTPS://Example.ORG:443/a?fbclid=x#frag"), PageSelectors.NONE);
        assertThat(article.canonicalUrl()).isEqualTo(URI.create("https://example.org/a"));
    }

    @Test
    void titleLosesTheSiteNameWhenOnlyTheDocumentTitleIsKnown() throws Exception {
        byte[] page = ("<html><head><title>Heavy rain closes mountain pass - Valley Herald</title></head><body>"
                + "<h1>Heavy rain closes mountain pass</h1><p>The pass was closed on Monday after heavy rain, "
                + "the roads authority said, and will stay closed until the weekend at least.</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        Article article = extractor.extract(page, null, URI.create("https://h.example/p"), PageSelectors.NONE);
        assertThat(article.title()).isEqualTo("Heavy rain closes mountain pass");
        assertThat(article.text()).startsWith("The pass was closed on Monday");
    }
}
