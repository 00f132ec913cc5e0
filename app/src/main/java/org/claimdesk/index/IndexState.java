package org.claimdesk.index;

/** What {@link ItemIndex#open} found in the index folder. Anything but READY needs a rebuild from the database. */
public enum IndexState {
    /** A complete index of this program's schema. */
    READY,
    /** No index yet (new workspace, or the folder was deleted). */
    MISSING,
    /** Files damaged or unreadable (checksums, truncated files, unknown format). */
    CORRUPT,
    /** Written with another field layout ({@link IndexFields#SCHEMA_VERSION}). */
    OUTDATED,
    /** A rebuild was started and did not finish (cancelled or the program stopped). */
    INCOMPLETE
}
