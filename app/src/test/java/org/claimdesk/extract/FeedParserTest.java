package org.claimdesk.extract;

import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class FeedParserTest {

    private static final URI BASE = URI.create("https://feeds.example.org/some/feed.xml");
    private final FeedParser parser = new FeedParser();

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        }
    }

    private ParsedFeed parse(String name) throws Exception {
        return parser.parse(fixture(name), null, BASE);
    }

    @Test
    void rss091WithNetscapeDoctypeAndHtmlEntities() throws Exception {
        ParsedFeed feed = parse("rss091.xml");

        assertThat(feed.format()).startsWith("rss_0.91");
        assertThat(feed.title()).isEqualTo("Café Nachrichten");
        assertThat(feed.language()).isEqualTo("de");
        assertThat(feed.entries()).hasSize(2);
        FeedEntry first = feed.entries().getFirst();
        assertThat(first.title()).isEqualTo("Grüße aus München & Köln");
        assertThat(first.summary()).isEqualTo("Ein kurzer Bericht über den Café-Markt.");
        assertThat(first.id()).isEqualTo("https://cafe.example.de/artikel/1");
        // Relative item link resolves against the document's address.
        assertThat(feed.entries().get(1).link()).isEqualTo(URI.create("https://feeds.example.org/artikel/2"));
    }

    @Test
    void rss10RdfWithDublinCore() throws Exception {
        ParsedFeed feed = parse("rss10.xml");

        assertThat(feed.format()).isEqualTo("rss_1.0");
        assertThat(feed.language()).isEqualTo("en-GB");
        FeedEntry entry = feed.entries().getFirst();
        assertThat(entry.id()).isEqualTo("https://news.example.org/2024/05/flood");
        assertThat(entry.title()).isEqualTo("Flood rumours debunked");
        assertThat(entry.author()).isEqualTo("Ann Reporter, Ben Editor");
        assertThat(entry.published()).isEqualTo(Instant.parse("2024-05-03T06:30:00Z"));
        assertThat(entry.language()).isEqualTo("en-GB");
    }

    @Test
    void rss20WithContentEncodedIsPlainTextWithParagraphs() throws Exception {
        ParsedFeed feed = parse("rss20.xml");

        assertThat(feed.format()).isEqualTo("rss_2.0");
        assertThat(feed.title()).isEqualTo("Fact Check & Verify");
        assertThat(feed.link()).isEqualTo(URI.create("https://factcheck.example.com/"));
        assertThat(feed.language()).isEqualTo("en-US");
        FeedEntry first = feed.entries().getFirst();
        assertThat(first.id()).isEqualTo("fc-2024-0001");
        assertThat(first.title()).isEqualTo("Viral photo is not from 2024");
        assertThat(first.author()).isEqualTo("Maria Lopez");
        assertThat(first.published()).isEqualTo(Instant.parse("2024-05-07T14:05:00Z"));
        assertThat(first.summary()).isEqualTo("The photo first appeared in 2019.");
        assertThat(first.content()).isEqualTo("""
                The photo circulating this week shows a 2019 protest.

                Reverse image search finds it on our archive.
                It was cropped.

                Claim: new

                Verdict: false""");
        assertThat(first.content()).doesNotContain("alert", "color:red", "<");
        assertThat(first.bestText()).isEqualTo(first.content());
    }

    @Test
    void rss20ItemsWithoutGuidOrLinkOrStandardDate() throws Exception {
        ParsedFeed feed = parse("rss20.xml");

        FeedEntry relative = feed.entries().get(1);
        // Relative links resolve against the address the feed was fetched from.
        assertThat(relative.link()).isEqualTo(URI.create("https://feeds.example.org/relative/path?id=2"));
        assertThat(relative.id()).isEqualTo("https://feeds.example.org/relative/path?id=2");
        // Rome cannot read French day and month names; the tolerant parser can.
        assertThat(relative.published()).isEqualTo(Instant.parse("2024-05-15T07:00:00Z"));

        FeedEntry bare = feed.entries().get(2);
        assertThat(bare.link()).isNull();
        assertThat(bare.published()).isEqualTo(Instant.parse("2024-05-16T13:00:00Z"));
        assertThat(bare.id()).startsWith("sha256:");
        // Stable: the same entry gets the same id on the next poll.
        assertThat(parse("rss20.xml").entries().get(2).id()).isEqualTo(bare.id());
    }

    @Test
    void atom10WithXmlBaseAndRelativeLinks() throws Exception {
        ParsedFeed feed = parse("atom10.xml");

        assertThat(feed.format()).isEqualTo("atom_1.0");
        // type="text": the angle brackets are text, not markup.
        assertThat(feed.title()).isEqualTo("Le blog <vérifié>");
        assertThat(feed.link()).isEqualTo(URI.create("https://blog.example.net/fr/"));
        FeedEntry first = feed.entries().getFirst();
        assertThat(first.link()).isEqualTo(URI.create("https://blog.example.net/archives/2024/rumeur.html"));
        assertThat(first.title()).isEqualTo("Rumeur démentie");
        assertThat(first.author()).isEqualTo("Claire, Didier");
        assertThat(first.published()).isEqualTo(Instant.parse("2024-05-09T08:00:00Z"));
        assertThat(first.summary()).isEqualTo("Un résumé sur deux lignes.\n\nEt un second paragraphe.");
        assertThat(first.content()).isEqualTo("Premier paragraphe.\n\nSecond & dernier.");

        FeedEntry second = feed.entries().get(1);
        assertThat(second.link()).isEqualTo(URI.create("https://blog.example.net/fr/sans-date"));
        // No published date: the updated date stands in.
        assertThat(second.published()).isEqualTo(Instant.parse("2024-05-11T08:00:00Z"));
    }

    @Test
    void arabicWindows1256() throws Exception {
        ParsedFeed feed = parse("arabic-windows-1256.xml");

        assertThat(feed.title()).isEqualTo("أخبار اليوم");
        assertThat(feed.language()).isEqualTo("ar");
        assertThat(feed.entries().getFirst().title()).isEqualTo("الحكومة تنفي الشائعات");
        assertThat(feed.entries().getFirst().summary()).isEqualTo("نفت الوزارة ما تداولته مواقع التواصل.");
    }

    @ParameterizedTest
    @CsvSource({"japanese-shift_jis.xml", "japanese-euc-jp.xml"})
    void japaneseLegacyEncodings(String fixture) throws Exception {
        ParsedFeed feed = parse(fixture);

        assertThat(feed.title()).isEqualTo("ニュース速報");
        assertThat(feed.language()).isEqualTo("ja");
        assertThat(feed.entries().getFirst().title()).isEqualTo("地震のデマに注意（気象庁）");
        assertThat(feed.entries().getFirst().summary()).isEqualTo("「明日大地震が起きる」という投稿は誤りです。");
    }

    @Test
    void utf16WithBom() throws Exception {
        ParsedFeed feed = parse("utf16-bom.xml");

        assertThat(feed.title()).isEqualTo("Übersicht — العربية — 日本語");
        assertThat(feed.entries().getFirst().title()).isEqualTo("\uD83D\uDCF0 Emoji outside the BMP");
    }

    /** The same document in each Unicode form, with and without BOM, must read the same. */
    @ParameterizedTest
    @CsvSource({"UTF-16BE,true", "UTF-16BE,false", "UTF-16LE,true", "UTF-16LE,false",
            "UTF-32BE,true", "UTF-32BE,false", "UTF-32LE,true", "UTF-32LE,false", "UTF-8,true", "UTF-8,false"})
    void unicodeFormsWithAndWithoutBom(String charsetName, boolean bom) throws Exception {
        String declared = charsetName.startsWith("UTF-8") ? "UTF-8" : charsetName.substring(0, 6);
        String xml = new String(fixture("arabic-windows-1256.xml"), Charset.forName("windows-1256"))
                .replace("windows-1256", declared);
        byte[] body = ((bom ? "\uFEFF" : "") + xml).getBytes(Charset.forName(charsetName));

        ParsedFeed feed = parser.parse(body, null, BASE);

        assertThat(feed.entries().getFirst().title()).isEqualTo("الحكومة تنفي الشائعات");
    }

    @Test
    void contentTypeCharsetWinsOverTheDeclaration() throws Exception {
        byte[] body = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <rss version="2.0"><channel><title>Ελληνικά</title><link>https://gr.example/</link>
                <description>d</description></channel></rss>""".getBytes(Charset.forName("ISO-8859-7"));

        ParsedFeed feed = parser.parse(body, "application/rss+xml; charset = ISO-8859-7", BASE);

        assertThat(feed.title()).isEqualTo("Ελληνικά");
    }

    @Test
    void utf8FeedServedWithADefaultLatin1HeaderIsNotMojibake() throws Exception {
        byte[] body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Übersicht für Köln</title><link>https://de.example/</link>
                <description>d</description></channel></rss>""".getBytes(StandardCharsets.UTF_8);

        ParsedFeed feed = parser.parse(body, "text/xml; charset=ISO-8859-1", BASE);

        assertThat(feed.title()).isEqualTo("Übersicht für Köln");
    }

    @Test
    void billionLaughsIsRefusedQuicklyWithAClearMessage() throws Exception {
        byte[] body = fixture("billion-laughs.xml");

        ExtractException refused = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> catchExtract(body));

        assertThat(refused.getMessage())
                .startsWith("refused: the document declares a DTD with an internal subset at line 2")
                .contains("billion laughs");
        assertThat(refused.getMessage()).doesNotContain("lollol");
    }

    @Test
    void romeItselfRefusesAnyDoctypeWhenDoctypesAreNotAllowed() {
        // The protection comes from Rome's parser set-up; this pins that behaviour of Rome 2.1.0.
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        String xml = new String(assertDoesNotThrowRead("billion-laughs.xml"), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> input.build(new StringReader(xml)))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("DOCTYPE is disallowed");
    }

    @Test
    void externalEntityPointingAtALocalFileIsNotExpanded(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-7f3a9c");
        byte[] body = new String(fixture("xxe-local-file.xml"), StandardCharsets.UTF_8)
                .replace("@SECRET_URI@", secret.toUri().toString()).getBytes(StandardCharsets.UTF_8);

        ExtractException refused = catchExtract(body);

        assertThat(refused.getMessage()).startsWith("refused:").doesNotContain("TOP-SECRET");
        assertThat(String.valueOf(refused.getCause())).doesNotContain("TOP-SECRET");
    }

    @Test
    void externalDtdOnlyDoctypeIsNeverFetched() throws Exception {
        // Points at a port nothing listens on: a fetch would fail or hang; the parse must not care.
        byte[] body = """
                <?xml version="1.0"?>
                <!DOCTYPE rss SYSTEM "http://127.0.0.1:9/never-fetched.dtd">
                <rss version="2.0"><channel><title>T</title><link>https://x.example/</link>
                <description>d</description></channel></rss>""".getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(body, null, BASE).title()).isEqualTo("T");
    }

    @Test
    void malformedXmlSaysWhereAndWhat() throws Exception {
        ExtractException e = catchExtract(fixture("malformed.xml"));

        assertThat(e.getMessage()).isEqualTo("malformed XML at line 13, column 5: The element type \"item\""
                + " must be terminated by the matching end-tag \"</item>\".");
    }

    @Test
    void htmlPageIsNotAFeed() throws Exception {
        assertThat(catchExtract(fixture("html-page.html")).getMessage())
                .isEqualTo("not an RSS or Atom feed: root element <html>");
    }

    @Test
    void emptyFileIsNotAFeed() throws Exception {
        assertThat(catchExtract(fixture("empty.xml")).getMessage())
                .isEqualTo("not an RSS or Atom feed: the document is empty");
        assertThat(catchExtract("  \n ".getBytes(StandardCharsets.UTF_8)).getMessage())
                .contains("only whitespace");
    }

    @Test
    void jsonFeedIsNotAnRssOrAtomFeed() {
        byte[] json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}".getBytes(StandardCharsets.UTF_8);

        assertThat(catchExtract(json).getMessage()).startsWith("not an RSS or Atom feed: the document looks like JSON");
    }

    @Test
    void lenientRetryRepairsHarmlessBreakage() throws Exception {
        byte[] body = ("Warning: something in /var/www/feed.php on line 3\n"
                + "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Tom & Jerry\u0001</title>"
                + "<link>https://x.example/</link><description>caf&eacute;</description></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);

        ParsedFeed feed = parser.parse(body, null, BASE);

        assertThat(feed.title()).isEqualTo("Tom & Jerry");
    }

    @Test
    void atomFeedWithoutNamespaceIsRecognised() throws Exception {
        byte[] body = """
                <feed><title>No namespace</title><id>urn:x</id><updated>2024-01-01T00:00:00Z</updated>
                <entry><title>E</title><id>urn:x:1</id><updated>2024-01-02T00:00:00Z</updated>
                <link href="https://x.example/1"/></entry></feed>""".getBytes(StandardCharsets.UTF_8);

        ParsedFeed feed = parser.parse(body, null, BASE);

        assertThat(feed.format()).isEqualTo("atom_1.0");
        assertThat(feed.entries().getFirst().link()).isEqualTo(URI.create("https://x.example/1"));
    }

    @Test
    void windows1252CharactersMisreadAsLatin1AreRepaired() throws Exception {
        // "don\u0092t" is what a windows-1252 apostrophe becomes when someone decoded it as ISO-8859-1.
        byte[] body = "<rss version=\"2.0\"><channel><title>don\u0092t</title><link>https://x.example/</link><description>d</description></channel></rss>"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(body, null, BASE).title()).isEqualTo("don\u2019t");
    }

    @Test
    void tolerantDatesCoverCommonVariants() {
        assertThat(FeedDates.parse("Sat, Dec 29 2018 10:00:00 PM")).isEqualTo(Instant.parse("2018-12-29T22:00:00Z"));
        assertThat(FeedDates.parse("Tue, 10 Nov 2020 12:00:00 Z")).isEqualTo(Instant.parse("2020-11-10T12:00:00Z"));
        assertThat(FeedDates.parse("2020-11-10 12:00:00 +0100")).isEqualTo(Instant.parse("2020-11-10T11:00:00Z"));
        assertThat(FeedDates.parse("2020-11-10T12:00+01:0")).isEqualTo(Instant.parse("2020-11-10T11:00:00Z"));
        assertThat(FeedDates.parse("Montag, 9. November 2020 08:15")).isEqualTo(Instant.parse("2020-11-09T08:15:00Z"));
        assertThat(FeedDates.parse("12 dic 2020")).isEqualTo(Instant.parse("2020-12-12T00:00:00Z"));
        assertThat(FeedDates.parse("Tue, 10 Nov 2020 12:00:00 XYZ")).as("unknown zone").isNull();
        assertThat(FeedDates.parse("yesterday")).isNull();
    }

    private ExtractException catchExtract(byte[] body) {
        try {
            parser.parse(body, null, BASE);
        } catch (ExtractException e) {
            return e;
        }
        throw new AssertionError("expected an ExtractException");
    }

    private static byte[] assertDoesNotThrowRead(String name) {
        try {
            return fixture(name);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void onlyHttpLinksWithoutCredentialsAreKept() throws Exception {
        String rss = """
                <rss version="2.0"><channel><title>t</title><link>javascript:alert(1)</link>
                <item><title>script</title><link>javascript:alert(document.cookie)</link></item>
                <item><title>file</title><link>file:///etc/passwd</link></item>
                <item><title>data</title><link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link></item>
                <item><title>mail</title><link>mailto:desk@example.org</link></item>
                <item><title>credentials</title><link>http://user:password@news.example.org/a?b=1#c</link></item>
                <item><title>relative</title><link>/story/2</link></item>
                </channel></rss>
                """;
        ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), null, BASE);

        assertThat(feed.link()).isNull();
        assertThat(feed.entries()).extracting(FeedEntry::link).containsExactly(null, null, null, null,
                URI.create("http://news.example.org/a?b=1#c"), URI.create("https://feeds.example.org/story/2"));
        // Rome's stand-in id for an entry without a guid is its raw link: a refused one is not kept either
        assertThat(feed.entries()).extracting(FeedEntry::id)
                .noneMatch(id -> id.contains("javascript") || id.contains("file:") || id.contains("data:")
                        || id.contains("mailto:") || id.contains("password"));
    }
}
