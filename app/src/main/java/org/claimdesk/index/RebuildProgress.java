package org.claimdesk.index;

/** Told how far a rebuild of the index has come; called on the rebuilding thread. */
@FunctionalInterface
public interface RebuildProgress {
    RebuildProgress NONE = (done, total) -> { };

    void indexed(long done, long total);
}
