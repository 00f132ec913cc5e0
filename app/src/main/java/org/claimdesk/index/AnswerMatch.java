package org.claimdesk.index;

/**
 * An earlier answer that fits a new claim.
 *
 * @param kind  {@link DocumentKind#FACT_CHECK} or {@link DocumentKind#REBUTTAL}
 * @param key   the fact_check or rebuttal row's id
 * @param url   the answer's address ({@code claimdesk:rebuttal/ID} for a rebuttal of the team)
 * @param score how well it fits, 0 to 1; comparable between answers to the same claim only
 */
public record AnswerMatch(DocumentKind kind, long key, String url, double score) {
}
