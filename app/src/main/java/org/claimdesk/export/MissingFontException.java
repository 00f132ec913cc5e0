package org.claimdesk.export;

/**
 * The pack's text has letters of a script no installed or bundled font draws: rather than a PDF
 * with empty boxes, the export stops and says which script and what to install.
 */
public final class MissingFontException extends RuntimeException {
    private final String script;

    MissingFontException(String script, String message) {
        super(message);
        this.script = script;
    }

    /** The script without a font, in words ("Arabic", "Hangul"). */
    public String script() {
        return script;
    }
}
