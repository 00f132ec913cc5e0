package org.claimdesk.fetch;

import java.net.URI;

/** A fetch that failed, with a message an analyst can act on (no stack trace needed). */
public final class FetchException extends Exception {
    private final FetchFailure failure;
    private final URI uri;
    private final int status;

    public FetchException(FetchFailure failure, URI uri, int status, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.uri = uri;
        this.status = status;
    }

    public FetchException(FetchFailure failure, URI uri, String message) {
        this(failure, uri, 0, message, null);
    }

    public FetchFailure failure() {
        return failure;
    }

    public URI uri() {
        return uri;
    }

    /** The HTTP status for {@link FetchFailure#HTTP_STATUS}, else 0. */
    public int status() {
        return status;
    }
}
