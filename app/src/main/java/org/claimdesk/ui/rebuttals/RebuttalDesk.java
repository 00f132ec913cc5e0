package org.claimdesk.ui.rebuttals;

import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.workspace.ClaimClusters;
import org.claimdesk.workspace.KnownAnswers;
import org.claimdesk.workspace.Rebuttals;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the rebuttal screens need of an open workspace: its rebuttals, the earlier answers that fit
 * a claim, its clusters (what is waiting for an answer) and who is working.
 *
 * @param workAs    records changes under this identity from now on (notes, triage too)
 * @param workingAs the identity chosen earlier in this session, if any
 */
public record RebuttalDesk(Rebuttals rebuttals, KnownAnswers knownAnswers, ClaimClusters claims,
                           Consumer<AnalystIdentity> workAs, Supplier<Optional<AnalystIdentity>> workingAs) {
    public RebuttalDesk {
        Objects.requireNonNull(rebuttals, "rebuttals");
        Objects.requireNonNull(knownAnswers, "knownAnswers");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(workAs, "workAs");
        Objects.requireNonNull(workingAs, "workingAs");
    }
}
