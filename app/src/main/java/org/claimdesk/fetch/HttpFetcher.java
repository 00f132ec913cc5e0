package org.claimdesk.fetch;

import org.claimdesk.source.FetchSettings;

/**
 * Makes GET requests the way a polite crawler should: timeouts, a redirect limit, a maximum
 * body size, gzip/deflate, conditional GET and a politeness delay per host. Safe to call from
 * many (virtual) threads at once; a slow host holds up only its own requests.
 */
public final class HttpFetcher implements AutoCloseable {

    public HttpFetcher(FetchSettings settings) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * @throws FetchException       on any failure, with its category and a clear message
     * @throws InterruptedException when the calling thread is cancelled
     */
    public FetchResult fetch(FetchRequest request) throws FetchException, InterruptedException {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public void close() {
    }
}
