package org.claimdesk.fetch;

/** Why a fetch failed, in the categories shown to the analyst. */
public enum FetchFailure {
    BAD_URL,
    DNS,
    CONNECT,
    TIMEOUT,
    HTTP_STATUS,
    TOO_LARGE,
    REDIRECT_LOOP,
    TOO_MANY_REDIRECTS,
    BAD_CONTENT_ENCODING,
    IO
}
