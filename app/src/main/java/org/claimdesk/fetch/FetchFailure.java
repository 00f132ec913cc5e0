package org.claimdesk.fetch;

/** Why a fetch failed, in the categories shown to the analyst. */
public enum FetchFailure {
    BAD_URL,
    /** Not fetched by rule: another site than allowed, or a private address that is not the source's own host. */
    REFUSED,
    DNS,
    CONNECT,
    /** The proxy from feeds.yml could not be reached or refused to work; nothing went out directly instead. */
    PROXY,
    TIMEOUT,
    HTTP_STATUS,
    TOO_LARGE,
    REDIRECT_LOOP,
    TOO_MANY_REDIRECTS,
    BAD_CONTENT_ENCODING,
    IO
}
