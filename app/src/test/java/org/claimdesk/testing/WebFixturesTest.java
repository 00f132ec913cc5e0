package org.claimdesk.testing;

import org.claimdesk.fetch.FetchRequest;
import org.claimdesk.fetch.FetchResult;
import org.claimdesk.fetch.HttpFetcher;
import org.claimdesk.source.FetchSettings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Keeps the promises of src/test/resources/web/README.md: encodings as declared, every feed link
 * served by {@link LoopbackServer#serveResourceFolder}, hostile feeds hostile in the way described.
 */
class WebFixturesTest {

    private static LoopbackServer server;
    private static HttpFetcher fetcher;

    @BeforeAll
    static void start() {
        server = LoopbackServer.start()
                .serveResourceFolder("/", "web")
                .serveResource("/feeds/ar-rss-windows1256-header-charset.xml",
                        "web/feeds/ar-rss-windows1256-header-charset.xml", "application/rss+xml; charset=windows-1256");
        fetcher = new HttpFetcher(new FetchSettings(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(5),
                1024 * 1024, 3, FetchSettings.DEFAULT_USER_AGENT, 4));
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        server.close();
    }

    private static FetchResult.Body get(String path) throws Exception {
        return (FetchResult.Body) fetcher.fetch(FetchRequest.of(server.uri(path)));
    }

    /** Namespace-aware, no DTDs at all: how a feed reader should parse. */
    private static org.w3c.dom.Document parseFeed(InputSource source) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return parseQuietly(factory, source);
    }

    /** Parses with errors thrown, not also printed to stderr by the default handler. */
    private static org.w3c.dom.Document parseQuietly(DocumentBuilderFactory factory, InputSource source) throws Exception {
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        return builder.parse(source);
    }

    /** Item title -> link, for RSS items and Atom entries. */
    private static Map<String, String> items(org.w3c.dom.Document feed) {
        Map<String, String> items = new LinkedHashMap<>();
        NodeList rss = feed.getElementsByTagName("item");
        for (int i = 0; i < rss.getLength(); i++) {
            Element item = (Element) rss.item(i);
            items.put(text(item, "title"), text(item, "link"));
        }
        NodeList atom = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        for (int i = 0; i < atom.getLength(); i++) {
            Element entry = (Element) atom.item(i);
            Element link = (Element) entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0);
            items.put(text(entry, "title"), link.getAttribute("href"));
        }
        return items;
    }

    private static String text(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    @ParameterizedTest
    @CsvSource({
            "/feeds/ar-rss-windows1256.xml, windows-1256, ar, 5",
            "/feeds/ja-atom-shift_jis.xml, Shift_JIS, ja, 4",
            "/feeds/de-rss-utf8.xml, UTF-8, de, 4",
            "/feeds/en-atom.xml, UTF-8, en, 5"})
    void feedLinksLeadToPagesWhoseHeadlineIsTheItemTitle(String path, String charset, String language,
                                                          int firstPageParagraphs) throws Exception {
        FetchResult.Body feed = get(path);
        assertThat(feed.contentType()).isEqualTo("application/xml");
        String prolog = new String(feed.body(), 0, 60, StandardCharsets.US_ASCII);
        assertThat(prolog).containsIgnoringCase("encoding=\"" + charset + "\"");
        if (!charset.equals("UTF-8")) {
            assertThat(isValidUtf8(feed.body())).as("%s bytes are not UTF-8", path).isFalse();
        }

        Map<String, String> items = items(parseFeed(new InputSource(new ByteArrayInputStream(feed.body()))));

        assertThat(items).hasSize(2);
        assertThat(items.values()).containsExactlyInAnyOrder(
                "/articles/" + language + "-1.html", "/articles/" + language + "-2.html");
        for (Map.Entry<String, String> item : items.entrySet()) {
            URI link = feed.finalUri().resolve(item.getValue());
            FetchResult.Body page = (FetchResult.Body) fetcher.fetch(FetchRequest.of(link));
            Document html = Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8), link.toString());
            assertThat(html.selectFirst("html").attr("lang")).isEqualTo(language);
            assertThat(html.selectFirst("article h1").text()).isEqualTo(item.getKey());
            assertThat(html.title()).startsWith(item.getKey() + " | ");
            assertThat(html.select("nav, aside, footer, section.comments .comment, script")).hasSizeGreaterThan(6);
            if (link.getPath().endsWith("-1.html")) {
                assertThat(html.select("article .story-body p")).hasSize(firstPageParagraphs);
            }
        }
    }

    @Test
    void headerCharsetVariantHasTheSameItemsButNoDeclaredEncoding() throws Exception {
        FetchResult.Body declared = get("/feeds/ar-rss-windows1256.xml");
        FetchResult.Body headerOnly = get("/feeds/ar-rss-windows1256-header-charset.xml");

        assertThat(headerOnly.contentType()).isEqualTo("application/rss+xml; charset=windows-1256");
        assertThat(new String(headerOnly.body(), 0, 40, StandardCharsets.US_ASCII)).doesNotContain("encoding");
        assertThat(isValidUtf8(headerOnly.body())).isFalse();
        // Read with the charset from the HTTP header, it says the same as the declared variant.
        String text = new String(headerOnly.body(), Charset.forName("windows-1256"));
        Map<String, String> fromHeader = items(parseFeed(new InputSource(new StringReader(text))));
        Map<String, String> fromProlog = items(parseFeed(new InputSource(new ByteArrayInputStream(declared.body()))));
        assertThat(fromHeader).isEqualTo(fromProlog);
        assertThat(fromHeader.keySet()).first().asString().startsWith("وزارة الصحة");
    }

    @Test
    void malformedFeedFailsFirstOnLineEight() throws Exception {
        byte[] bytes = get("/feeds/malformed.xml").body();

        SAXParseException e = catchThrowableOfType(SAXParseException.class,
                () -> parseFeed(new InputSource(new ByteArrayInputStream(bytes))));

        assertThat(e).isNotNull();
        assertThat(e.getLineNumber()).isEqualTo(8);
    }

    @Test
    void billionLaughsIsAnEntityExpansionBomb() throws Exception {
        byte[] bytes = get("/feeds/billion-laughs.xml").body();
        DocumentBuilderFactory withDtd = DocumentBuilderFactory.newInstance();
        withDtd.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);

        assertThatThrownBy(() -> parseFeed(new InputSource(new ByteArrayInputStream(bytes))))
                .hasMessageContaining("DOCTYPE");
        // With DTDs allowed, only the JDK's expansion limit stops it.
        assertThatThrownBy(() -> parseQuietly(withDtd, new InputSource(new ByteArrayInputStream(bytes))))
                .hasMessageContaining("entity expansions");
    }

    @Test
    void xxeFeedReferencesALocalFile() throws Exception {
        byte[] bytes = get("/feeds/xxe-file.xml").body();
        DocumentBuilderFactory noExternal = DocumentBuilderFactory.newInstance();
        noExternal.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");

        assertThatThrownBy(() -> parseQuietly(noExternal, new InputSource(new ByteArrayInputStream(bytes))))
                .hasMessageContaining("file");
    }

    @Test
    void missingPathsAndEscapesOutOfTheFolderAnswer404() throws Exception {
        List<String> missing = new ArrayList<>(List.of("/static/site.css", "/section/2.html", "/articles/",
                "/articles", "/../web/README.md", "/articles/%2e%2e/README.md"));
        for (String path : missing) {
            var failure = catchThrowableOfType(org.claimdesk.fetch.FetchException.class, () -> get(path));
            assertThat(failure).as(path).isNotNull();
            assertThat(failure.status()).as(path).isEqualTo(404);
        }
        assertThat(get("/README.md").contentType()).isEqualTo("text/markdown; charset=utf-8");
    }

    private static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
