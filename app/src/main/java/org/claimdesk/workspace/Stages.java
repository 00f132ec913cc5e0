package org.claimdesk.workspace;

import org.claimdesk.pipeline.AnalysisStage;
import org.claimdesk.pipeline.ArticleStage;
import org.claimdesk.pipeline.StageStatus;

import java.util.List;

/**
 * The stages after the store (language analysis now; claims, clusters and flags later): how far
 * each has got, pausing and resuming one, and running one on the caller's behalf (the command
 * line's {@code analyse}). Blocks: call it off the UI thread.
 */
public final class Stages {
    /** The stage that detects languages and finds named entities. */
    public static final String ANALYSIS = AnalysisStage.NAME;
    /** The article queue: pages of items whose feed gave a summary (decision 0011). */
    public static final String ARTICLES = ArticleStage.NAME;

    private final WorkspaceSession session;

    Stages(WorkspaceSession session) {
        this.session = session;
    }

    /** Every stage with its waiting, done and failed items and its state, in the order they run. */
    public List<StageStatus> statuses() {
        return session.stageRunner().statuses();
    }

    public StageStatus status(String stage) {
        return session.stageRunner().status(stage);
    }

    /** Pauses a stage; it stays paused, across restarts too, until resumed. */
    public void pause(String stage) {
        session.stageRunner().pause(stage);
    }

    /** Resumes a paused stage, or starts a stopped one again. */
    public void resume(String stage) {
        session.stageRunner().resume(stage);
    }

    /**
     * Runs the stage on the caller's behalf until nothing is waiting or {@code limit} items were
     * taken; returns how many were taken. Interrupting stops it; the rest stays waiting.
     */
    public long runUntilIdle(String stage, long limit) throws InterruptedException {
        return session.stageRunner().runUntilIdle(stage, limit);
    }

    /** What analysis found since this workspace was opened: items analysed, entity mentions, time spent. */
    public AnalysisStage.Totals analysisTotals() {
        return session.analysisStage().totals();
    }
}
