package org.claimdesk.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimdesk.export.PackHeader;
import org.claimdesk.export.PackPdf;
import org.claimdesk.export.PackReader;
import org.claimdesk.export.PdfFonts;
import org.claimdesk.export.PackRebuttal;
import org.claimdesk.export.PackRebuttalJson;
import org.claimdesk.export.RebuttalPackWriter;
import org.claimdesk.rebuttals.RatingScale;
import org.claimdesk.rebuttals.SnapshotFolder;
import org.claimdesk.store.EvidenceSnapshot;
import org.claimdesk.store.ImportedRebuttal;
import org.claimdesk.store.RebuttalImportStore;
import org.claimdesk.store.RebuttalText;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.store.RebuttalStatus;
import org.claimdesk.store.StoredEvidence;
import org.claimdesk.store.StoredItem;
import org.claimdesk.store.StoredRebuttal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
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
import java.util.function.Supplier;

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
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Rebuttals rebuttals;
    private final ClaimClusters claims;
    private final ItemBrowsing items;
    private final RebuttalImportStore imports;
    private final Supplier<String> workspaceId;
    private final Clock clock;

    /** @param workspaceId this workspace's id, made once: packs name their origin with it */
    RebuttalPacks(Rebuttals rebuttals, ClaimClusters claims, ItemBrowsing items, RebuttalImportStore imports,
                  Supplier<String> workspaceId, Clock clock) {
        this.rebuttals = rebuttals;
        this.claims = claims;
        this.items = items;
        this.imports = imports;
        this.workspaceId = workspaceId;
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
        Instant now = clock.instant();
        PackHeader header = new PackHeader(request.organisation(), request.logo(), request.logoMediaType(), now);
        Map<String, byte[]> pages = RebuttalPackWriter.pages(header, packed, new PackPdf(PdfFonts.onThisMachine()));
        RebuttalPackWriter.Written written = RebuttalPackWriter.write(target, packed,
                new RebuttalPackWriter.Publisher(request.organisation(), addresses, by, workspaceId.get()), pages,
                request.includeSnapshots(), sha -> rebuttals.snapshots().read(sha), now);
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

    /** Where it is published: the address the editor gave when publishing, else the base address with its id and language. */
    private static URI addressOf(StoredRebuttal rebuttal, URI base) {
        if (rebuttal.publishedUrl() != null) {
            return rebuttal.publishedUrl();
        }
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

    /**
     * Imports a pack from another workspace: checked whole first ({@link PackReader}), then its
     * rebuttals and evidence stored in one transaction; the same pack twice changes nothing.
     *
     * @throws PackReader.RefusedPack naming the file and what is wrong, with nothing kept
     */
    Rebuttals.PackImported importPack(Path pack, String by) throws IOException {
        PackReader.Contents contents = PackReader.read(pack);
        String origin = contents.manifest().path("origin").asText("");
        if (origin.isBlank() || origin.contains(":")) {
            throw new PackReader.RefusedPack(pack.getFileName() + ": refused: its manifest names no origin");
        }
        String organisation = contents.manifest().path("organisation").asText("?");
        List<PackRebuttal> packed;
        try {
            packed = PackRebuttalJson.read(JSON.readTree(contents.files().get(PackRebuttalJson.FILE)));
        } catch (IllegalArgumentException | IOException e) {
            throw new PackReader.RefusedPack(pack.getFileName() + ": refused: " + e.getMessage());
        }
        RatingScale scale = rebuttals.workflow().scale();
        List<String> keptNow = new ArrayList<>();
        try {
            List<ImportedRebuttal> imported = new ArrayList<>();
            for (PackRebuttal rebuttal : packed) {
                List<ImportedRebuttal.Evidence> evidence = new ArrayList<>();
                for (PackRebuttal.Evidence piece : rebuttal.evidence()) {
                    evidence.add(new ImportedRebuttal.Evidence(piece.url(), piece.title(), piece.note(),
                            snapshotOf(pack, piece, contents.files(), keptNow)));
                }
                String verdict = rebuttal.verdictKey() != null && scale.find(rebuttal.verdictKey()).isPresent()
                        ? rebuttal.verdictKey() : null;
                imported.add(new ImportedRebuttal(origin + ":" + rebuttal.id(),
                        rebuttal.translationOf() == null ? null : origin + ":" + rebuttal.translationOf(), rebuttal.language(),
                        new RebuttalText(rebuttal.claim(), verdict, rebuttal.shortAnswer(), rebuttal.fullText()),
                        rebuttal.publishedAt() != null ? RebuttalStatus.PUBLISHED : RebuttalStatus.APPROVED,
                        rebuttal.author(), rebuttal.reviewer(), rebuttal.publishedAt(),
                        rebuttal.updatedAt() == null ? clock.instant() : rebuttal.updatedAt(),
                        rebuttal.appearances().stream().map(PackRebuttal.Appearance::url).filter(Objects::nonNull).toList(),
                        evidence));
            }
            RebuttalImportStore.Outcome outcome = imports.importAll(imported, workspaceId.get(), by, clock.instant(),
                    "imported from " + organisation + "'s pack " + pack.getFileName());
            return new Rebuttals.PackImported(organisation, outcome.added(), outcome.updated(), outcome.unchanged(),
                    outcome.rebuttalIds());
        } catch (IOException | RuntimeException e) {
            keptNow.forEach(sha -> rebuttals.snapshots().forget(sha)); // nothing of a refused pack stays
            throw e;
        }
    }

    /** The evidence's kept copy from the pack, into this workspace's folder; or why there is none. */
    private EvidenceSnapshot snapshotOf(Path pack, PackRebuttal.Evidence piece, Map<String, byte[]> files, List<String> keptNow)
            throws PackReader.RefusedPack {
        Instant taken = piece.takenAt() == null ? clock.instant() : piece.takenAt();
        if (piece.sha256() == null) {
            return EvidenceSnapshot.failed(piece.problem() == null ? "no copy was kept" : piece.problem(), taken);
        }
        byte[] bytes = piece.fileName() == null ? null : files.get(piece.fileName());
        if (bytes == null) {
            return EvidenceSnapshot.failed("the pack came without its kept copy", taken);
        }
        if (!SnapshotFolder.sha256(bytes).equals(piece.sha256())) {
            throw new PackReader.RefusedPack(pack.getFileName() + ": refused: " + piece.fileName()
                    + " is not the evidence its rebuttal names");
        }
        if (!rebuttals.snapshots().has(piece.sha256())) {
            rebuttals.snapshots().keep(bytes);
            keptNow.add(piece.sha256());
        }
        return new EvidenceSnapshot(null, piece.sha256(), bytes.length, piece.contentType(), taken, null);
    }
}
