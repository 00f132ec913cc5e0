package org.claimdesk.export;

import org.claimdesk.script.WritingSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Which font files a PDF embeds, and what an analyst is told when a script has none. */
class PdfFontsTest {
    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    @Test
    void withNoFontsAtAllLatinIsMissingAndTheMessageSaysWhatToInstall(@TempDir Path empty) {
        assertThatThrownBy(() -> new PdfFonts(List.of(empty)).facesFor("Hello"))
                .isInstanceOf(MissingFontException.class)
                .satisfies(e -> assertThat(((MissingFontException) e).script()).startsWith("Latin"))
                .hasMessageContaining("fonts-noto-core").hasMessageContaining(empty.toString());
    }

    @Test
    void theFirstFolderWinsSoTheBundledFontsComeBeforeTheSystems(@TempDir Path bundled, @TempDir Path system) throws IOException {
        assumeTrue(Files.isRegularFile(DEJAVU), "needs DejaVu Sans (fonts-dejavu-core)");
        Files.copy(DEJAVU, bundled.resolve("DejaVuSans.ttf"));
        Files.createDirectories(system.resolve("truetype"));
        Files.copy(DEJAVU, system.resolve("truetype").resolve("DejaVuSans.ttf"));

        List<PdfFonts.Face> faces = new PdfFonts(List.of(bundled, system)).facesFor("Привет, world");

        assertThat(faces).singleElement().satisfies(face -> {
            assertThat(face.family()).isEqualTo("DejaVu Sans");
            assertThat(face.file()).isEqualTo(bundled.resolve("DejaVuSans.ttf"));
        });
    }

    @Test
    void dejaVuServesArabicWhenNothingBetterIsThere(@TempDir Path fonts) throws IOException {
        assumeTrue(Files.isRegularFile(DEJAVU), "needs DejaVu Sans (fonts-dejavu-core)");
        Files.copy(DEJAVU, fonts.resolve("DejaVuSans.ttf"));

        assertThat(new PdfFonts(List.of(fonts)).facesFor("قال الوزير John 40%"))
                .extracting(PdfFonts.Face::family).containsExactly("DejaVu Sans");
        assertThatThrownBy(() -> new PdfFonts(List.of(fonts)).facesFor("한국어"))
                .isInstanceOf(MissingFontException.class).hasMessageContaining("fonts-droid-fallback");
    }

    @Test
    void eachSectionNamesItsOwnScriptsFontsFirstAndAllOthersAfter() {
        String arabic = PdfFonts.cssFamilies(WritingSystem.ARABIC);
        assertThat(arabic).startsWith("'Amiri'").contains("'Noto Sans'", "'IPAPGothic'").endsWith("sans-serif");
        assertThat(PdfFonts.cssFamilies(WritingSystem.JAPANESE)).startsWith("'IPAPGothic'").contains("'Amiri'");
        assertThat(PdfFonts.cssFamilies(WritingSystem.DEFAULT)).startsWith("'Noto Sans', 'DejaVu Sans'");
    }
}
