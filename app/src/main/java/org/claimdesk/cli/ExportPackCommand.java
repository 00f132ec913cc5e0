package org.claimdesk.cli;

import org.claimdesk.export.EncryptionException;
import org.claimdesk.workspace.Exporting;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

@Command(name = "export-pack", description = {"Write approved rebuttals as a pack (a zip) that others can publish:",
        "ClaimReview JSON-LD and Markdown per rebuttal, the page as HTML and PDF, the evidence table",
        "and the kept evidence, and a manifest with the SHA-256 of every file."})
final class ExportPackCommand extends SessionCommand {
    static final class Which {
        @Option(names = "--rebuttals", split = ",", paramLabel = "ID[,ID...]",
                description = "These rebuttals (each approved or published).")
        List<Long> ids;

        @Option(names = "--approved", description = "Every approved or published rebuttal.")
        boolean approved;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "Where to write the pack.")
    Path out;

    @Option(names = "--org", required = true, paramLabel = "NAME",
            description = "The publishing organisation: the author of the ClaimReview records.")
    String organisation;

    @Option(names = "--base-url", paramLabel = "URL",
            description = {"Where the rebuttals are published; a record's address is URL/ID-LANGUAGE",
                    "unless the editor gave the address when publishing. Needed when some have none."})
    String baseUrl;

    @Option(names = "--languages", split = ",", paramLabel = "TAG[,TAG...]", description = "Only rebuttals in these languages.")
    List<String> languages = List.of();

    @Option(names = "--logo", paramLabel = "FILE.png|jpg", description = "The organisation's logo on the page.")
    Path logo;

    @Option(names = "--no-snapshots", description = "Leave the kept copies of the evidence out (the table stays).")
    boolean noSnapshots;

    @Mixin
    EncryptionOptions encryption;

    @Override
    int run(WorkspaceSession session) throws IOException {
        URI base = null;
        try {
            base = baseUrl == null ? null : URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            err().println("claimdesk export-pack: --base-url is not an address: " + baseUrl);
            return ExitCodes.USAGE;
        }
        if (base != null && !"https".equalsIgnoreCase(base.getScheme()) && !"http".equalsIgnoreCase(base.getScheme())) {
            err().println("claimdesk export-pack: --base-url must be an http(s) address: " + baseUrl);
            return ExitCodes.USAGE;
        }
        Set<String> tags = languages.stream().map(tag -> tag.strip().toLowerCase(Locale.ROOT)).filter(tag -> !tag.isEmpty())
                .collect(Collectors.toSet());
        byte[] logoBytes = null;
        String logoType = null;
        if (logo != null) {
            logoType = Exporting.logoMediaType(logo);
            if (logoType == null) {
                err().println("claimdesk export-pack: --logo must be a .png or .jpg file: " + logo);
                return ExitCodes.USAGE;
            }
            logoBytes = java.nio.file.Files.readAllBytes(logo);
        }
        Exporting.PackRequest request = new Exporting.PackRequest(which.approved ? List.of() : which.ids, tags, !noSnapshots,
                organisation, base, session.workingAs().map(identity -> identity.name()).orElse(null), logoBytes, logoType);
        try (EncryptionOptions.Choice choice = encryption.choose("export-pack", "pack", err())) {
            if (choice == null) {
                return ExitCodes.USAGE;
            }
            Path target = choice.target(out);
            Exporting.PackWritten written = choice.encrypted()
                    ? session.exports().exportRebuttalPack(request, target, choice.recipients())
                    : session.exports().exportRebuttalPack(request, target);
            out().printf("%d rebuttals, %d evidence snapshots, %d files written to %s%n", written.rebuttals(),
                    written.snapshots(), written.files() + 1, written.file());
            choice.tellWhom(out());
            return ExitCodes.OK;
        } catch (IllegalArgumentException | org.claimdesk.export.MissingFontException | EncryptionException e) {
            err().println("claimdesk export-pack: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
