package org.claimdesk.source;

/**
 * Checks the syntax of a CSS selector written in feeds.yml or an OPML file, so a typo is refused
 * with the line and column where it was written instead of failing later at every poll. The
 * selector engine lives with extraction (jsoup, in {@code extract}); the app passes its check in.
 */
@FunctionalInterface
public interface SelectorCheck {
    /** Why the selector cannot be used, or null when it can. */
    String problem(String selector);
}
