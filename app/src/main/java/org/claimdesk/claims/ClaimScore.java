package org.claimdesk.claims;

import java.util.List;

/**
 * How check-worthy one sentence is, with the reasons.
 *
 * @param score         probability-like score in [0, 1]: the logistic of the bias plus all contributions
 * @param checkWorthy   true when the score reaches the threshold fitted for the language (best F1 on training data)
 * @param modelLanguage which language's weights scored it ("en", "ar"..., or "*" for the cue-only weights
 *                      every other language uses)
 * @param bias          the model's starting log-odds for that language
 * @param contributions every non-zero contribution, largest effect first
 */
public record ClaimScore(double score, boolean checkWorthy, String modelLanguage, double bias,
                         List<Contribution> contributions) {
    public ClaimScore {
        contributions = List.copyOf(contributions);
    }

    /** The {@code n} contributions with the largest effect, either way. */
    public List<Contribution> top(int n) {
        return contributions.subList(0, Math.min(n, contributions.size()));
    }
}
