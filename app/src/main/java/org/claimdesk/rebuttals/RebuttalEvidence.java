package org.claimdesk.rebuttals;

import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.EvidenceStore;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.RebuttalStatus;
import org.claimdesk.store.RebuttalStore;
import org.claimdesk.store.StoredEvidence;
import org.claimdesk.store.StoredItem;
import org.claimdesk.store.StoredRebuttal;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The evidence a rebuttal rests on: web pages (fetched and kept when attached) and items of the
 * workspace (kept as stored), each with the analyst's note on what it shows. Attaching a page
 * waits on the network: run it off the window's thread.
 */
public final class RebuttalEvidence {
    private final RebuttalStore rebuttals;
    private final EvidenceStore evidence;
    private final ItemStore items;
    private final EvidenceSnapshots snapshots;
    private final Clock clock;

    public RebuttalEvidence(RebuttalStore rebuttals, EvidenceStore evidence, ItemStore items, EvidenceSnapshots snapshots,
                            Clock clock) {
        this.rebuttals = Objects.requireNonNull(rebuttals, "rebuttals");
        this.evidence = Objects.requireNonNull(evidence, "evidence");
        this.items = Objects.requireNonNull(items, "items");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Attaches a web page: fetched and kept now; when it cannot be, attached with the reason. */
    public StoredEvidence attachPage(long rebuttalId, URI url, String note, AnalystIdentity who) throws InterruptedException {
        requireOpen(rebuttalId);
        String scheme = url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("evidence on the web has an http or https address: " + url);
        }
        EvidenceSnapshots.Taken taken = snapshots.ofPage(url);
        return evidence.add(rebuttalId, url, null, note, taken.title(), taken.snapshot(), who.name(), clock.instant());
    }

    /** Attaches an item of the workspace, as stored now. */
    public StoredEvidence attachItem(long rebuttalId, long itemId, String note, AnalystIdentity who) {
        requireOpen(rebuttalId);
        StoredItem item = items.find(itemId).orElseThrow(() -> new IllegalArgumentException("item " + itemId + " does not exist"));
        EvidenceSnapshots.Taken taken = snapshots.ofItem(item);
        return evidence.add(rebuttalId, item.url(), itemId, note, taken.title(), taken.snapshot(), who.name(), clock.instant());
    }

    /** Tries again to keep a page that could not be fetched when it was attached (back online). */
    public StoredEvidence retake(StoredEvidence page) throws InterruptedException {
        if (page.url() == null || page.itemId() != null) {
            throw new IllegalArgumentException("only a web page is taken again");
        }
        EvidenceSnapshots.Taken taken = snapshots.ofPage(page.url());
        if (!taken.snapshot().taken() && page.snapshot().taken()) {
            return page; // a failed try never replaces a snapshot that was kept
        }
        return evidence.resnapshot(page.id(), taken.snapshot());
    }

    public List<StoredEvidence> of(long rebuttalId) {
        return evidence.of(rebuttalId);
    }

    private void requireOpen(long rebuttalId) {
        StoredRebuttal rebuttal = rebuttals.find(rebuttalId)
                .orElseThrow(() -> new IllegalArgumentException("rebuttal " + rebuttalId + " does not exist"));
        if (rebuttal.status() == RebuttalStatus.WITHDRAWN) {
            throw new IllegalArgumentException("it was withdrawn: evidence is no longer attached to it");
        }
    }
}
