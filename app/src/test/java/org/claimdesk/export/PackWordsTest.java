package org.claimdesk.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rebuttal's section speaks its rebuttal's language: a pack of an English, an Arabic and a
 * Japanese rebuttal written by the real writer, its HTML and PDF read back from the zip. A right to
 * left section's evidence table starts at the right, in the PDF as in the HTML.
 */
class PackWordsTest {
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    /** English fixed words that must not show in an Arabic or Japanese section. */
    private static final List<String> ENGLISH = List.of("claim", "verdict", "evidence", "written by", "reviewed by",
            "kept at", "address", "not rated");

    static Map<String, byte[]> files;

    @BeforeAll
    static void writeAPack(@TempDir Path tmp) throws IOException {
        PdfFonts fonts = PackSamples.arabicAndJapaneseFonts();
        List<PackRebuttal> rebuttals = List.of(PackSamples.english(), PackSamples.arabic(), PackSamples.japanese());
        Path pack = tmp.resolve("pack.zip");
        RebuttalPackWriter.write(pack, rebuttals,
                new RebuttalPackWriter.Publisher("Dam Facts", Map.of(11L, URI.create("https://facts.example/11"),
                        12L, URI.create("https://facts.example/12"), 13L, URI.create("https://facts.example/13")), null, "ws-1"),
                RebuttalPackWriter.pages(PackSamples.header(), rebuttals, new PackPdf(fonts)), false, sha -> null,
                PackSamples.AT);
        files = PackReader.read(pack).files();
    }

    @Test
    void everyLanguageHasEveryWordAndNoOther() throws IOException {
        Properties english = properties("pack-words.properties");
        for (String language : PackWords.LANGUAGES.subList(1, PackWords.LANGUAGES.size())) {
            Properties words = properties("pack-words_" + language + ".properties");
            assertThat(words.stringPropertyNames()).as(language).isEqualTo(english.stringPropertyNames());
            assertThat(words.values()).as(language).allSatisfy(word -> assertThat((String) word).isNotBlank());
        }
    }

    @Test
    void aLanguageWithoutWordsGetsEnglishWhateverTheMachinesLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
        try {
            assertThat(PackWords.of("pt-BR").word("evidence")).isEqualTo("Evidence");
            assertThat(PackWords.of("ar-EG").word("evidence")).isEqualTo("الأدلة");
            assertThat(PackWords.of("de").word("evidence")).isEqualTo("Belege");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void eachSectionOfTheHtmlHasItsLanguagesWords() throws Exception {
        Document page = DocumentBuilderFactory.newNSInstance().newDocumentBuilder().parse(new InputSource(
                new StringReader(new String(files.get(RebuttalPackWriter.HTML_PAGE), StandardCharsets.UTF_8))));

        Element english = section(page, 11);
        assertThat(labels(english)).containsExactly("Claim", "Verdict", "Written by", "Reviewed by", "Published", "Updated");
        assertThat(texts(english, "th")).containsExactly("#", "Title", "Address", "Note", "Kept at", "SHA-256");

        Element arabic = section(page, 12);
        assertThat(labels(arabic)).containsExactly("الادعاء", "الحكم", "كتبه", "راجعه", "تاريخ النشر", "تاريخ التحديث");
        assertThat(texts(arabic, "h3")).containsExactly("أين ظهر الادعاء", "الأدلة");
        // columns in reverse order in a left-to-right table: the number column is drawn at the right
        assertThat(texts(arabic, "th")).containsExactly("SHA-256", "تاريخ الحفظ", "ملاحظة", "الرابط", "العنوان", "#");
        assertThat(((Element) arabic.getElementsByTagNameNS(XHTML, "table").item(0)).getAttribute("dir")).isEqualTo("ltr");
        assertThat(arabic.getAttribute("dir")).isEqualTo("rtl");
        assertThat(arabic.getTextContent().toLowerCase(Locale.ROOT)).doesNotContain(ENGLISH);

        Element japanese = section(page, 13);
        assertThat(labels(japanese)).containsExactly("主張", "判定", "執筆者", "確認者", "公開日", "更新日", "翻訳元");
        assertThat(texts(japanese, "h3")).containsExactly("この主張が見られた場所", "根拠資料");
        assertThat(texts(japanese, "th")).containsExactly("番号", "タイトル", "URL", "備考", "保存日時", "SHA-256");
        assertThat(japanese.getTextContent()).contains("ファクトチェック 12");
        assertThat(japanese.getTextContent().toLowerCase(Locale.ROOT)).doesNotContain(ENGLISH);
    }

    @Test
    void eachPageOfThePdfHasItsLanguagesWords() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(files.get(RebuttalPackWriter.PDF_PAGE))) {
            assertThat(pdf.getNumberOfPages()).as("one page a rebuttal").isEqualTo(3);
            // the labels are set in capitals by CSS
            assertThat(pageText(pdf, 1).toLowerCase(Locale.ROOT)).contains("claim", "verdict", "written by", "reviewed by",
                    "evidence", "kept at", "address");

            String arabic = pageText(pdf, 2);
            assertThat(arabic).contains("الادعاء", "الحكم", "كتبه", "راجعه", "الادعاء", "الأدلة", "الرابط", "ملاحظة", "الحفظ");
            assertThat(arabic.toLowerCase(Locale.ROOT)).doesNotContain(ENGLISH);

            String japanese = pageText(pdf, 3).replaceAll("\\s+", "");
            assertThat(japanese).contains("主張", "判定", "執筆者", "確認者", "この主張が見られた場所", "根拠資料", "備考", "保存日時",
                    "ファクトチェック12");
            assertThat(japanese.toLowerCase(Locale.ROOT)).doesNotContain("claim", "verdict", "evidence", "writtenby", "keptat");
        }
    }

    @Test
    void theArabicEvidenceTableStartsAtTheRightAndTheEnglishOneAtTheLeft() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(files.get(RebuttalPackWriter.PDF_PAGE))) {
            List<TextPosition> englishHeader = lineOf(pdf, 1, "#");
            assertThat(englishHeader.getFirst().getUnicode()).as("left-most glyph of the English table's header").isEqualTo("#");
            List<TextPosition> arabicHeader = lineOf(pdf, 2, "#");
            assertThat(arabicHeader.getLast().getUnicode()).as("right-most glyph of the Arabic table's header").isEqualTo("#");
        }
    }

    @Test
    void aPackInOneLanguageHasItsTopAndFooterInThatLanguageToo() throws Exception {
        PackPdf pdf = new PackPdf(PackSamples.arabicAndJapaneseFonts());
        Map<String, byte[]> arabic = RebuttalPackWriter.pages(PackSamples.header(), List.of(PackSamples.arabic()), pdf);
        assertThat(new String(arabic.get(RebuttalPackWriter.HTML_PAGE), StandardCharsets.UTF_8)).contains("lang=\"ar\"");
        try (PDDocument document = Loader.loadPDF(arabic.get(RebuttalPackWriter.PDF_PAGE))) {
            String text = pageText(document, 1);
            assertThat(text).contains("عدد الردود", "أنشئ في", "1 / 1");
            assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain("rebuttal", "generated", "page");
        }
        Map<String, byte[]> japanese = RebuttalPackWriter.pages(PackSamples.header(), List.of(PackSamples.japanese()), pdf);
        try (PDDocument document = Loader.loadPDF(japanese.get(RebuttalPackWriter.PDF_PAGE))) {
            String text = pageText(document, 1).replaceAll("\\s+", "");
            assertThat(text).contains("ファクトチェック1件", "作成", "1/1ページ");
            assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain("generated", "page1");
        }
    }

    private static Element section(Document page, long id) {
        NodeList divs = page.getElementsByTagNameNS(XHTML, "div");
        for (int i = 0; i < divs.getLength(); i++) {
            Element div = (Element) divs.item(i);
            if (div.getAttribute("id").equals("rebuttal-" + id)) {
                return div;
            }
        }
        throw new AssertionError("no section for rebuttal " + id);
    }

    /** The texts of the section's elements of class "label", in document order. */
    private static List<String> labels(Element section) {
        List<String> labels = new ArrayList<>();
        NodeList nodes = section.getElementsByTagNameNS(XHTML, "*");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (element.getAttribute("class").equals("label")) {
                labels.add(element.getTextContent());
            }
        }
        return labels;
    }

    private static List<String> texts(Element section, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = section.getElementsByTagNameNS(XHTML, tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** A page's text as a reader's viewer copies it, Arabic presentation forms (lam-alef) back to letters. */
    private static String pageText(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return Normalizer.normalize(stripper.getText(pdf), Normalizer.Form.NFKC);
    }

    /** The glyphs drawn on the same line as the first glyph {@code mark} of a page, left to right. */
    private static List<TextPosition> lineOf(PDDocument pdf, int page, String mark) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                glyphs.add(text);
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(pdf);
        float y = glyphs.stream().filter(g -> g.getUnicode().equals(mark)).findFirst().orElseThrow().getYDirAdj();
        return glyphs.stream().filter(g -> Math.abs(g.getYDirAdj() - y) < 2)
                .sorted((a, b) -> Float.compare(a.getXDirAdj(), b.getXDirAdj())).toList();
    }

    private static Properties properties(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PackWords.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
