package org.claimdesk.workspace;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.claimdesk.export.MissingFontException;
import org.claimdesk.export.PackReader;
import org.claimdesk.export.PdfFonts;
import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.AnalystIdentity.Role;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.RebuttalText;
import org.claimdesk.store.StoredRebuttal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 13's pack option "the publishing organisation's logo", through the workspace as the
 * command line and the window use it: the logo given as JPEG bytes is in the HTML page as it was
 * given and drawn at the top of the PDF's first page, above an Arabic rebuttal.
 */
class RebuttalPackLogoTest {
    // orange: no text or rule on the page has it (links are blue)
    static final int LOGO_COLOUR = 0xe07b00;

    @TempDir
    Path tmp;

    @Test
    void theLogoIsInTheHtmlAndDrawnAtTheTopOfThePdf() throws Exception {
        assumeTrue(arabicFontHere(), "no font for Arabic on this machine (fonts-hosny-amiri or fonts-noto-core)");
        Path desk = tmp.resolve("desk");
        Path feeds = Files.writeString(tmp.resolve("feeds.yml"), "sources: []\n");
        long cluster;
        try (Database database = Database.open(new Workspace(desk).ensureLayout().databaseDir())) {
            cluster = new ClusterStore(database).newCluster(Instant.parse("2026-12-01T08:00:00Z"));
        }
        byte[] logo = logo();
        Path pack = tmp.resolve("pack.zip");
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(desk), feeds)) {
            AnalystIdentity amal = new AnalystIdentity("Amal", Role.ANALYST);
            AnalystIdentity noor = new AnalystIdentity("Noor", Role.EDITOR);
            var workflow = session.rebuttals().workflow();
            StoredRebuttal rebuttal = workflow.start(cluster, "ar", null, amal);
            workflow.save(rebuttal.id(), 1, new RebuttalText("انهار سد الحمراء الليلة الماضية", "false",
                    "السد سليم.", "## التفاصيل\n\nفحص المهندسون السد صباح اليوم."), null, amal);
            workflow.submit(rebuttal.id(), 2, amal);
            workflow.approve(rebuttal.id(), 2, noor, null);
            session.exports().exportRebuttalPack(new Exporting.PackRequest(List.of(rebuttal.id()), Set.of(), false,
                    "مرصد الحقائق", URI.create("https://facts.example/"), "Noor", logo, "image/jpeg"), pack);
        }
        Map<String, byte[]> files = PackReader.read(pack).files();

        String html = new String(files.get("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("src=\"data:image/jpeg;base64," + Base64.getEncoder().encodeToString(logo) + "\"");
        try (PDDocument pdf = Loader.loadPDF(files.get("rebuttals.pdf"))) {
            var resources = pdf.getPage(0).getResources();
            List<PDImageXObject> images = new ArrayList<>();
            for (var name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    images.add(image);
                }
            }
            assertThat(images).singleElement().satisfies(image -> assertThat(image.getWidth()).isEqualTo(64));
            // drawn, not only carried: the logo's orange in the top tenth of page 1
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 72);
            int orange = 0;
            for (int y = 0; y < page.getHeight() / 10; y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    orange += near(page.getRGB(x, y), LOGO_COLOUR) ? 1 : 0;
                }
            }
            assertThat(orange).as("pixels of the logo's colour at the top of page 1").isGreaterThan(500);
        }
    }

    private static boolean arabicFontHere() {
        try {
            PdfFonts.onThisMachine().facesFor("سد");
            return true;
        } catch (MissingFontException e) {
            return false;
        }
    }

    /** A 64 px square in one colour, as a JPEG. */
    private static byte[] logo() throws IOException {
        BufferedImage square = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                square.setRGB(x, y, LOGO_COLOUR);
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(square, "jpeg", jpeg);
        return jpeg.toByteArray();
    }

    /** Within JPEG's and the renderer's rounding of a colour. */
    private static boolean near(int rgb, int colour) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((rgb >> shift & 0xff) - (colour >> shift & 0xff)) > 24) {
                return false;
            }
        }
        return true;
    }
}
