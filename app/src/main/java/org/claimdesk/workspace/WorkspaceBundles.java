package org.claimdesk.workspace;

import org.claimdesk.export.OpenPgpEnvelope;
import org.claimdesk.export.PackReader;
import org.claimdesk.export.WorkspaceBundleFile;
import org.claimdesk.rebuttals.SnapshotFolder;
import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.BundleContent;
import org.claimdesk.store.RebuttalConflict;
import org.claimdesk.store.RebuttalText;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.store.WorkspaceBundleStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Workspace bundles (issue 13; decision 0024): everything changed since an instant (or all) as one
 * file that another machine imports, the way a connected machine feeds an air-gapped one and gets
 * the work back. An import is checked whole first, then stored in one transaction; the same bundle
 * twice changes nothing; a rebuttal changed on both sides is left as it is here and its incoming
 * version waits as a {@link RebuttalConflict} until an analyst {@linkplain #resolve resolves} it.
 * Every method blocks: call it off the UI thread.
 */
public final class WorkspaceBundles {
    /** How a conflict is resolved: each becomes a new version of the rebuttal, by whoever resolved it. */
    public sealed interface Resolution {
        /** Our text stays (recorded again as a version that settles theirs). */
        record KeepMine() implements Resolution {
        }

        /** The incoming text replaces ours. */
        record TakeTheirs() implements Resolution {
        }

        /** A text the analyst wrote from both. */
        record Merged(RebuttalText text) implements Resolution {
            public Merged {
                Objects.requireNonNull(text, "text");
            }
        }
    }

    /** A bundle written: where, what it holds, its size. */
    public record BundleWritten(Path file, Instant since, int items, int clusters, int rebuttals, int factChecks,
                                int snapshots, long bytes) {
    }

    /**
     * What an import did, by kind: new, updated and unchanged; the conflicts it found and those found
     * before that still wait.
     *
     * @param fromWorkspace the id of the workspace that made the bundle
     */
    public record BundleImportReport(Path file, String fromWorkspace, Instant createdAt, String createdBy,
                                     WorkspaceBundleStore.Counts items, WorkspaceBundleStore.Counts clusters,
                                     WorkspaceBundleStore.Counts rebuttals, WorkspaceBundleStore.Counts factChecks,
                                     List<Long> newConflicts, int conflictsStillPending) {
        public BundleImportReport {
            newConflicts = List.copyOf(newConflicts);
        }

        /** Conflicts that wait for an analyst after this import. */
        public int conflicts() {
            return newConflicts.size() + conflictsStillPending;
        }
    }

    private final WorkspaceBundleStore store;
    private final SnapshotFolder snapshots;
    private final Supplier<String> workspaceId;
    private final Supplier<String> importedBy;
    private final Clock clock;
    private final EncryptedFiles encryptedFiles;

    WorkspaceBundles(WorkspaceBundleStore store, SnapshotFolder snapshots, Supplier<String> workspaceId,
                     Supplier<String> importedBy, Clock clock, EncryptedFiles encryptedFiles) {
        this.store = store;
        this.snapshots = snapshots;
        this.workspaceId = workspaceId;
        this.importedBy = importedBy;
        this.clock = clock;
        this.encryptedFiles = encryptedFiles;
    }

    /**
     * Writes what changed since {@code since} (everything when null) as a bundle, replacing
     * {@code target} only once it is complete.
     */
    public BundleWritten export(Instant since, Path target) throws IOException {
        Instant now = clock.instant();
        BundleContent content = store.read(since, workspaceId.get());
        WorkspaceBundleFile.Written written = WorkspaceBundleFile.write(target,
                new WorkspaceBundleFile.Header(workspaceId.get(), now, since, importedBy.get()), content,
                sha -> snapshots.has(sha) ? snapshots.read(sha) : null, now);
        return new BundleWritten(written.file(), since, content.items().size(), content.clusters().size(),
                content.rebuttals().size(), content.factChecks().size(), written.snapshots(), written.bytes());
    }

    /**
     * Writes the bundle as {@link #export(Instant, Path)} does, encrypted to {@code to} (OpenPGP,
     * decision 0025): the plain bundle only ever exists inside the workspace; {@code target} receives
     * the encrypted file alone.
     */
    public BundleWritten export(Instant since, Path target, OpenPgpEnvelope.Recipients to) throws IOException {
        BundleWritten plain = encryptedFiles.writeEncrypted(EncryptedFiles.plainZipName(target), target, to,
                file -> export(since, file));
        return new BundleWritten(target, plain.since(), plain.items(), plain.clusters(), plain.rebuttals(),
                plain.factChecks(), plain.snapshots(), Files.size(target));
    }

    /** Whether a file is a workspace bundle (by its manifest), to tell it from packs and saved pages. */
    public static boolean isBundle(Path file) {
        return WorkspaceBundleFile.isBundle(file);
    }

    /**
     * Imports a bundle from another workspace: checked whole ({@link WorkspaceBundleFile#read}),
     * its evidence snapshots kept first, then everything in one transaction; snapshots kept for it
     * are removed again when the database refuses it.
     *
     * @throws PackReader.RefusedPack naming the file and what is wrong; nothing of it is kept
     */
    public BundleImportReport importBundle(Path bundle) throws IOException {
        WorkspaceBundleFile.Read read = WorkspaceBundleFile.read(bundle);
        List<String> keptNow = new ArrayList<>();
        try {
            for (Map.Entry<String, byte[]> snapshot : read.snapshots().entrySet()) {
                if (!snapshots.has(snapshot.getKey())) {
                    snapshots.keep(snapshot.getValue());
                    keptNow.add(snapshot.getKey());
                }
            }
            WorkspaceBundleStore.Outcome outcome;
            try {
                outcome = store.importAll(read.content(), workspaceId.get(), read.header().origin(),
                        bundle.getFileName().toString(), importedBy.get(), clock.instant());
            } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
                // a value that does not fit its column, a status or state we do not know, one that is missing
                throw new PackReader.RefusedPack(bundle.getFileName() + ": refused: "
                        + (e.getMessage() == null ? "a value it needs is missing" : e.getMessage()));
            }
            return new BundleImportReport(bundle, read.header().origin(), read.header().createdAt(), read.header().createdBy(),
                    outcome.items(), outcome.clusters(), outcome.rebuttals(), outcome.factChecks(), outcome.newConflicts(),
                    outcome.conflictsStillPending());
        } catch (IOException | RuntimeException e) {
            keptNow.forEach(snapshots::forget); // nothing of a refused bundle stays
            throw e;
        }
    }

    /** Conflicts waiting for an analyst, oldest first: each with our text now and the incoming one. */
    public List<RebuttalConflict> conflicts() {
        return store.pendingConflicts();
    }

    /** Every conflict a rebuttal had, resolved or not, oldest first: its history of exchanges. */
    public List<RebuttalConflict> conflictsOf(long rebuttalId) {
        return store.conflictsOf(rebuttalId);
    }

    public java.util.Optional<RebuttalConflict> conflict(long conflictId) {
        return store.conflict(conflictId);
    }

    /**
     * Resolves a pending conflict as a new version saved by {@code analyst}: ours again, theirs,
     * or a merged text. The version names the incoming one it settled, so that neither side sees
     * the conflict again when the work goes back.
     *
     * @throws IllegalArgumentException when there is no such pending conflict
     */
    public StoredRebuttal resolve(long conflictId, Resolution resolution, AnalystIdentity analyst) {
        Objects.requireNonNull(analyst, "analyst: say who resolves it");
        return switch (resolution) {
            case Resolution.KeepMine mine -> store.resolve(conflictId, RebuttalConflict.Resolution.MINE, null, analyst.name(),
                    clock.instant());
            case Resolution.TakeTheirs theirs -> store.resolve(conflictId, RebuttalConflict.Resolution.THEIRS, null,
                    analyst.name(), clock.instant());
            case Resolution.Merged merged -> store.resolve(conflictId, RebuttalConflict.Resolution.MERGED, merged.text(),
                    analyst.name(), clock.instant());
        };
    }
}
