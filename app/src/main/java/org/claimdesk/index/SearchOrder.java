package org.claimdesk.index;

/** How hits are ordered. */
public enum SearchOrder {
    /** Best match first; equal scores newest first. */
    RELEVANCE,
    /** Newest first (published time, else fetched time). */
    NEWEST
}
