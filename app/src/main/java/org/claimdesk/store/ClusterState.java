package org.claimdesk.store;

/** Where a claim cluster stands in the analysts' triage. Stored by name: never rename. */
public enum ClusterState {
    /** Not looked at yet. */
    NEW,
    /** Looked at; kept an eye on. */
    WATCHING,
    /** Someone should answer it (the rebuttal queue starts here). */
    NEEDS_REBUTTAL,
    /** Not worth answering, with the reason; comes back as NEW if it flares up again. */
    DISMISSED
}
