package org.claimdesk.ingest;

/** Progress of an offline import, called from the importing thread. */
public interface ImportProgress {
    ImportProgress NONE = (done, total, current) -> {
    };

    void fileDone(int done, int total, String current);
}
