/**
 * Rebuttals (issue 12; decision 0016): what the team answers to a claim cluster, and the rules of
 * its review. {@link org.claimdesk.rebuttals.RebuttalWorkflow} is the one way to write, review,
 * publish and withdraw, with who may do what; {@link org.claimdesk.rebuttals.RatingScale} the
 * verdicts and how they map onto ClaimReview; {@link org.claimdesk.rebuttals.ShortAnswerLength}
 * the short answer against social platforms' limits. The rows and their invariants (allowed steps,
 * stale edits refused) live with the other tables in {@code store}; nothing here knows a window.
 */
package org.claimdesk.rebuttals;
