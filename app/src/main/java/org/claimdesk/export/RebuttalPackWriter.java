package org.claimdesk.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a rebuttal pack: one zip that others can publish from, holding each rebuttal's Markdown
 * and ClaimReview JSON-LD record, the evidence table and (if asked) the evidence snapshots, the
 * page as HTML and PDF, and a manifest with the SHA-256 and size of every other file. The zip is
 * written beside the target and moved over it once complete, so a failure never leaves half a pack.
 */
public final class RebuttalPackWriter {
    /** The pack format; an importer refuses a newer one it does not know. */
    public static final int FORMAT = 1;
    public static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The bytes of a kept evidence snapshot, checked against its hash by whoever reads them. */
    @FunctionalInterface
    public interface Snapshots {
        byte[] read(String sha256) throws IOException;
    }

    /**
     * Who publishes and where: the record's author, and the address each rebuttal is published at.
     *
     * @param organisation the publishing organisation's name (ClaimReview author)
     * @param addresses    each rebuttal's address (ClaimReview url), by rebuttal id
     * @param createdBy    the local identity that exported it, or null
     * @param origin       the exporting workspace's id: an importer knows a pack's rebuttals again by it
     */
    public record Publisher(String organisation, Map<Long, URI> addresses, String createdBy, String origin) {
        public Publisher {
            if (organisation == null || organisation.isBlank()) {
                throw new IllegalArgumentException("a pack needs the publishing organisation's name");
            }
            addresses = Map.copyOf(addresses);
            Objects.requireNonNull(origin, "origin");
        }
    }

    /** What was written: the pack's files and their hashes, as the manifest lists them. */
    public record Written(Path file, List<PackFile> files, int rebuttals, int snapshots) {
    }

    /** One file inside the pack. */
    public record PackFile(String name, long bytes, String sha256) {
    }

    private RebuttalPackWriter() {
    }

    /**
     * @param pages            further files made from the same rebuttals (the HTML and PDF page), by name
     * @param includeSnapshots whether the evidence snapshots go in (they can be large)
     */
    public static Written write(Path target, List<PackRebuttal> rebuttals, Publisher publisher, Map<String, byte[]> pages,
                                boolean includeSnapshots, Snapshots snapshots, Instant now) throws IOException {
        Objects.requireNonNull(target, "target");
        if (rebuttals.isEmpty()) {
            throw new IllegalArgumentException("no rebuttal to put in the pack");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        ArrayNode reviews = JSON.createArrayNode();
        for (PackRebuttal rebuttal : rebuttals) {
            URI address = publisher.addresses().get(rebuttal.id());
            if (address == null) {
                throw new IllegalArgumentException("rebuttal " + rebuttal.id() + " has no address it was published at: give a base address");
            }
            ObjectNode review = ClaimReviewRecords.of(rebuttal, address, publisher.organisation());
            List<String> problems = ClaimReviewRecords.problems(review);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("rebuttal " + rebuttal.id() + " would make an incomplete ClaimReview record: "
                        + String.join("; ", problems));
            }
            reviews.add(review);
            files.put("claimreview/" + baseName(rebuttal) + ".jsonld", JSON.writeValueAsBytes(review));
            files.put("rebuttals/" + baseName(rebuttal) + ".md", markdown(rebuttal).getBytes(StandardCharsets.UTF_8));
        }
        files.put("claimreview.jsonld", JSON.writeValueAsBytes(reviews));
        files.put(PackRebuttalJson.FILE, JSON.writeValueAsBytes(PackRebuttalJson.of(rebuttals)));
        files.put("evidence.csv", EvidenceCsv.of(rebuttals));
        int kept = 0;
        if (includeSnapshots) {
            for (PackRebuttal rebuttal : rebuttals) {
                for (PackRebuttal.Evidence evidence : rebuttal.evidence()) {
                    if (evidence.sha256() != null && evidence.fileName() != null && !files.containsKey(evidence.fileName())) {
                        files.put(evidence.fileName(), snapshots.read(evidence.sha256()));
                        kept++;
                    }
                }
            }
        }
        files.putAll(pages);

        List<PackFile> listed = ManifestZip.listed(files);
        byte[] manifest = manifest(rebuttals, publisher, listed, includeSnapshots, now);
        Path absolute = ManifestZip.write(target, manifest, files, now);
        return new Written(absolute, listed, rebuttals.size(), kept);
    }

    /** The HTML page's name inside a pack. */
    public static final String HTML_PAGE = "index.html";
    /** The PDF's name inside a pack. */
    public static final String PDF_PAGE = "rebuttals.pdf";

    /**
     * The page as readers see it, for {@link #write}'s {@code pages}: one XHTML document, as it is
     * ({@value #HTML_PAGE}) and laid out as a PDF with its fonts embedded ({@value #PDF_PAGE}).
     *
     * @throws MissingFontException when a script of the rebuttals has no font on this machine
     */
    public static Map<String, byte[]> pages(PackHeader header, List<PackRebuttal> rebuttals, PackPdf pdf) throws IOException {
        String page = PackPage.xhtml(header, rebuttals);
        ByteArrayOutputStream laidOut = new ByteArrayOutputStream();
        pdf.write(page, laidOut);
        Map<String, byte[]> pages = new LinkedHashMap<>();
        pages.put(HTML_PAGE, page.getBytes(StandardCharsets.UTF_8));
        pages.put(PDF_PAGE, laidOut.toByteArray());
        return pages;
    }

    /** "12-ar": a rebuttal's files are named by its id and language. */
    static String baseName(PackRebuttal rebuttal) {
        return rebuttal.id() + "-" + rebuttal.language().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "_");
    }

    /** The rebuttal as one Markdown file: the claim, verdict and short answer on top, then its full text. */
    static String markdown(PackRebuttal rebuttal) {
        StringBuilder text = new StringBuilder();
        text.append("<!-- claimdesk rebuttal ").append(rebuttal.id()).append(" · ").append(rebuttal.language()).append(" -->\n\n");
        text.append("**Claim:** ").append(rebuttal.claim().strip()).append("\n\n");
        if (rebuttal.verdictName() != null) {
            text.append("**Verdict:** ").append(rebuttal.verdictName()).append("\n\n");
        }
        if (!rebuttal.shortAnswer().isBlank()) {
            text.append("> ").append(rebuttal.shortAnswer().strip().replace("\n", "\n> ")).append("\n\n");
        }
        text.append(rebuttal.fullText().strip()).append('\n');
        return text.toString();
    }

    private static byte[] manifest(List<PackRebuttal> rebuttals, Publisher publisher, List<PackFile> files,
                                   boolean snapshots, Instant now) throws IOException {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", "claimdesk-rebuttal-pack");
        manifest.put("version", FORMAT);
        manifest.put("createdAt", now.toString());
        manifest.put("organisation", publisher.organisation());
        manifest.put("origin", publisher.origin());
        if (publisher.createdBy() != null) {
            manifest.put("createdBy", publisher.createdBy());
        }
        manifest.put("evidenceSnapshots", snapshots);
        ArrayNode ids = manifest.putArray("rebuttals");
        for (PackRebuttal rebuttal : rebuttals) {
            ObjectNode entry = ids.addObject();
            entry.put("id", rebuttal.id());
            entry.put("language", rebuttal.language());
            if (rebuttal.translationOf() != null) {
                entry.put("translationOf", rebuttal.translationOf());
            }
            entry.put("claimReview", "claimreview/" + baseName(rebuttal) + ".jsonld");
            entry.put("markdown", "rebuttals/" + baseName(rebuttal) + ".md");
        }
        ManifestZip.list(manifest, files);
        return JSON.writeValueAsBytes(manifest);
    }
}
