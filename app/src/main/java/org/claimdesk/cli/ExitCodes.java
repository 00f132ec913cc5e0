package org.claimdesk.cli;

/** Exit codes of the command line, stable for scripts and cron. */
public final class ExitCodes {
    /** Everything worked. */
    public static final int OK = 0;
    /** Could not run at all: workspace in use or unreadable, bad feeds.yml, I/O error. */
    public static final int FAILED = 1;
    /** Wrong usage: unknown command or option (picocli's own code). */
    public static final int USAGE = 2;
    /** Ran, but some sources, files or pages failed; the others were processed. */
    public static final int PARTIAL = 3;
    /** Interrupted (Ctrl+C) before the end; what was stored stays. */
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }
}
