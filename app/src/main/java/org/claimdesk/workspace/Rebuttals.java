package org.claimdesk.workspace;

import org.claimdesk.extract.ArticleExtractor;
import org.claimdesk.rebuttals.EvidenceSnapshots;
import org.claimdesk.rebuttals.RatingScale;
import org.claimdesk.rebuttals.RebuttalEvidence;
import org.claimdesk.rebuttals.SnapshotFolder;
import org.claimdesk.rebuttals.RebuttalWorkflow;
import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.AnalystStore;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.EvidenceStore;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.RebuttalDraft;
import org.claimdesk.store.RebuttalStatus;
import org.claimdesk.store.RebuttalStatusChange;
import org.claimdesk.store.RebuttalStore;
import org.claimdesk.store.RebuttalVersion;
import org.claimdesk.store.StoredRebuttal;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A workspace's rebuttals as the window and the command line see them: the workflow that changes
 * them (every change under a local identity), and what they read: the queue, one rebuttal with its
 * versions, review steps and autosaved typing, the identities of the team.
 */
public final class Rebuttals {
    private final RebuttalStore store;
    private final AnalystStore analysts;
    private final RebuttalWorkflow workflow;
    private final RebuttalEvidence evidence;
    private final SnapshotFolder snapshots;
    private final Clock clock;

    Rebuttals(RebuttalStore store, AnalystStore analysts, ClusterStore clusters, EvidenceStore evidence, ItemStore items,
              SnapshotFolder snapshots, EvidenceSnapshots.PageFetch fetch, ArticleExtractor extractor, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.analysts = Objects.requireNonNull(analysts, "analysts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.workflow = new RebuttalWorkflow(store, clusters, RatingScale.DEFAULT, clock);
        this.evidence = new RebuttalEvidence(store, evidence, items, new EvidenceSnapshots(snapshots, fetch, extractor, clock),
                clock);
    }

    /** Writing, review, publication: every step checked and recorded. */
    public RebuttalWorkflow workflow() {
        return workflow;
    }

    /** Evidence: pages fetched and kept when attached, items of the workspace; attaching a page waits on the network. */
    public RebuttalEvidence evidence() {
        return evidence;
    }

    /** The kept bytes of evidence, checked against their hash. */
    public SnapshotFolder snapshots() {
        return snapshots;
    }

    /** In these statuses (all when empty), nearest deadline first. */
    public List<StoredRebuttal> list(Set<RebuttalStatus> statuses, int limit) {
        return store.list(statuses, limit);
    }

    public Optional<StoredRebuttal> find(long id) {
        return store.find(id);
    }

    public List<StoredRebuttal> ofCluster(long clusterId) {
        return store.ofCluster(clusterId);
    }

    public List<RebuttalVersion> versions(long id) {
        return store.versions(id);
    }

    public List<RebuttalStatusChange> history(long id) {
        return store.history(id);
    }

    public List<RebuttalDraft> drafts(long id) {
        return store.drafts(id);
    }

    public List<StoredRebuttal> translations(long id) {
        return store.translations(id);
    }

    /**
     * A pack imported: whose, and how many of its rebuttals were new here, brought a newer version,
     * or changed nothing.
     */
    public record PackImported(String organisation, int added, int updated, int unchanged, List<Long> rebuttalIds) {
    }

    /** The team's identities, by name. */
    public List<AnalystIdentity> identities() {
        return analysts.identities();
    }

    /** Adds an identity (or changes its role): chosen at start, recorded on every change. */
    public AnalystIdentity saveIdentity(AnalystIdentity identity) {
        return analysts.save(identity, clock.instant());
    }
}
