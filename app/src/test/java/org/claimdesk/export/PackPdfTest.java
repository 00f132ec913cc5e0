package org.claimdesk.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import javax.imageio.ImageIO;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A pack of an Arabic and a Japanese rebuttal as PDF, read back the way a reader's viewer would:
 * text in logical order, fonts embedded, page 1 drawn with ink where the Arabic text is.
 * Needs the fonts .ci/run installs; skipped, saying which, where they are absent.
 */
class PackPdfTest {
    /** Page 1 as an image, for a person to look at. */
    static final Path PAGE_IMAGE = Path.of("target", "pack-page-1.png");
    /** The whole PDF, likewise. */
    static final Path PDF_FILE = Path.of("target", "pack-sample.pdf");
    static byte[] pdf;

    @BeforeAll
    static void render() throws IOException {
        PdfFonts fonts = PackSamples.arabicAndJapaneseFonts();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackHeader header = new PackHeader(PackSamples.header().organisation(), logo(), "image/png", PackSamples.header().generatedAt());
        new PackPdf(fonts).write(PackPage.xhtml(header, List.of(PackSamples.arabic(), PackSamples.japanese())), out);
        pdf = out.toByteArray();
        Files.createDirectories(PDF_FILE.getParent());
        Files.write(PDF_FILE, pdf);
    }

    /** A small red square, as a PNG. */
    private static byte[] logo() throws IOException {
        BufferedImage square = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 40; y++) {
                square.setRGB(x, y, 0xcc0000);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(square, "png", png);
        return png.toByteArray();
    }

    @Test
    void theLogoGivenAsBytesIsOnPageOne() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage first = document.getPage(0);
            List<String> images = new ArrayList<>();
            for (var name : first.getResources().getXObjectNames()) {
                if (first.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
                    images.add(name.getName());
                }
            }
            assertThat(images).hasSize(1);
        }
    }

    @Test
    void japaneseAndArabicWordsReadBack() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            String text = new PDFTextStripper().getText(document);
            assertThat(text.replaceAll("\\s+", "")).contains(PackSamples.JAPANESE_CLAIM).contains(PackSamples.JAPANESE_ANSWER);
            // whole Arabic words, shaped into presentation forms in the PDF, come back as letters
            assertThat(text.replaceAll("\\s+", " ")).contains("قال وزير الصحة").contains("John Smith").contains("اللقاحات فاسدة");
        }
    }

    /**
     * The claim's line drawn right to left: its glyphs read from the right edge give the Arabic words
     * in the order they were written, with the Latin name and the number between them drawn left to right
     * (so they read backwards here). PDFTextStripper's own reordering of mixed lines is approximate,
     * so the order is checked on the glyphs' positions.
     */
    @Test
    void theArabicClaimIsDrawnRightToLeftWithTheNameAndNumberInPlace() throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    glyphs.add(text);
                    super.processTextPosition(text);
                }
            };
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            stripper.getText(document);
        }
        // the only capital J on page 1 is John's: it marks the claim's line
        float line = glyphs.stream().filter(g -> g.getUnicode().equals("J")).findFirst().orElseThrow().getYDirAdj();
        StringBuilder fromTheRight = new StringBuilder();
        glyphs.stream().filter(g -> Math.abs(g.getYDirAdj() - line) < 2)
                .sorted(Comparator.comparingDouble(TextPosition::getXDirAdj).reversed())
                .forEach(g -> fromTheRight.append(Normalizer.normalize(g.getUnicode(), Normalizer.Form.NFKC)));
        String read = fromTheRight.toString().replace(" ", "");
        List<String> inOrder = List.of("قال", "وزير", "الصحة", "htimSnhoJ", "إن", "من", "اللقاحات", "فاسدة");
        int at = -1;
        for (String word : inOrder) {
            int next = read.indexOf(word, at + 1);
            assertThat(next).as("'" + word + "' after the words before it in " + read).isGreaterThan(at);
            at = next;
        }
        // the number sits between its neighbours; its glyphs' own x order as PDFBox reports it is not checked
        String between = read.substring(read.indexOf("إن") + 2, read.indexOf("من", read.indexOf("إن")));
        assertThat(between.chars().sorted().toArray()).isEqualTo("%04".chars().sorted().toArray());
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        List<String> names = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    names.add(font.getName());
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                }
            }
        }
        assertThat(names).anyMatch(n -> n.contains("Amiri") || n.contains("Naskh") || n.contains("DejaVu"))
                .anyMatch(n -> n.contains("IPA"));
    }

    @Test
    void pageOneHasInkWhereTheArabicClaimIs() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            float dpi = 100;
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, dpi);
            Files.createDirectories(PAGE_IMAGE.getParent());
            ImageIO.write(image, "png", PAGE_IMAGE.toFile());

            Rectangle2D claim = boundsOf(document, "وزير");
            assertThat(claim).as("where the claim's words are on page 1").isNotNull();
            double scale = dpi / 72.0;
            int dark = 0;
            for (int x = (int) (claim.getMinX() * scale); x < claim.getMaxX() * scale; x++) {
                for (int y = (int) (claim.getMinY() * scale); y < claim.getMaxY() * scale; y++) {
                    int rgb = image.getRGB(x, y);
                    int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                    dark += grey < 128 ? 1 : 0;
                }
            }
            assertThat(dark).as("dark pixels in the claim's line").isGreaterThan(100);
        }
    }

    /** The box of the first line on page 1 whose text (as read back) contains {@code word}, in PDF points from the top. */
    private static Rectangle2D boundsOf(PDDocument document, String word) throws IOException {
        Rectangle2D[] found = new Rectangle2D[1];
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                if (found[0] == null && text.contains(word) && !positions.isEmpty()) {
                    Rectangle2D box = null;
                    for (TextPosition p : positions) {
                        Rectangle2D glyph = new Rectangle2D.Float(p.getXDirAdj(), p.getYDirAdj() - p.getHeightDir(),
                                p.getWidthDirAdj(), p.getHeightDir());
                        box = box == null ? glyph : box.createUnion(glyph);
                    }
                    found[0] = box;
                }
            }
        };
        stripper.setStartPage(1);
        stripper.setEndPage(1);
        stripper.getText(document);
        return found[0];
    }

    @Test
    void aPageThatNamesOutsideResourcesLoadsNone() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String page = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><link rel=\"stylesheet\" href=\"" + base
                    + "/style.css\"/><style>@import url(\"" + base + "/more.css\"); body { background: url(\"" + base
                    + "/bg.png\"); }</style></head><body><p>Hello</p><img src=\"" + base + "/pixel.png\"/>"
                    + "<img src=\"file:///etc/hostname\"/></body></html>";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new PackPdf(PdfFonts.onThisMachine()).write(page, out);
            assertThat(out.size()).isPositive();
            assertThat(requests).as("requests to the page's outside addresses").hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aScriptWithoutAFontIsRefusedByName(@TempDir Path fonts) throws IOException {
        Path dejaVu = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        assumeTrue(Files.isRegularFile(dejaVu), "needs DejaVu Sans (fonts-dejavu-core)");
        Files.copy(dejaVu, fonts.resolve("DejaVuSans.ttf"));
        PackPdf onlyLatin = new PackPdf(new PdfFonts(List.of(fonts)));
        String page = PackPage.xhtml(PackSamples.header(), List.of(PackSamples.japanese()));

        assertThatThrownBy(() -> onlyLatin.write(page, new ByteArrayOutputStream()))
                .isInstanceOf(MissingFontException.class)
                .hasMessageContaining("Japanese")
                .hasMessageContaining("fonts-ipafont-gothic");
    }
}
