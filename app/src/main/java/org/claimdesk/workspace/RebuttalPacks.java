package org.claimdesk.workspace;

import org.claimdesk.export.PackRebuttal;
import org.claimdesk.export.RebuttalPackWriter;
import org.claimdesk.rebuttals.RatingScale;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.store.RebuttalStatus;
import org.claimdesk.store.StoredEvidence;
import org.claimdesk.store.StoredItem;
import org.claimdesk.store.StoredRebuttal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Rebuttal packs from a workspace (issue 13): the approved rebuttals chosen, read once with their
 * evidence and the places their claim appeared, and written by {@link RebuttalPackWriter}.
 */
final class RebuttalPacks {
    /** A rebuttal goes in a pack once approved; withdrawn ones never do. */
    static final Set<RebuttalStatus> PACKABLE = EnumSet.of(RebuttalStatus.APPROVED, RebuttalStatus.PUBLISHED,
            RebuttalStatus.UPDATED);
    /** Places of the claim read per rebuttal: the earliest are the ones a record names. */
    static final int MOST_APPEARANCES = 200;

    private final Rebuttals rebuttals;
    private final ClaimClusters claims;
    private final ItemBrowsing items;
    private final Clock clock;

    RebuttalPacks(Rebuttals rebuttals, ClaimClusters claims, ItemBrowsing items, Clock clock) {
        this.rebuttals = rebuttals;
        this.claims = claims;
        this.items = items;
        this.clock = clock;
    }

    Exporting.PackWritten write(Exporting.PackRequest request, Path target) throws IOException {
        List<StoredRebuttal> chosen = choose(request);
        List<PackRebuttal> packed = chosen.stream().map(this::packed).toList();
        Map<Long, URI> addresses = new HashMap<>();
        for (StoredRebuttal rebuttal : chosen) {
            URI address = addressOf(rebuttal, request.baseUrl());
            if (address != null) {
                addresses.put(rebuttal.id(), address);
            }
        }
        String by = request.createdBy();
        RebuttalPackWriter.Written written = RebuttalPackWriter.write(target, packed,
                new RebuttalPackWriter.Publisher(request.organisation(), addresses, by), Map.of(),
                request.includeSnapshots(), sha -> rebuttals.snapshots().read(sha), clock.instant());
        return new Exporting.PackWritten(written.file(), written.rebuttals(), written.snapshots(), written.files().size());
    }

    private List<StoredRebuttal> choose(Exporting.PackRequest request) {
        List<StoredRebuttal> chosen = new ArrayList<>();
        if (request.rebuttalIds().isEmpty()) {
            chosen.addAll(rebuttals.list(PACKABLE, Integer.MAX_VALUE));
        } else {
            for (long id : new LinkedHashSet<>(request.rebuttalIds())) {
                StoredRebuttal rebuttal = rebuttals.find(id)
                        .orElseThrow(() -> new IllegalArgumentException("rebuttal " + id + " does not exist"));
                if (!PACKABLE.contains(rebuttal.status())) {
                    throw new IllegalArgumentException("rebuttal " + id + " is " + rebuttal.status().name().toLowerCase(Locale.ROOT)
                            .replace('_', ' ') + ": only approved or published rebuttals go in a pack");
                }
                chosen.add(rebuttal);
            }
        }
        if (!request.languages().isEmpty()) {
            chosen.removeIf(rebuttal -> !request.languages().contains(rebuttal.language()));
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no approved rebuttal matches: nothing to put in a pack");
        }
        chosen.sort(Comparator.comparingLong(StoredRebuttal::id));
        return chosen;
    }

    /** Where it is published: the base address given, with the rebuttal's id and language. */
    private static URI addressOf(StoredRebuttal rebuttal, URI base) {
        if (base == null) {
            return null;
        }
        String text = base.toString();
        return URI.create(text + (text.endsWith("/") || text.endsWith("#") || text.endsWith("=") ? "" : "/")
                + rebuttal.id() + "-" + rebuttal.language());
    }

    private PackRebuttal packed(StoredRebuttal rebuttal) {
        RatingScale scale = rebuttals.workflow().scale();
        RatingScale.Verdict verdict = rebuttal.text().verdict() == null ? null
                : scale.find(rebuttal.text().verdict()).orElse(null);
        List<PackRebuttal.Evidence> evidence = new ArrayList<>();
        for (StoredEvidence piece : rebuttals.evidence().of(rebuttal.id())) {
            String sha = piece.snapshot().sha256();
            evidence.add(new PackRebuttal.Evidence(piece.position(), piece.url(), piece.itemId(), piece.title(), piece.note(),
                    piece.snapshot().takenAt(), sha, piece.snapshot().contentType(), piece.snapshot().problem(),
                    sha == null ? null : "evidence/" + sha));
        }
        return new PackRebuttal(rebuttal.id(), rebuttal.language(), rebuttal.text().claim(),
                verdict == null ? null : verdict.key(), verdict == null ? null : verdict.alternateName(),
                verdict == null ? scale.worstRating() : verdict.ratingValue(), scale.worstRating(), scale.bestRating(),
                rebuttal.text().shortAnswer(), rebuttal.text().fullText(), rebuttal.author(), rebuttal.reviewer(),
                rebuttal.publishedAt(), rebuttal.updatedAt(), appearances(rebuttal.clusterId()), evidence,
                rebuttal.translationOf());
    }

    /** The cluster's items with an address, earliest first. */
    private List<PackRebuttal.Appearance> appearances(long clusterId) {
        List<ItemSummary> members = claims.detail(clusterId).map(detail -> detail.itemsBySource().values().stream()
                .flatMap(List::stream).toList()).orElse(List.of());
        return members.stream()
                .filter(item -> item.time() != null)
                .sorted(Comparator.comparing(ItemSummary::time))
                .limit(MOST_APPEARANCES)
                .map(item -> {
                    StoredItem stored = items.find(item.id()).orElse(null);
                    URI url = stored == null ? null : Objects.requireNonNullElse(stored.canonicalUrl(), stored.url());
                    return new PackRebuttal.Appearance(url, item.title(), item.sourceName(), item.time());
                })
                .filter(appearance -> appearance.url() != null)
                .toList();
    }
}
