package org.claimdesk.ingest;

import java.nio.file.Path;

/**
 * Imports what was saved while offline: a folder or zip of RSS/Atom files, HTML pages and OPML
 * feed lists. Feeds and pages become items; OPML outlines become sources in the report.
 */
public final class OfflineImporter {

    /** Blocks until done; cancel by interrupting the calling thread. */
    public ImportReport importPath(Path path, ImportProgress progress) throws InterruptedException {
        throw new UnsupportedOperationException("TODO");
    }
}
