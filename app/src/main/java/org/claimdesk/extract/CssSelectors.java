package org.claimdesk.extract;

import org.claimdesk.source.SelectorCheck;
import org.jsoup.select.QueryParser;

/** CSS selectors as page extraction understands them (jsoup's syntax). */
public final class CssSelectors {
    /** The check feeds.yml and OPML reading use, so they accept exactly what extraction can run. */
    public static final SelectorCheck CHECK = CssSelectors::problem;

    private CssSelectors() {
    }

    /** Why jsoup cannot use the selector, or null when it can. */
    public static String problem(String selector) {
        try {
            QueryParser.parse(selector);
            return null;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return e.getMessage() == null ? "not a CSS selector" : e.getMessage();
        }
    }
}
