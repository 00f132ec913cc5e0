package org.claimdesk.cli;

import org.claimdesk.export.EncryptionException;
import org.claimdesk.export.OpenPgpEnvelope;
import org.claimdesk.workspace.EncryptedFiles;
import org.claimdesk.workspace.Exporting;
import org.claimdesk.workspace.WorkspaceSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
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

    @Option(names = "--encrypt-to", paramLabel = "KEYFILE", description = {"Encrypt the pack (OpenPGP) to the public key in",
            "this file (.asc or binary, as gpg --export writes it); repeat for more recipients."})
    List<Path> encryptTo = List.of();

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = {"Encrypt the pack (OpenPGP) with the passphrase",
            "on this file's first line."})
    Path passphraseFile;

    @Option(names = "--encrypt", description = {"Encrypt the pack with a passphrase from $" + Passphrases.VARIABLE + ",",
            "or asked on the terminal. Never give a passphrase as an argument."})
    boolean encrypt;

    @Option(names = "--armor", description = "Write the encrypted pack as ASCII text (.asc) instead of binary (.pgp).")
    boolean armor;

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
            String name = logo.getFileName().toString().toLowerCase(Locale.ROOT);
            logoType = name.endsWith(".png") ? "image/png" : name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg" : null;
            if (logoType == null) {
                err().println("claimdesk export-pack: --logo must be a .png or .jpg file: " + logo);
                return ExitCodes.USAGE;
            }
            logoBytes = java.nio.file.Files.readAllBytes(logo);
        }
        Exporting.PackRequest request = new Exporting.PackRequest(which.approved ? List.of() : which.ids, tags, !noSnapshots,
                organisation, base, session.workingAs().map(identity -> identity.name()).orElse(null), logoBytes, logoType);
        char[] passphrase = null;
        try {
            if (encrypt || passphraseFile != null) {
                Passphrases passphrases = Passphrases.ofThisProcess();
                passphrase = passphrases.given(passphraseFile);
                if (passphrase == null) {
                    passphrase = passphrases.ask("Passphrase for the pack", true);
                }
                if (passphrase == null) {
                    err().println("claimdesk export-pack: --encrypt needs a passphrase: set $" + Passphrases.VARIABLE
                            + " or give --passphrase-file FILE; nothing was written");
                    return ExitCodes.USAGE;
                }
            }
            OpenPgpEnvelope.Recipients recipients = null;
            if (passphrase != null || !encryptTo.isEmpty()) {
                recipients = new OpenPgpEnvelope.Recipients(passphrase, encryptTo, armor);
            } else if (armor) {
                err().println("claimdesk export-pack: --armor is for an encrypted pack: add --encrypt-to, --passphrase-file or --encrypt");
                return ExitCodes.USAGE;
            }
            Path target = recipients == null ? out : EncryptedFiles.encryptedName(out, armor);
            Exporting.PackWritten written = recipients == null ? session.exports().exportRebuttalPack(request, target)
                    : session.exports().exportRebuttalPack(request, target, recipients);
            out().printf("%d rebuttals, %d evidence snapshots, %d files written to %s%n", written.rebuttals(),
                    written.snapshots(), written.files() + 1, written.file());
            if (recipients != null) {
                out().println("encrypted (OpenPGP) to " + (passphrase != null ? "a passphrase" : "")
                        + (passphrase != null && !encryptTo.isEmpty() ? " and " : "")
                        + (encryptTo.isEmpty() ? "" : encryptTo.size() + (encryptTo.size() == 1 ? " key" : " keys"))
                        + "; gpg --decrypt opens it too");
            }
            return ExitCodes.OK;
        } catch (IllegalArgumentException | org.claimdesk.export.MissingFontException | EncryptionException e) {
            err().println("claimdesk export-pack: " + e.getMessage());
            return ExitCodes.FAILED;
        } finally {
            Passphrases.forget(passphrase);
        }
    }
}
