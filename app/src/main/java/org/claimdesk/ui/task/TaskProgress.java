package org.claimdesk.ui.task;

/** What a {@link LongTask} tells the status bar while it runs; callable from any thread, as often as it likes. */
public interface TaskProgress {

    /** What is happening now, in the analyst's words. */
    void message(String text);

    /** How far it got; a negative {@code done} or a {@code total} of zero or less means not known. */
    void progress(long done, long total);
}
