/**
 * Claims: check-worthiness of sentences today (decision 0013); clustering and flags later.
 * {@link org.claimdesk.claims.ClaimScorer} scores each sentence of a text with an explainable
 * linear model ({@link org.claimdesk.claims.CheckWorthinessModel}, weights in a small JSON file
 * in the jar); {@link org.claimdesk.claims.CheckWorthinessTrainer} fits it with LIBLINEAR.
 * Comes after {@code nlp} (sentences, entities, Arabic spelling) and {@code pipeline}; knows no
 * database and no window.
 */
package org.claimdesk.claims;
