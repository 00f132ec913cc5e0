package org.claimdesk.ui.shared;

import org.claimdesk.script.ReaderFonts;
import org.claimdesk.script.WritingSystem;

/** The inline JavaFX style that names the font {@link ReaderFonts} picked for a script. */
public final class ScriptStyles {
    private final ReaderFonts fonts;

    public ScriptStyles(ReaderFonts fonts) {
        this.fonts = fonts;
    }

    /** A style naming the family, or "" when the theme's font should stay. */
    public String styleFor(WritingSystem system) {
        return fonts.familyFor(system).map(family -> "-fx-font-family: \"" + family + "\";").orElse("");
    }

    /** The style for text whose script is only known from the text itself (names, labels). */
    public String styleForText(String text) {
        return styleFor(WritingSystem.of(null, text));
    }
}
