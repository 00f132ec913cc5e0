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

    /** The family {@link #styleFor} names, if any: for setting a font at once, before CSS is applied. */
    public java.util.Optional<String> familyFor(WritingSystem system) {
        return fonts.familyFor(system);
    }

    /** The style for text whose script is only known from the text itself (names, labels). */
    public String styleForText(String text) {
        return styleFor(WritingSystem.of(null, text));
    }
}
