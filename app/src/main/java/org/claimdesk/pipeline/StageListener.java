package org.claimdesk.pipeline;

/** What a {@link StageRunner} tells the window and the command line. Called on the runner's threads. */
public interface StageListener {
    StageListener NONE = new StageListener() {
    };

    /** Throttled: about once a second while a stage is busy, and when it goes idle, pauses or stops. */
    default void progressed(StageStatus status) {
    }

    /** The stage stored results for {@code count} items since it last said so (views read the items again). */
    default void itemsSaved(String stage, int count) {
    }

    /**
     * Something went wrong beyond one item (the runner has logged it with its stack already):
     * the stage tries again after a pause, or, when {@code stageStopped}, has stopped.
     */
    default void failed(String stage, String message, Throwable cause, boolean stageStopped) {
    }
}
