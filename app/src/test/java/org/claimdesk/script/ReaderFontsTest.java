package org.claimdesk.script;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReaderFontsTest {

    @Test
    void arabicGetsAFamilyThatAlsoCoversLatin() {
        ReaderFonts fonts = new ReaderFonts(List.of("Noto Sans", "Noto Sans Arabic", "Amiri", "DejaVu Sans"));
        // Noto Sans Arabic is installed but misplaces brackets and Latin runs: never chosen.
        assertThat(fonts.familyFor(WritingSystem.ARABIC)).contains("DejaVu Sans");
        assertThat(new ReaderFonts(List.of("Noto Sans Arabic", "Amiri")).familyFor(WritingSystem.ARABIC)).contains("Amiri");
    }

    @Test
    void japaneseNamesTheCjkFontExplicitlyBecauseFallbackSkipsTtcFonts() {
        assertThat(new ReaderFonts(List.of("Noto Sans CJK JP", "IPAGothic")).familyFor(WritingSystem.JAPANESE))
                .contains("Noto Sans CJK JP");
        assertThat(new ReaderFonts(List.of("IPAGothic")).familyFor(WritingSystem.JAPANESE)).contains("IPAGothic");
    }

    @Test
    void familyNamesMatchRegardlessOfCase() {
        assertThat(new ReaderFonts(List.of("dejavu sans")).familyFor(WritingSystem.ARABIC)).contains("DejaVu Sans");
    }

    @Test
    void nothingSuitableInstalledKeepsTheThemeFont() {
        ReaderFonts fonts = new ReaderFonts(List.of("Liberation Sans"));
        assertThat(fonts.familyFor(WritingSystem.ARABIC)).isEmpty();
        assertThat(fonts.familyFor(WritingSystem.JAPANESE)).isEmpty();
        assertThat(fonts.familyFor(WritingSystem.DEFAULT)).isEmpty();
    }
}
