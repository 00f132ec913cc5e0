package org.claimdesk.ingest;

import java.util.List;

/**
 * The outcome of an offline import.
 *
 * @param files     files looked at
 * @param newItems  items stored for the first time
 * @param sources   sources added from OPML files (configured in feeds.yml by the caller)
 * @param problems  one line per file that could not be imported: "path: what is wrong"
 */
public record ImportReport(int files, int newItems, List<org.claimdesk.source.Source> sources, List<String> problems,
                           boolean cancelled) {
    public ImportReport {
        sources = List.copyOf(sources);
        problems = List.copyOf(problems);
    }
}
