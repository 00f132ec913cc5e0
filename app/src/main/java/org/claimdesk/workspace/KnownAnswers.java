package org.claimdesk.workspace;

import org.claimdesk.extract.ClaimReviewReader;
import org.claimdesk.index.AnswerFeeder;
import org.claimdesk.index.AnswerMatch;
import org.claimdesk.index.AnswerMatcher;
import org.claimdesk.index.DocumentKind;
import org.claimdesk.index.ItemIndex;
import org.claimdesk.nlp.DetectedLanguage;
import org.claimdesk.nlp.LanguageDetector;
import org.claimdesk.rebuttals.FactCheckImport;
import org.claimdesk.rebuttals.FactCheckImportReport;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.ClusterSummary;
import org.claimdesk.store.FactCheckStore;
import org.claimdesk.store.RebuttalStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * "This was already answered": imported fact-checks and the team's rebuttals matched against a new
 * claim or cluster (issue 12, decision 0018). The window and {@code claimdesk factchecks} both go
 * through here, so they match the same way. Fact-checks enter by {@link #importFile}; the index
 * follows both tables through {@link AnswerFeeder}, after each import and, for rebuttals edited
 * meanwhile, at most every {@link #RECHECK_EVERY} when matching.
 */
public final class KnownAnswers {
    static final Duration RECHECK_EVERY = Duration.ofSeconds(5);

    private final FactCheckStore factChecks;
    private final RebuttalStore rebuttals;
    private final ClusterStore clusters;
    private final FactCheckImport importer;
    private final LanguageDetector languages;
    private final Supplier<ItemIndex> index;
    private final Clock clock;
    private AnswerFeeder feeder; // guarded by this
    private Instant checkedAt; // guarded by this

    KnownAnswers(FactCheckStore factChecks, RebuttalStore rebuttals, ClusterStore clusters, LanguageDetector languages,
                 Supplier<ItemIndex> index, Clock clock) {
        this.factChecks = Objects.requireNonNull(factChecks, "factChecks");
        this.rebuttals = Objects.requireNonNull(rebuttals, "rebuttals");
        this.clusters = Objects.requireNonNull(clusters, "clusters");
        this.index = Objects.requireNonNull(index, "index");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.languages = Objects.requireNonNull(languages, "languages");
        this.importer = new FactCheckImport(factChecks, new ClaimReviewReader(), languages, clock);
    }

    /** Imports one ClaimReview file (JSON-LD, JSON lines or a saved page); what it imported is matchable on return. */
    public FactCheckImportReport importFile(Path file) {
        FactCheckImportReport report = importer.importFile(file);
        if (report.imported() + report.updated() > 0) {
            synchronized (this) {
                feeder().sync();
                checkedAt = clock.instant();
            }
        }
        return report;
    }

    /** How many fact-checks were imported into this workspace. */
    public long factCheckCount() {
        return factChecks.count();
    }

    /** The earlier answers that fit {@code claim}, best first, at most {@code limit}; empty when none fits. */
    public List<KnownAnswer> match(String claim, int limit) {
        upToDate();
        List<KnownAnswer> found = new ArrayList<>();
        // a language told reliably narrows the word search to its answers; others are reached by names and numbers
        DetectedLanguage language = languages.detect(claim, null);
        for (AnswerMatch match : new AnswerMatcher(index.get()).match(claim, language.reliable() ? language.tag() : null, limit)) {
            describe(match).ifPresent(found::add);
        }
        return found;
    }

    /** The earlier answers that fit a cluster's claim (its label), for the cluster view. */
    public List<KnownAnswer> forCluster(long clusterId, int limit) {
        return clusters.find(clusterId).map(ClusterSummary::label).map(label -> match(label, limit)).orElse(List.of());
    }

    private synchronized void upToDate() {
        Instant now = clock.instant();
        if (checkedAt == null || !now.isBefore(checkedAt.plus(RECHECK_EVERY))) {
            feeder().sync();
            checkedAt = now;
        }
    }

    private AnswerFeeder feeder() {
        if (feeder == null) {
            feeder = new AnswerFeeder(index.get(), factChecks, rebuttals);
        }
        return feeder;
    }

    /** The row behind a match, as the index may be a moment behind a deletion. */
    private Optional<KnownAnswer> describe(AnswerMatch match) {
        if (match.kind().equals(DocumentKind.REBUTTAL)) {
            return rebuttals.find(match.key()).map(r -> new KnownAnswer(true, r.id(), match.url(), r.text().claim(),
                    r.text().verdict(), r.author(), r.publishedAt(), r.language(), match.score()));
        }
        return factChecks.find(match.key()).map(f -> new KnownAnswer(false, f.id(), f.url(), f.claimReviewed(),
                f.ratingName(), f.authorName(), f.datePublished(), f.language(), match.score()));
    }
}
