package org.claimdesk.store;

/** What saving an item did. */
public enum SaveOutcome {
    /** A new item. */
    INSERTED,
    /** Already stored from another source: that source was added to it. */
    ADDED_SOURCE,
    /** Already stored from this source: nothing changed. */
    DUPLICATE
}
