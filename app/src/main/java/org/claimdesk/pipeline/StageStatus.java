package org.claimdesk.pipeline;

import java.util.Objects;

/**
 * Where a stage stands: items waiting (retries included), done and given up on, from the
 * database; how fast it went lately; what it is doing.
 *
 * @param itemsPerSecond items finished (done or failed) per second over the last few seconds
 * @param stoppedReason  why the stage stopped, when {@code state} is {@link State#STOPPED}; else null
 */
public record StageStatus(String stage, long waiting, long done, long failed, double itemsPerSecond, State state,
                          String stoppedReason) {
    public enum State {
        /** Nothing to do now; looks for new items every second. */
        IDLE,
        /** Working on a batch. */
        RUNNING,
        /** Paused by the analyst; stays so after a restart. */
        PAUSED,
        /** Cannot go on ({@code stoppedReason}); resuming starts it again. */
        STOPPED
    }

    public StageStatus {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(state, "state");
    }
}
