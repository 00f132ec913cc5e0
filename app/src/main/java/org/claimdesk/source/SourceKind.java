package org.claimdesk.source;

/** How a source publishes: a syndication feed, or a web page whose article links are followed. */
public enum SourceKind {
    /** RSS 0.9x/1.0/2.0 or Atom. */
    FEED,
    /** A web page: an article itself, or a section page whose article links are followed. */
    PAGE;
}
