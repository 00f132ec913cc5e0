package org.claimdesk.extract;

import java.net.URI;
import java.util.List;

/** A parsed RSS or Atom document. {@code format} is Rome's feed type, e.g. "rss_2.0", "atom_1.0". */
public record ParsedFeed(String format, String title, URI link, String language, List<FeedEntry> entries) {
    public ParsedFeed {
        entries = List.copyOf(entries);
    }
}
