package org.claimdesk.workspace;

import org.claimdesk.ingest.PollReport;
import org.claimdesk.source.SourcesConfig;

import java.util.List;

/** What an open workspace tells its views. Called from background threads. */
public interface SessionListener {
    /** feeds.yml was (re)loaded and is now in force. */
    default void configChanged(SourcesConfig config) {
    }

    /** feeds.yml was edited but is broken; the last good configuration stays in force. */
    default void configRejected(List<String> problems) {
    }

    /** New items were stored (by a poll, a scheduled poll or an import). */
    default void itemsStored() {
    }

    /** Analysis stored the languages and entities of some items (the index has them within a second). */
    default void itemsAnalysed() {
    }

    /**
     * The search index is being rebuilt from the database at start (it was missing or damaged):
     * {@code done} of {@code total} items so far; searches see only those until it ends.
     */
    default void indexRebuilding(long done, long total) {
    }

    /** A poll (manual or scheduled) ended; source health and failures changed. */
    default void pollFinished(PollReport report) {
    }
}
