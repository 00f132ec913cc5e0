package org.claimdesk.pipeline;

/**
 * Thrown by a stage that cannot work on any item (its models are missing, say): the runner stops
 * the stage, leaves its items waiting and shows the message in the window's status, instead of
 * failing every item one by one. {@link StageRunner#resume} starts it again.
 */
public final class StageStoppedException extends RuntimeException {
    public StageStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
