package org.claimdesk.pipeline;

/** Placeholder of the contract until the pipeline branch is merged. */
public record StageStatus(String stage, long waiting, long done, long failed, double itemsPerSecond, State state,
                          String stoppedReason) {
    public enum State { IDLE, RUNNING, PAUSED, STOPPED }
}
