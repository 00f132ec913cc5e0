package org.claimdesk.store;

import java.net.URI;
import java.time.Instant;

/**
 * An item's own address and words, for reading what it says (a link, a quote) without all that
 * {@link StoredItem} carries.
 *
 * @param time       published time when known, else when it was fetched
 * @param sourceName the name of the source it first arrived from (its id when it has no name)
 */
public record ItemText(long id, URI url, String title, String text, Instant time, String sourceName) {
    /** Title and text as one, as the claims stage reads them. */
    public String titleAndText() {
        String t = title == null ? "" : title;
        String b = text == null ? "" : text;
        return t.isEmpty() ? b : b.isEmpty() ? t : t + "\n\n" + b;
    }
}
