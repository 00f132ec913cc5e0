package org.claimdesk.ingest;

import org.claimdesk.source.Source;

import java.util.List;

/**
 * Polls sources: fetch, parse or extract, store. Sources are polled in parallel on virtual
 * threads; a failing or slow source is recorded and never holds up the others.
 */
public final class IngestService {

    /**
     * Polls the given sources once and blocks until all are done. Cancel by interrupting the
     * calling thread: sources in flight stop, what was already stored stays.
     */
    public PollReport poll(List<Source> sources, PollProgress progress) throws InterruptedException {
        throw new UnsupportedOperationException("TODO");
    }
}
