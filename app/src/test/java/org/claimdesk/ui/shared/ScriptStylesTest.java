package org.claimdesk.ui.shared;

import org.claimdesk.script.ReaderFonts;
import org.claimdesk.script.WritingSystem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptStylesTest {

    @Test
    void styleNamesTheFamilyQuoted() {
        assertThat(new ScriptStyles(new ReaderFonts(List.of("DejaVu Sans"))).styleFor(WritingSystem.HEBREW))
                .isEqualTo("-fx-font-family: \"DejaVu Sans\";");
    }

    @Test
    void nothingSuitableInstalledKeepsTheThemeFont() {
        ScriptStyles styles = new ScriptStyles(new ReaderFonts(List.of("Liberation Sans")));
        assertThat(styles.styleFor(WritingSystem.JAPANESE)).isEmpty();
        assertThat(styles.styleForText("Ministry")).isEmpty();
    }

    @Test
    void aNameIsStyledByItsOwnScript() {
        ScriptStyles styles = new ScriptStyles(new ReaderFonts(List.of("DejaVu Sans")));
        assertThat(styles.styleForText("الجزيرة")).isEqualTo("-fx-font-family: \"DejaVu Sans\";");
    }
}
