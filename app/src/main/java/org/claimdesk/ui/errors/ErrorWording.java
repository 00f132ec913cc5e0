package org.claimdesk.ui.errors;

import org.claimdesk.ui.shared.Messages;

/**
 * How a failure reads in the window: one line in the analyst's words, never a stack trace (the
 * log has that). Every screen words its failures through this.
 */
public final class ErrorWording {
    private final Messages messages;

    public ErrorWording(Messages messages) {
        this.messages = messages;
    }

    /** The first message in the chain of causes, else the failure's simple class name. */
    public static String reason(Throwable failure) {
        Throwable t = failure;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    /** A read of the open workspace failed. */
    public String couldNotRead(Throwable failure) {
        return failed("status.loadFailed", failure);
    }

    /** The sentence under {@code key} with the failure's reason as its argument. */
    public String failed(String key, Throwable failure) {
        return messages.format(key, reason(failure));
    }
}
