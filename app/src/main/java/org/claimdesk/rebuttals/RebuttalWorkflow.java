package org.claimdesk.rebuttals;

import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.ClusterSummary;
import org.claimdesk.store.RebuttalStatus;
import org.claimdesk.store.RebuttalStore;
import org.claimdesk.store.RebuttalText;
import org.claimdesk.store.RebuttalVersion;
import org.claimdesk.store.StoredRebuttal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The one way to write, review, publish and withdraw a rebuttal, for the window and the command
 * line alike: who may take which step (an analyst writes and sends to review; a reviewer approves
 * or sends back, never their own words; an editor publishes and withdraws), with every step and
 * version recorded under the identity that took it. The store refuses a step or an edit made on a
 * version that is no longer the latest.
 */
public final class RebuttalWorkflow {
    private final RebuttalStore rebuttals;
    private final ClusterStore clusters;
    private final RatingScale scale;
    private final Clock clock;

    public RebuttalWorkflow(RebuttalStore rebuttals, ClusterStore clusters, RatingScale scale, Clock clock) {
        this.rebuttals = Objects.requireNonNull(rebuttals, "rebuttals");
        this.clusters = Objects.requireNonNull(clusters, "clusters");
        this.scale = Objects.requireNonNull(scale, "scale");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public RatingScale scale() {
        return scale;
    }

    /**
     * Starts answering a cluster: a draft whose claim is the cluster's, as the board shows it.
     *
     * @param language the language it is written in ("en", "ar"…)
     * @param deadline when it should be out, or null
     */
    public StoredRebuttal start(long clusterId, String language, Instant deadline, AnalystIdentity who) {
        Objects.requireNonNull(who, "who");
        ClusterSummary cluster = clusters.find(clusterId)
                .orElseThrow(() -> new IllegalArgumentException("cluster " + clusterId + " does not exist"));
        String claim = cluster.label() == null ? "" : cluster.label();
        return rebuttals.create(cluster.id(), null, language, new RebuttalText(claim, null, "", ""), who.name(), deadline,
                clock.instant());
    }

    /**
     * Starts a version of a rebuttal in another language: its own draft and review, linked to the
     * original, the verdict carried over (the claim and texts are to be translated).
     */
    public StoredRebuttal translate(long rebuttalId, String language, AnalystIdentity who) {
        Objects.requireNonNull(who, "who");
        StoredRebuttal original = find(rebuttalId);
        long originalId = original.translationOf() == null ? original.id() : original.translationOf();
        boolean exists = rebuttals.translations(originalId).stream().anyMatch(r -> r.language().equals(language));
        if (exists) {
            throw new IllegalArgumentException("it has a version in " + language + " already");
        }
        return rebuttals.create(original.clusterId(), originalId, language,
                new RebuttalText("", original.text().verdict(), "", ""), who.name(), original.deadline(), clock.instant());
    }

    /**
     * Saves an edit made on version {@code revision} as the next version. Approved or published text
     * that changes goes back to review.
     *
     * @param editorId the editor whose autosaved typing this saves, or null
     */
    public StoredRebuttal save(long id, int revision, RebuttalText text, String editorId, AnalystIdentity who) {
        Objects.requireNonNull(who, "who");
        StoredRebuttal current = find(id);
        if (current.status() == RebuttalStatus.WITHDRAWN) {
            throw new IllegalArgumentException("it was withdrawn: start a new rebuttal instead");
        }
        if (text.verdict() != null && scale.find(text.verdict()).isEmpty()) {
            throw new IllegalArgumentException("unknown verdict '" + text.verdict() + "'");
        }
        return rebuttals.saveVersion(id, revision, text, editorId, who.name(), clock.instant());
    }

    /** Keeps unsaved typing of one editor (every few seconds): a crash loses only the last seconds. */
    public void autosave(long id, String editorId, int revision, RebuttalText text, AnalystIdentity who) {
        rebuttals.autosave(id, editorId, revision, text, who.name(), clock.instant());
    }

    /** Sends it to a reviewer: it needs a verdict and a short answer by then. */
    public StoredRebuttal submit(long id, int revision, AnalystIdentity who) {
        StoredRebuttal current = find(id);
        if (current.text().verdict() == null) {
            throw new IllegalArgumentException("choose a verdict before sending it to review");
        }
        if (current.text().shortAnswer().isBlank()) {
            throw new IllegalArgumentException("write the short answer before sending it to review");
        }
        return step(id, revision, RebuttalStatus.IN_REVIEW, who, null);
    }

    /** A reviewer approves the version they read; not words they saved themselves. */
    public StoredRebuttal approve(long id, int revision, AnalystIdentity who, String note) {
        if (!who.mayReview()) {
            throw new IllegalArgumentException(who.name() + " is an analyst: approving needs a reviewer or an editor");
        }
        String lastAuthor = lastSavedBy(id, revision);
        if (who.name().equals(lastAuthor)) {
            throw new IllegalArgumentException("this version is " + who.name() + "'s own: another reviewer approves it");
        }
        return step(id, revision, RebuttalStatus.APPROVED, who, note);
    }

    /** A reviewer sends it back for more work, saying why. */
    public StoredRebuttal sendBack(long id, int revision, AnalystIdentity who, String why) {
        if (!who.mayReview()) {
            throw new IllegalArgumentException(who.name() + " is an analyst: sending back needs a reviewer or an editor");
        }
        requireReason(why, "sending it back");
        return step(id, revision, RebuttalStatus.DRAFT, who, why);
    }

    /** An editor puts out the approved version: published the first time, updated after that. */
    public StoredRebuttal publish(long id, int revision, AnalystIdentity who) {
        return publish(id, revision, who, null);
    }

    /**
     * As {@link #publish(long, int, AnalystIdentity)}, saying where it went out, so that items
     * linking to it are recognised afterwards; null keeps the address it has.
     *
     * @throws IllegalArgumentException when the address is not an http(s) one
     */
    public StoredRebuttal publish(long id, int revision, AnalystIdentity who, URI publishedUrl) {
        if (publishedUrl != null) {
            PublishedAddress.of(publishedUrl);
        }
        if (!who.mayPublish()) {
            throw new IllegalArgumentException(who.name() + " is not an editor: an editor publishes");
        }
        StoredRebuttal current = find(id);
        RebuttalStatus to = current.publishedAt() == null ? RebuttalStatus.PUBLISHED : RebuttalStatus.UPDATED;
        return rebuttals.changeStatus(id, revision, to, who.name(), clock.instant(), null, publishedUrl);
    }

    /**
     * Says where a published rebuttal went out (or clears it with null), when the address is known
     * only after the post is up. An editor's step, like publishing.
     */
    public StoredRebuttal setPublishedUrl(long id, URI publishedUrl, AnalystIdentity who) {
        Objects.requireNonNull(who, "who");
        if (!who.mayPublish()) {
            throw new IllegalArgumentException(who.name() + " is not an editor: an editor says where it was published");
        }
        if (publishedUrl != null) {
            PublishedAddress.of(publishedUrl);
        }
        return rebuttals.setPublishedUrl(id, publishedUrl, clock.instant());
    }

    /** An editor takes a published rebuttal back, saying why. */
    public StoredRebuttal withdraw(long id, int revision, AnalystIdentity who, String why) {
        if (!who.mayPublish()) {
            throw new IllegalArgumentException(who.name() + " is not an editor: an editor withdraws");
        }
        requireReason(why, "withdrawing it");
        return step(id, revision, RebuttalStatus.WITHDRAWN, who, why);
    }

    public StoredRebuttal setDeadline(long id, Instant deadline) {
        return rebuttals.setDeadline(id, deadline, clock.instant());
    }

    private StoredRebuttal step(long id, int revision, RebuttalStatus to, AnalystIdentity who, String note) {
        Objects.requireNonNull(who, "who");
        return rebuttals.changeStatus(id, revision, to, who.name(), clock.instant(), note);
    }

    private StoredRebuttal find(long id) {
        return rebuttals.find(id).orElseThrow(() -> new IllegalArgumentException("rebuttal " + id + " does not exist"));
    }

    private String lastSavedBy(long id, int revision) {
        List<RebuttalVersion> versions = rebuttals.versions(id);
        return versions.stream().filter(v -> v.revision() == revision).map(RebuttalVersion::savedBy).findFirst().orElse(null);
    }

    private static void requireReason(String why, String doing) {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException(doing + " needs a reason");
        }
    }
}
