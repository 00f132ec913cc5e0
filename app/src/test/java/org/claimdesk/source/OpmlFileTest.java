package org.claimdesk.source;

import org.claimdesk.extract.CssSelectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OpmlFileTest {

    private static List<Source> read(String xml) throws Exception {
        return OpmlFile.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "subs.opml", CssSelectors.CHECK);
    }

    private static List<String> problems(String xml) {
        OpmlFileException e = catchThrowableOfType(OpmlFileException.class, () -> read(xml));
        assertThat(e).as("expected the OPML to be refused").isNotNull();
        return e.lines();
    }

    @Test
    void readsAFeedReaderExportWithFoldersAsTags() throws Exception {
        List<Source> sources;
        try (InputStream in = OpmlFileTest.class.getResourceAsStream("/source/reader-export.opml")) {
            sources = OpmlFile.read(in, "reader-export.opml", CssSelectors.CHECK);
        }
        assertThat(sources).extracting(Source::id).containsExactly(
                "bbc-news-world", "feeds-bbci-co-uk", "tagesschau-de", "full-fact", "misbar", "full-fact-2", "untitled");
        assertThat(sources).extracting(Source::kind).containsExactly(
                SourceKind.FEED, SourceKind.FEED, SourceKind.FEED, SourceKind.FEED, SourceKind.PAGE,
                SourceKind.FEED, SourceKind.FEED);
        assertThat(sources).extracting(Source::tags).containsExactly(
                List.of("News"), List.of("News"), List.of("News", "Deutsch"), List.of("Fact checks", "uk", "politics"),
                List.of("Fact checks"), List.of("Fact checks"), List.of());
        Source arabic = sources.get(1);
        assertThat(arabic.name()).isEqualTo("بي بي سي عربي");
        assertThat(arabic.languageHint()).isEqualTo("ar");
        assertThat(arabic.url()).isEqualTo(URI.create("https://feeds.bbci.co.uk/arabic/rss.xml"));
        assertThat(sources.get(2).url()).hasToString("https://www.tagesschau.de/index~rss2.xml");
        assertThat(sources.get(4).url()).hasToString("https://misbar.com/factcheck");
        assertThat(sources).allSatisfy(s -> {
            assertThat(s.enabled()).isTrue();
            assertThat(s.pollInterval()).isEqualTo(FeedsFileParser.DEFAULT_POLL_INTERVAL);
        });
    }

    @Test
    void roundTripKeepsEverySourceField(@TempDir Path dir) throws Exception {
        List<Source> original = List.of(
                new Source("bbc-arabic", "BBC عربي & \"friends\" <live>", URI.create("https://feeds.bbci.co.uk/arabic/rss.xml"),
                        SourceKind.FEED, "ar", List.of("news", "uk"), Duration.ofMinutes(15), true,
                        PageSelectors.NONE, true),
                new Source("dw-arabic", "DW عربية", URI.create("https://rss.dw.com/xml/rss-ar-all"), SourceKind.FEED,
                        "ar", List.of("news"), Duration.ofMinutes(30), false, PageSelectors.NONE, false),
                new Source("misbar", "Misbar", URI.create("https://misbar.com/factcheck?page=1&lang=ar"), SourceKind.PAGE,
                        "ar", List.of("fact-check", "ar"), Duration.ofHours(1), true,
                        new PageSelectors("h2 > a[href]", "h1", ".author", "time[datetime]", "article .content"), false),
                new Source("plain", "plain", URI.create("http://example.org/rss"), SourceKind.FEED, null,
                        List.of(), Duration.ofMinutes(90), true, PageSelectors.NONE, false),
                new Source("bbc-world", "BBC World", URI.create("https://feeds.bbci.co.uk/news/world/rss.xml"),
                        SourceKind.FEED, "en", List.of(), Duration.ofMinutes(30), true, PageSelectors.NONE,
                        ArticleFetching.NEVER, ArticleHosts.sameSiteAnd(List.of("bbc.com", "bbc.co.uk"))),
                new Source("anywhere", "anywhere", URI.create("https://e.example/rss"), SourceKind.FEED, null,
                        List.of(), Duration.ofMinutes(30), true, PageSelectors.NONE, ArticleFetching.AUTO, ArticleHosts.ANY));

        Path file = dir.resolve("export.opml");
        try (var out = Files.newOutputStream(file)) {
            OpmlFile.write(original, out);
        }
        assertThat(OpmlFile.read(file, CssSelectors.CHECK)).containsExactlyElementsOf(original);

        String xml = Files.readString(file);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\"")
                .contains("<outline type=\"rss\" text=\"BBC عربي &amp; &quot;friends&quot; &lt;live&gt;\"")
                .contains("xmlUrl=\"https://feeds.bbci.co.uk/arabic/rss.xml\"")
                .contains("<outline type=\"link\" text=\"Misbar\" title=\"Misbar\" url=\"https://misbar.com/factcheck?page=1&amp;lang=ar\"")
                .contains("<outline text=\"news\" title=\"news\">");
    }

    @Test
    void externalEntitiesAndDoctypesAreRefused(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        List<String> xxe = problems("""
                <?xml version="1.0"?>
                <!DOCTYPE opml [ <!ENTITY x SYSTEM "%s"> ]>
                <opml version="2.0"><body><outline type="rss" text="&x;" xmlUrl="https://a.example/"/></body></opml>
                """.formatted(secret.toUri()));
        assertThat(xxe).singleElement().asString()
                .startsWith("subs.opml:2:1: ")
                .contains("DOCTYPE declarations are not allowed")
                .doesNotContain("TOP-SECRET");

        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE opml [\n<!ENTITY a \"lol\">\n");
        for (char c = 'b'; c <= 'k'; c++) {
            laughs.append("<!ENTITY ").append(c).append(" \"").append(("&" + (char) (c - 1) + ";").repeat(10)).append("\">\n");
        }
        laughs.append("]>\n<opml><body><outline text=\"&k;\"/></body></opml>\n");
        assertThat(problems(laughs.toString())).singleElement().asString().contains("DOCTYPE declarations are not allowed");
    }

    @Test
    void malformedXmlIsReportedWithLineAndColumn() {
        assertThat(problems("""
                <?xml version="1.0"?>
                <opml version="2.0">
                  <body>
                    <outline type="rss" text="A" xmlUrl="https://a.example/">
                  </body>
                </opml>
                """)).singleElement().asString()
                .startsWith("subs.opml:5:5: not well-formed XML: The element type \"outline\" must be terminated");
        assertThat(problems("")).containsExactly("subs.opml:1:1: not well-formed XML: Premature end of file.");
    }

    @Test
    void badOutlinesAreAllReportedWithTheirPositions() {
        assertThat(problems("""
                <opml version="2.0">
                  <body>
                    <outline type="rss" text="No address"/>
                    <outline type="rss" text="Relative" xmlUrl="/feed.xml"/>
                    <outline type="rss" text="Local" xmlUrl="file:///etc/passwd"/>
                    <outline type="rss" text="Odd language" xmlUrl="https://a.example/" language="not a tag"/>
                  </body>
                </opml>
                """)).containsExactly(
                "subs.opml:3:5: outline 'No address' of type rss has no xmlUrl",
                "subs.opml:4:5: '/feed.xml' is not an absolute http(s) URL",
                "subs.opml:5:5: 'file:///etc/passwd' is not an absolute http(s) URL",
                "subs.opml:6:5: 'not a tag' is not a BCP 47 language tag; write e.g. ar, en, de, ja, fr, es or pt-BR");
    }

    @Test
    void aProblemPointsAtTheStartOfAnOutlineSpreadOverLines() {
        assertThat(problems("""
                <opml version="2.0"><body><outline text="عربي"/>  <outline type="rss"
                     text="عربي"
                     xmlUrl="htps://x"/></body></opml>
                """)).containsExactly("subs.opml:1:51: 'htps://x' is not an absolute http(s) URL");
    }

    @Test
    void otherXmlIsNotTakenForOpml() {
        assertThat(problems("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>\n")).singleElement()
                .asString().startsWith("subs.opml:2:1: ").endsWith("not an OPML file: the root element is <rss>, not <opml>");
    }

    @Test
    void readsLatin1DeclaredFiles() throws Exception {
        byte[] latin1 = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <opml version="1.1"><body><outline type="rss" text="Le Monde – Les Décodeurs" xmlUrl="https://www.lemonde.fr/les-decodeurs/rss_full.xml"/></body></opml>
                """.replace("–", "-").getBytes(StandardCharsets.ISO_8859_1);
        List<Source> sources = OpmlFile.read(new ByteArrayInputStream(latin1), "latin1.opml", CssSelectors.CHECK);
        assertThat(sources).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Le Monde - Les Décodeurs");
            assertThat(s.id()).isEqualTo("le-monde-les-decodeurs");
        });
    }

    @Test
    void anEmptyListIsWrittenAndReadBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OpmlFile.write(List.of(), out);
        assertThat(OpmlFile.read(new ByteArrayInputStream(out.toByteArray()), "empty.opml", CssSelectors.CHECK)).isEmpty();
    }
}
