package org.claimdesk.workspace;

import org.claimdesk.ingest.PollReport;
import org.claimdesk.pipeline.StageStatus;
import org.claimdesk.source.SourcesConfig;

import java.time.Instant;
import java.util.List;
import org.claimdesk.store.ClusterSummary;
import java.util.Objects;

/**
 * What an open workspace tells the window and the command line. One sealed type, so a view
 * switches over what it cares about and a new kind of event is a new record here, not a new
 * method on every listener. Published from background threads.
 */
public sealed interface WorkspaceEvent {

    /** feeds.yml was (re)loaded and is now in force. */
    record ConfigChanged(SourcesConfig config) implements WorkspaceEvent {
        public ConfigChanged {
            Objects.requireNonNull(config, "config");
        }
    }

    /** feeds.yml was edited but is broken; the last good configuration stays in force. */
    record ConfigRejected(List<String> problems) implements WorkspaceEvent {
        public ConfigRejected {
            problems = List.copyOf(problems);
        }
    }

    /** New items were stored (by a poll, a scheduled poll or an import). Not searchable yet. */
    record ItemsStored(int newItems) implements WorkspaceEvent {
    }

    /** A stage stored results for some items (analysis: their languages and entities). */
    record ItemsUpdated(String stage, int count) implements WorkspaceEvent {
    }

    /**
     * The search index now shows every change stored before this moment: new items, new
     * sources, analysis. Views that show search results refresh on it instead of guessing a delay.
     */
    /** Clusters flagged for the first time, or back after a dismissal: the window tells the analyst. */
    record ClustersFlagged(List<ClusterSummary> newlyFlagged, List<ClusterSummary> cameBack) implements WorkspaceEvent {
        public ClustersFlagged {
            newlyFlagged = List.copyOf(newlyFlagged);
            cameBack = List.copyOf(cameBack);
        }
    }

    record ItemsSearchable() implements WorkspaceEvent {
    }

    /**
     * The search index is being rebuilt from the database at start (it was missing or damaged):
     * {@code done} of {@code total} items so far; searches see only those until it ends.
     */
    record IndexRebuilding(long done, long total) implements WorkspaceEvent {
    }

    /** A poll (manual or scheduled) ended; source health and failures changed. */
    record PollFinished(PollReport report) implements WorkspaceEvent {
        public PollFinished {
            Objects.requireNonNull(report, "report");
        }
    }

    /** A stage of the pipeline made progress, went idle, was paused or resumed, or stopped. */
    record StageProgressed(StageStatus status) implements WorkspaceEvent {
        public StageProgressed {
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * Background work failed: a stage, the index feeder, the scheduled poll or the feeds.yml
     * watcher. Already logged with its stack; this carries the words a person reads.
     *
     * @param task    what was running, in a person's words ("analysis", "scheduled poll", …)
     * @param stopped true when that work has stopped for the rest of the session
     */
    record BackgroundFailure(String task, String message, Instant at, boolean stopped) implements WorkspaceEvent {
        public BackgroundFailure {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(at, "at");
        }
    }
}
