package org.claimdesk.export;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pack's index.html: well-formed, nothing to load, each rebuttal in its language and direction, all text escaped. */
class PackPageTest {
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    /** The smallest PNG signature a header accepts as a logo (the page only embeds it). */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

    private static Document parse(String page) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(page)));
    }

    private static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS(XHTML, name);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static Element rebuttal(Document document, long id) {
        return elements(document, "div").stream().filter(e -> e.getAttribute("id").equals("rebuttal-" + id)).findFirst().orElseThrow();
    }

    @Test
    void eachRebuttalHasItsLanguageAndDirection() throws Exception {
        Document page = parse(PackPage.xhtml(PackSamples.header(), List.of(PackSamples.arabic(), PackSamples.japanese())));

        Element arabic = rebuttal(page, 12);
        assertThat(arabic.getAttribute("lang")).isEqualTo("ar");
        assertThat(arabic.getAttribute("dir")).isEqualTo("rtl");
        assertThat(arabic.getTextContent()).contains(PackSamples.ARABIC_CLAIM, PackSamples.ARABIC_ANSWER, "خطأ",
                "التفاصيل", "النقطة الثانية 25%", "Layla", "Omar", "صحيفة المثال", "البيان الرسمي", "aaaaaaaaaaaa");
        assertThat(arabic.getTextContent()).doesNotContain("a".repeat(13));
        Element japanese = rebuttal(page, 13);
        assertThat(japanese.getAttribute("lang")).isEqualTo("ja");
        assertThat(japanese.getAttribute("dir")).isEqualTo("ltr");
        assertThat(japanese.getTextContent()).contains(PackSamples.JAPANESE_CLAIM, "誤り", "記者会見", "the page did not answer",
                "ファクトチェック 12");
        assertThat(elements(page, "h2")).extracting(Element::getTextContent)
                .containsExactly(PackSamples.ARABIC_CLAIM, PackSamples.JAPANESE_CLAIM);
    }

    @Test
    void nothingOnThePageIsLoadedFromElsewhere() throws Exception {
        PackHeader withLogo = new PackHeader("Desk", PNG, "image/png", PackSamples.AT);
        Document page = parse(PackPage.xhtml(withLogo, List.of(PackSamples.arabic(), PackSamples.japanese())));

        assertThat(elements(page, "script")).isEmpty();
        assertThat(elements(page, "link")).isEmpty();
        assertThat(elements(page, "img")).singleElement()
                .satisfies(img -> assertThat(img.getAttribute("src")).startsWith("data:image/png;base64,"));
        // links a reader may follow are fine; nothing else names an address
        List<String> sources = new ArrayList<>();
        for (String tag : List.of("img", "iframe", "object", "embed", "video", "audio", "source")) {
            elements(page, tag).forEach(e -> sources.add(e.getAttribute("src")));
        }
        assertThat(sources).allMatch(src -> src.startsWith("data:"));
        assertThat(elements(page, "a")).extracting(a -> a.getAttribute("href"))
                .contains("https://health.example/statement?id=42", "https://news.example/ja/1");
        assertThat(elements(page, "style")).singleElement()
                .satisfies(style -> assertThat(style.getTextContent()).doesNotContain("url(", "@import"));
    }

    @Test
    void everythingIsEscapedAndOnlyWebAddressesBecomeLinks() throws Exception {
        PackRebuttal hostile = new PackRebuttal(7, "en", "<script>alert('x')</script> & \"more\"\u0007", null, null, 0, 0, 0,
                "<b>not bold</b>", "<img src=\"http://tracker.example/p.gif\">\n\nText with <i>tags</i> & an [evil](javascript:alert(1)) link",
                "Ann & <Bob>", null, null, PackSamples.AT,
                List.of(new PackRebuttal.Appearance(URI.create("javascript:alert(2)"), "click me", "src", PackSamples.AT)),
                List.of(new PackRebuttal.Evidence(1, URI.create("file:///etc/passwd"), null, "<title>", "note </td>", null,
                        null, null, null, null)),
                null);
        String html = PackPage.xhtml(new PackHeader("Org </title><script>", PackSamples.AT), List.of(hostile));
        Document page = parse(html);

        assertThat(elements(page, "script")).isEmpty();
        assertThat(elements(page, "img")).isEmpty();
        assertThat(elements(page, "b")).isEmpty();
        assertThat(elements(page, "h2")).singleElement()
                .satisfies(h -> assertThat(h.getTextContent()).isEqualTo("<script>alert('x')</script> & \"more\""));
        assertThat(rebuttal(page, 7).getTextContent()).contains("<b>not bold</b>", "<img src=\"http://tracker.example/p.gif\">",
                "Ann & <Bob>", "<title>", "note </td>", "not rated");
        assertThat(elements(page, "title")).singleElement()
                .satisfies(t -> assertThat(t.getTextContent()).isEqualTo("Rebuttals — Org </title><script>"));
        assertThat(elements(page, "a")).as("javascript: and file: addresses are shown, never linked").isEmpty();
    }

    @Test
    void aLogoMustBeWhatItSaysItIs() {
        assertThatThrownBy(() -> new PackHeader("Org", "<svg/>".getBytes(), "image/svg+xml", PackSamples.AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PNG or JPEG");
        assertThatThrownBy(() -> new PackHeader("Org", "GIF89a".getBytes(), "image/png", PackSamples.AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a PNG image");
    }
}
