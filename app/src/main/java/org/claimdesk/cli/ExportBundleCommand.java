package org.claimdesk.cli;

import org.claimdesk.export.EncryptionException;
import org.claimdesk.workspace.WorkspaceBundles;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

@Command(name = "export-bundle", description = {"Write the workspace's work as one bundle (a zip) for another ClaimDesk, e.g. an",
        "air-gapped one: items with their analysis, clusters with triage, notes and tags, rebuttals with",
        "every version, step and piece of evidence, imported fact-checks; 'import' reads it there."})
final class ExportBundleCommand extends SessionCommand {
    @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "Where to write the bundle.")
    Path out;

    @Option(names = "--since", paramLabel = "TIME", description = {"Only what changed since then: 2026-12-01T00:00Z, an offset",
            "(2026-12-01T08:00+02:00) or a date (2026-12-01, midnight UTC). Default: everything."})
    String since;

    @Mixin
    EncryptionOptions encryption;

    @Override
    int run(WorkspaceSession session) throws IOException {
        Instant from = null;
        if (since != null) {
            from = instant(since.strip());
            if (from == null) {
                err().println("claimdesk export-bundle: --since is neither a time (2026-12-01T00:00Z) nor a date (2026-12-01): " + since);
                return ExitCodes.USAGE;
            }
        }
        try (EncryptionOptions.Choice choice = encryption.choose("export-bundle", "bundle", err())) {
            if (choice == null) {
                return ExitCodes.USAGE;
            }
            Path target = choice.target(out);
            WorkspaceBundles.BundleWritten written = choice.encrypted()
                    ? session.bundles().export(from, target, choice.recipients())
                    : session.bundles().export(from, target);
            out().printf("%d items, %d clusters, %d rebuttals, %d fact-checks, %d evidence snapshots%s written to %s (%.1f MB)%n",
                    written.items(), written.clusters(), written.rebuttals(), written.factChecks(), written.snapshots(),
                    from == null ? "" : " changed since " + from, written.file(), written.bytes() / 1e6);
            choice.tellWhom(out());
            return ExitCodes.OK;
        } catch (EncryptionException e) {
            err().println("claimdesk export-bundle: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    /** An ISO-8601 instant, a time with an offset, or a date (its midnight in UTC); null when it is none of them. */
    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }
}
