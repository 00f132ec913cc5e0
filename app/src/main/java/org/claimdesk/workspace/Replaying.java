package org.claimdesk.workspace;

import org.claimdesk.cluster.ClusterItem;
import org.claimdesk.extract.ContentHash;
import org.claimdesk.extract.UrlCanonicalizer;
import org.claimdesk.extract.WebLinks;
import org.claimdesk.flag.ClusterFlagger;
import org.claimdesk.pipeline.ClusterStage;
import org.claimdesk.pipeline.StageStatus;
import org.claimdesk.source.PageSelectors;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceIds;
import org.claimdesk.source.SourceKind;
import org.claimdesk.store.ClusterSummary;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.store.NewItem;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A recorded stream fed through the workspace as if it arrived live ({@code claimdesk replay}):
 * each item is stored at its own time from a source named as in the stream, then analysed, its
 * claims found and clustered by the same stages the workbench runs; flags are scored on the
 * session's clock, which the caller moves along the stream's time. Meant for a fresh workspace:
 * what else is stored there would count in the figures.
 */
public final class Replaying {
    /** Stream items with no source all count as this one: one source never looks like spread. */
    public static final String UNNAMED_SOURCE = "unnamed";
    private static final String SOURCE_PREFIX = "replay-";

    private final WorkspaceSession session;
    private final Map<String, String> sourceIds = new HashMap<>();
    private final Set<String> takenIds = new HashSet<>();

    Replaying(WorkspaceSession session) {
        this.session = session;
    }

    /**
     * Stores one stream item as arrived at its own time (published and fetched then, so the
     * pipeline's clocks and the flags' windows follow the stream). Returns the stored item it
     * became, or empty when its source had delivered the same item (address or text) before.
     *
     * @param stream names the sources of the stream (a file:), as an imported file does
     */
    public OptionalLong store(ClusterItem item, URI stream) {
        String sourceId = sourceOf(item.source(), stream);
        URI url = webLink(item.url());
        URI canonical = url == null ? null : UrlCanonicalizer.canonical(url);
        String text = item.text() == null ? "" : item.text();
        session.itemStore().save(new NewItem(sourceId, url, canonical, item.id(), item.title(), null, text,
                item.language(), item.time(), item.time(), ContentHash.of(text)));
        Optional<Long> id = session.itemStore().idOfEntry(sourceId, item.id());
        return id.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /**
     * Runs analysis, claims and clustering until nothing waits (or what waits is due later, e.g.
     * a retry after a failure); returns how many items were clustered. Interrupting stops it.
     */
    public long runStages() throws InterruptedException {
        return session.stages().runUntilIdle(ClusterStage.NAME, Long.MAX_VALUE);
    }

    /** Scores every live cluster at the session clock's time; says which were flagged for the first time. */
    public ClusterFlagger.Round scoreFlags() {
        return session.rescoreFlags();
    }

    /** A cluster as it stands now (the one that carries on, when it was merged). */
    public Optional<ClusterSummary> cluster(long clusterId) {
        return session.clusterStore().find(clusterId);
    }

    /** The cluster an item is in now, if it was clustered. */
    public Optional<Long> clusterOf(long itemId) {
        return session.claims().clusterOfItem(itemId);
    }

    /** The ids of a live cluster's items. */
    public List<Long> itemsOf(long clusterId, int limit) {
        return session.itemStore().inCluster(clusterId, limit).stream().map(ItemSummary::id).toList();
    }

    /** Items the stages gave up on (analysis that failed on every try): they are in no cluster. */
    public long failedItems() {
        return session.stages().statuses().stream().mapToLong(StageStatus::failed).sum();
    }

    private String sourceOf(String name, URI stream) {
        String shown = name == null || name.isBlank() ? UNNAMED_SOURCE : name.strip();
        return sourceIds.computeIfAbsent(shown, key -> {
            String id = SourceIds.derive(SOURCE_PREFIX + key, null, takenIds);
            takenIds.add(id);
            // never polled: the stream is all it will deliver
            session.sourceStore().registerImported(new Source(id, key, stream, SourceKind.FEED, null, List.of("replay"),
                    Duration.ofDays(365), false, PageSelectors.NONE, false));
            return id;
        });
    }

    private static URI webLink(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            // datasets escape characters a URI may hold ("\?"): undone before reading
            return WebLinks.safe(URI.create(url.strip().replace("\\", "")));
        } catch (IllegalArgumentException e) {
            return null; // the item keeps no link, as ingest does with a malformed one
        }
    }
}
