package org.claimdesk.extract;

import java.net.URI;
import java.time.Instant;

/**
 * One item of a feed, with markup removed from its texts.
 *
 * @param id        the entry's guid/id as the feed gives it, else its link, never null
 * @param link      the article's address (absolute), or null when the entry has none
 * @param title     plain-text title, or null
 * @param summary   plain text of the description/summary, or null
 * @param content   plain text of the full content (content:encoded, atom:content), or null
 * @param author    author name(s), or null
 * @param published publication time, else update time, or null
 * @param language  language tag of the entry or of the feed, or null
 */
public record FeedEntry(String id, URI link, String title, String summary, String content,
                        String author, Instant published, String language) {

    /** The longest text the feed carries for this entry, or "" when it carries none. */
    public String bestText() {
        String c = content == null ? "" : content;
        String s = summary == null ? "" : summary;
        return c.length() >= s.length() ? c : s;
    }
}
