package org.claimdesk.workspace;

import org.claimdesk.source.FeedsFileWatcher;
import org.claimdesk.source.SourcesConfig;
import org.claimdesk.store.FetchAttempt;
import org.claimdesk.store.SourceHealth;
import org.claimdesk.store.SourceStore;
import org.claimdesk.store.StageLedger;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The sources a workspace watches and how they are doing: the feeds.yml in force, its problems
 * when the file on disk is broken, each source's health and the recent failures. Blocks.
 */
public final class SourceWatch {
    private final FeedsFileWatcher watcher;
    private final SourceStore sources;
    private final StageLedger ledger;
    private final Supplier<List<String>> configProblems;

    SourceWatch(FeedsFileWatcher watcher, SourceStore sources, StageLedger ledger, Supplier<List<String>> configProblems) {
        this.watcher = watcher;
        this.sources = sources;
        this.ledger = ledger;
        this.configProblems = configProblems;
    }

    /** The feeds.yml in force (the last good one). */
    public SourcesConfig config() {
        return watcher.current();
    }

    /** The feeds.yml file this workspace reads. */
    public Path feedsFile() {
        return watcher.file();
    }

    /** Problems of the feeds.yml on disk when it is broken (as {@code feeds.yml:LINE:COL: …}), else empty. */
    public List<String> configProblems() {
        return configProblems.get();
    }

    /** Every known source (configured, imported or removed) with its health and its articles still to fetch. */
    public List<SourceHealth> health() {
        Map<String, Long> waiting = ledger.waitingByFirstSource(Stages.ARTICLES);
        return sources.health().stream()
                .map(h -> h.withArticlesWaiting(waiting.getOrDefault(h.sourceId(), 0L)))
                .toList();
    }

    /** The most recent failed fetches, newest first. */
    public List<FetchAttempt> recentFailures(int limit) {
        return sources.recentFailures(limit);
    }

    /** Source names by id, for showing where an item came from. */
    public Map<String, String> names() {
        return sources.names();
    }
}
