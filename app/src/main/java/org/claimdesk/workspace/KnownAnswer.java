package org.claimdesk.workspace;

import java.time.Instant;

/**
 * An earlier answer that fits a claim, as the window shows it: "answered by {@code answeredBy} on
 * {@code answeredOn}: {@code verdict}", with the claim it answered, to reuse or adapt.
 *
 * @param teams      true for one of the team's rebuttals, false for an imported fact-check
 * @param id         the rebuttal's or fact_check row's id
 * @param url        the fact-check's address, or {@code claimdesk:rebuttal/ID}
 * @param claim      the claim as the answer worded it
 * @param verdict    the verdict in words, or null
 * @param answeredBy the fact-checker (author) or the rebuttal's author, or null
 * @param answeredOn published, or null when not known
 * @param score      how well it fits, 0 to 1
 */
public record KnownAnswer(boolean teams, long id, String url, String claim, String verdict, String answeredBy,
                          Instant answeredOn, String language, double score) {
}
