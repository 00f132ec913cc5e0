package org.claimdesk.ingest;

import java.util.List;

/** The outcome of one poll over several sources. */
public record PollReport(List<SourcePollResult> results, boolean cancelled) {
    public PollReport {
        results = List.copyOf(results);
    }

    public int newItems() {
        return results.stream().mapToInt(SourcePollResult::newItems).sum();
    }

    public long failedSources() {
        return results.stream().filter(SourcePollResult::failed).count();
    }
}
