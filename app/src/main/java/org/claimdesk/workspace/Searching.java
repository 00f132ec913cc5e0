package org.claimdesk.workspace;

import org.claimdesk.index.IndexState;
import org.claimdesk.index.RebuildProgress;
import org.claimdesk.index.RebuildReport;
import org.claimdesk.index.SearchRequest;
import org.claimdesk.index.SearchResults;

/**
 * Searching a workspace and keeping its index: queries, saved searches, the index's state and
 * its rebuild. The index is derived from the database and opened on first use. Blocks.
 */
public final class Searching {
    private final WorkspaceSession session;

    Searching(WorkspaceSession session) {
        this.session = session;
    }

    public SearchResults search(SearchRequest request) {
        return session.itemSearch().search(request);
    }

    /** Saved searches and their counts of new matches. */
    public WatchQueries savedSearches() {
        return session.watchQueries();
    }

    /** How the index was found when it was opened, and whether it must be rebuilt before it shows everything. */
    public IndexCondition condition() {
        var index = session.index();
        return new IndexCondition(index.stateAtOpen(), index.problemAtOpen(), index.needsRebuild());
    }

    /** Items the index holds now (a search sees them once its next reopen shows them). */
    public long indexedItems() {
        return session.index().count();
    }

    /** @param problem what was wrong with the index at open, or null */
    public record IndexCondition(IndexState stateAtOpen, String problem, boolean needsRebuild) {
    }

    /**
     * Recreates the index from the database with progress; changes stored meanwhile are applied
     * right after. Interrupting cancels it, leaving the index as complete as it was.
     */
    public RebuildReport rebuildIndex(RebuildProgress progress) {
        return session.indexFeeder().rebuild(progress);
    }

    /**
     * Makes the index hold every stored item, rebuilding it when missing or damaged: for a command
     * that reads the index right after (the window has the feeder do it in the background).
     */
    public RebuildReport bringUpToDate(RebuildProgress progress) {
        return session.indexFeeder().bringUpToDate(progress);
    }
}
