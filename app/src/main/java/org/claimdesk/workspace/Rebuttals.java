package org.claimdesk.workspace;

import org.claimdesk.extract.ArticleExtractor;
import org.claimdesk.rebuttals.AfterPublication;
import org.claimdesk.rebuttals.BuiltInTemplates;
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
import org.claimdesk.store.ItemSummary;
import org.claimdesk.store.RebuttalDraft;
import org.claimdesk.store.RebuttalStatus;
import org.claimdesk.store.RebuttalStatusChange;
import org.claimdesk.store.RebuttalStore;
import org.claimdesk.store.RebuttalTemplate;
import org.claimdesk.store.RebuttalTemplateStore;
import org.claimdesk.store.RebuttalVersion;
import org.claimdesk.store.StoredRebuttal;

import java.net.URI;
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
    private final ClusterStore clusters;
    private final ItemStore items;
    private final RebuttalTemplateStore templates;
    private final BuiltInTemplates builtIn = BuiltInTemplates.shipped();
    /** Whether this workspace was given the shipped templates it lacks since it opened. */
    private volatile boolean templatesSeeded;

    /** The most items of a cluster counted around a publication (a story bigger than this is counted by its oldest part). */
    static final int MOST_CLUSTER_ITEMS_COUNTED = 100_000;

    Rebuttals(RebuttalStore store, AnalystStore analysts, ClusterStore clusters, EvidenceStore evidence, ItemStore items,
              RebuttalTemplateStore templates, SnapshotFolder snapshots, EvidenceSnapshots.PageFetch fetch,
              ArticleExtractor extractor, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clusters = Objects.requireNonNull(clusters, "clusters");
        this.items = Objects.requireNonNull(items, "items");
        this.templates = Objects.requireNonNull(templates, "templates");
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

    /**
     * What happened to the answered claim since this rebuttal was first published: the cluster's
     * items before and after by source, its pace, items that link to the published address or
     * quote the short answer. Empty while it was never published. Reads up to
     * {@link AfterPublication#MOST_ITEMS_READ} items: call it off the UI thread.
     */
    public Optional<AfterPublication> afterPublication(long rebuttalId) {
        StoredRebuttal rebuttal = store.find(rebuttalId)
                .orElseThrow(() -> new IllegalArgumentException("rebuttal " + rebuttalId + " does not exist"));
        if (rebuttal.publishedAt() == null) {
            return Optional.empty();
        }
        List<ItemSummary> clusterItems = items.inCluster(clusters.survivor(rebuttal.clusterId()), MOST_CLUSTER_ITEMS_COUNTED);
        return Optional.of(AfterPublication.of(rebuttal, clusterItems,
                items.textsSince(rebuttal.publishedAt(), AfterPublication.MOST_ITEMS_READ), clock.instant()));
    }

    /** Says where a published rebuttal went out (null clears it): items linking there are recognised. An editor's step. */
    public StoredRebuttal setPublishedUrl(long rebuttalId, URI publishedUrl, AnalystIdentity who) {
        return workflow.setPublishedUrl(rebuttalId, publishedUrl, who);
    }

    /**
     * The rebuttal templates: the built-in ones (as the team left them) by shape and language, then
     * the team's own by name. The first call gives the workspace the shipped ones it lacks.
     */
    public List<RebuttalTemplate> templates() {
        if (!templatesSeeded) {
            templates.seed(builtIn.all(), clock.instant());
            templatesSeeded = true;
        }
        return templates.list();
    }

    /** The templates in one language ("ar"), in the order of {@link #templates()}. */
    public List<RebuttalTemplate> templates(String language) {
        return templates().stream().filter(t -> t.language().equals(language)).toList();
    }

    /**
     * Saves a template: a new one ({@link RebuttalTemplate#of}) as the team's own, or the changed
     * words of an existing one (a built-in one is marked edited and can be restored).
     */
    public RebuttalTemplate saveTemplate(RebuttalTemplate template) {
        templates();
        return templates.save(template, clock.instant());
    }

    /** Deletes one of the team's templates, or hides a built-in one ({@link #restoreTemplate} brings it back). */
    public void deleteTemplate(long id) {
        templates.delete(id, clock.instant());
    }

    /** Puts back the shipped words of a built-in template, edited or deleted. */
    public RebuttalTemplate restoreTemplate(String builtInKey, String language) {
        RebuttalTemplate shipped = builtIn.find(builtInKey, language).orElseThrow(() ->
                new IllegalArgumentException("ClaimDesk ships no template '" + builtInKey + "' in " + language));
        return templates.restore(shipped, clock.instant());
    }

    /** Puts back every built-in template as shipped (the team's own stay as they are). */
    public void restoreBuiltInTemplates() {
        for (RebuttalTemplate shipped : builtIn.all()) {
            templates.restore(shipped, clock.instant());
        }
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
