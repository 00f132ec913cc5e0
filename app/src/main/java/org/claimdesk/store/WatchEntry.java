package org.claimdesk.store;

import java.util.Locale;
import java.util.Objects;

/**
 * Something an analyst watches for: a term in the text, an entity analysis found, or a source.
 * A cluster with at least {@code threshold} items that match it is raised, whatever its speed.
 */
public record WatchEntry(long id, Kind kind, String entry, int threshold) {
    public enum Kind {
        /** A word or phrase in the title or text, matched without regard to case. */
        TERM,
        /** A name analysis found (person, organisation, place...), matched without regard to case. */
        ENTITY,
        /** A source, by its id in feeds.yml. */
        SOURCE
    }

    public WatchEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entry, "entry");
        if (entry.isBlank()) {
            throw new IllegalArgumentException("a watchlist entry needs a " + kind.name().toLowerCase(Locale.ROOT));
        }
        if (threshold < 1) {
            throw new IllegalArgumentException("a watchlist threshold is at least 1 item: " + threshold);
        }
    }
}
