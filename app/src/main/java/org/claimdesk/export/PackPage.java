package org.claimdesk.export;

import org.claimdesk.rebuttals.MarkdownBlocks;
import org.claimdesk.script.WritingSystem;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A rebuttal pack's page: one self-contained XHTML document (inline CSS, the logo as a data: URI,
 * nothing to load) that is the pack's {@code index.html} and what {@link PackPdf} lays out. Each
 * rebuttal is a section with its own {@code lang} and, for right-to-left scripts, {@code dir="rtl"};
 * titles and notes in another script get their own direction. Every text is escaped, and only
 * http(s) addresses become links.
 */
public final class PackPage {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int SHORT_HASH = 12;

    private PackPage() {
    }

    /** The whole page for these rebuttals, in their order. */
    public static String xhtml(PackHeader header, List<PackRebuttal> rebuttals) {
        StringBuilder out = new StringBuilder(8192);
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n<title>").append(text("Rebuttals — " + header.organisation()))
                .append("</title>\n<style>\n").append(css()).append("</style>\n</head>\n<body>\n");
        header(out, header, rebuttals.size());
        for (int i = 0; i < rebuttals.size(); i++) {
            rebuttal(out, rebuttals.get(i), i > 0);
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static void header(StringBuilder out, PackHeader header, int count) {
        out.append("<div class=\"pack-header\">\n");
        if (header.logo() != null) {
            out.append("<img class=\"logo\" alt=\"").append(text(header.organisation())).append("\" src=\"data:")
                    .append(header.logoMediaType()).append(";base64,")
                    .append(Base64.getEncoder().encodeToString(header.logo())).append("\"/>\n");
        }
        out.append("<p class=\"organisation\"").append(dirOf(header.organisation())).append('>')
                .append(text(header.organisation())).append("</p>\n<p class=\"generated\">")
                .append(count == 1 ? "1 rebuttal" : count + " rebuttals").append(" · generated ")
                .append(MINUTE.format(header.generatedAt())).append("</p>\n</div>\n");
    }

    private static void rebuttal(StringBuilder out, PackRebuttal r, boolean newPage) {
        WritingSystem system = WritingSystem.of(r.language(), r.claim());
        out.append("<div class=\"rebuttal").append(newPage ? " next" : "").append("\" id=\"rebuttal-").append(r.id())
                .append("\" lang=\"").append(text(r.language())).append("\" xml:lang=\"").append(text(r.language()))
                .append("\" dir=\"").append(system.rightToLeft() ? "rtl" : "ltr")
                .append("\" style=\"font-family: ").append(text(PdfFonts.cssFamilies(system))).append("\">\n");
        out.append("<p class=\"label\">Claim</p>\n<h2 class=\"claim\">").append(text(r.claim())).append("</h2>\n");
        out.append("<p class=\"verdict\"><span class=\"label\">Verdict</span> <strong>")
                .append(text(r.verdictName() == null ? "not rated" : r.verdictName())).append("</strong>");
        if (r.verdictName() != null) {
            out.append(" <span class=\"rating\" dir=\"ltr\">(").append(r.ratingValue()).append(" on a scale of ")
                    .append(r.worstRating()).append("–").append(r.bestRating()).append(")</span>");
        }
        out.append("</p>\n");
        if (!r.shortAnswer().isBlank()) {
            out.append("<p class=\"short-answer\">").append(lines(r.shortAnswer())).append("</p>\n");
        }
        out.append("<div class=\"full-text\">\n");
        for (MarkdownBlocks.Block block : MarkdownBlocks.of(r.fullText())) {
            block(out, block);
        }
        out.append("</div>\n");
        credits(out, r);
        appearances(out, r.appearances());
        evidence(out, r.evidence());
        out.append("</div>\n");
    }

    private static void block(StringBuilder out, MarkdownBlocks.Block block) {
        switch (block.kind()) {
            case HEADING -> {
                int level = Math.min(6, block.level() + 2);
                out.append("<h").append(level).append('>').append(text(block.text())).append("</h").append(level).append(">\n");
            }
            case PARAGRAPH -> out.append("<p>").append(lines(block.text())).append("</p>\n");
            case QUOTE -> out.append("<blockquote><p>").append(lines(block.text())).append("</p></blockquote>\n");
            case BULLET, NUMBERED -> out.append("<p class=\"item depth-").append(Math.min(4, block.level())).append("\">")
                    .append("<span class=\"marker\">").append(block.kind() == MarkdownBlocks.Kind.BULLET ? "•" : block.number() + ".")
                    .append("</span> ").append(lines(block.text())).append("</p>\n");
            case CODE -> out.append("<pre dir=\"ltr\">").append(text(block.text())).append("</pre>\n");
            case RULE -> out.append("<hr/>\n");
        }
    }

    private static void credits(StringBuilder out, PackRebuttal r) {
        // lines, not a table: openhtmltopdf does not mirror a table's columns right to left
        out.append("<div class=\"credits\">\n");
        credit(out, "Written by", r.author());
        credit(out, "Reviewed by", r.reviewer());
        credit(out, "Published", r.publishedAt() == null ? "not yet" : DAY.format(r.publishedAt()));
        credit(out, "Updated", r.updatedAt() == null ? null : DAY.format(r.updatedAt()));
        credit(out, "Translation of", r.translationOf() == null ? null : "rebuttal " + r.translationOf());
        out.append("</div>\n");
    }

    private static void credit(StringBuilder out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.append("<p class=\"credit\"><span class=\"label\">").append(label).append("</span> <span")
                    .append(dirOf(value)).append('>').append(text(value)).append("</span></p>\n");
        }
    }

    private static void appearances(StringBuilder out, List<PackRebuttal.Appearance> appearances) {
        if (appearances.isEmpty()) {
            return;
        }
        out.append("<h3>Where the claim appeared</h3>\n<ul class=\"appearances\">\n");
        for (PackRebuttal.Appearance a : appearances) {
            out.append("<li>");
            String title = a.title() == null || a.title().isBlank() ? String.valueOf(a.url()) : a.title();
            link(out, a.url(), title);
            if (a.source() != null && !a.source().isBlank()) {
                out.append(" — <span").append(dirOf(a.source())).append('>').append(text(a.source())).append("</span>");
            }
            if (a.seenAt() != null) {
                out.append(" · <span dir=\"ltr\">").append(DAY.format(a.seenAt())).append("</span>");
            }
            out.append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private static void evidence(StringBuilder out, List<PackRebuttal.Evidence> evidence) {
        if (evidence.isEmpty()) {
            return;
        }
        out.append("<h3>Evidence</h3>\n<table class=\"evidence\">\n<thead><tr><th>#</th><th>Title</th><th>Address</th>")
                .append("<th>Note</th><th>Kept at</th><th>SHA-256</th></tr></thead>\n<tbody>\n");
        for (PackRebuttal.Evidence e : evidence) {
            out.append("<tr><td>").append(e.position()).append("</td><td>");
            String title = e.title() == null || e.title().isBlank() ? (e.url() == null ? "" : e.url().toString()) : e.title();
            link(out, e.url(), title);
            out.append("</td><td class=\"address\" dir=\"ltr\">").append(text(e.url() == null ? "" : e.url().toString()))
                    .append("</td><td").append(dirOf(e.note())).append('>').append(text(e.note() == null ? "" : e.note()))
                    .append("</td><td dir=\"ltr\">").append(e.takenAt() == null ? "" : MINUTE.format(e.takenAt()))
                    .append("</td><td class=\"hash\" dir=\"ltr\">");
            if (e.sha256() != null) {
                out.append("<span title=\"").append(text(e.sha256())).append("\">")
                        .append(text(e.sha256().substring(0, Math.min(SHORT_HASH, e.sha256().length())))).append("</span>");
            } else {
                out.append("<span class=\"problem\">").append(text(e.problem() == null ? "not kept" : e.problem())).append("</span>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    /** A link for http(s) addresses; any other address (javascript:, file:) is shown as words only. */
    private static void link(StringBuilder out, URI url, String words) {
        String scheme = url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") || scheme.equals("https")) {
            out.append("<a href=\"").append(text(url.toASCIIString())).append('"').append(dirOf(words)).append('>')
                    .append(text(words)).append("</a>");
        } else {
            out.append("<span").append(dirOf(words)).append('>').append(text(words)).append("</span>");
        }
    }

    /** The direction attribute for a text whose script may differ from its section's. */
    private static String dirOf(String value) {
        return WritingSystem.byFirstStrongCharacter(value).rightToLeft() ? " dir=\"rtl\"" : " dir=\"ltr\"";
    }

    private static String lines(String value) {
        return text(value).replace("\n", "<br/>");
    }

    /**
     * Escaped for XML text and attributes; characters XML cannot hold at all (most controls, lone
     * surrogates, U+FFFE/U+FFFF) are left out, so the page always parses.
     */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean allowed = cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
                    if (allowed) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String css() {
        return """
                @page { size: A4; margin: 18mm 16mm 20mm 16mm;
                  @bottom-center { content: "page " counter(page) " of " counter(pages); font-family: %1$s; font-size: 8pt; color: #666; } }
                body { font-family: %1$s; font-size: 10.5pt; line-height: 1.45; color: #111; margin: 0 auto; max-width: 48em; }
                .pack-header { border-bottom: 2px solid #333; margin-bottom: 1.2em; padding-bottom: 0.4em; }
                .logo { max-height: 48px; max-width: 200px; }
                .organisation { font-size: 16pt; font-weight: bold; margin: 0.2em 0 0 0; }
                .generated { color: #555; font-size: 9pt; margin: 0; }
                .rebuttal.next { page-break-before: always; margin-top: 2em; }
                [dir="rtl"] { direction: rtl; text-align: right; }
                [dir="ltr"] { direction: ltr; }
                .label { color: #666; font-size: 8.5pt; text-transform: uppercase; letter-spacing: 0.05em; margin: 0; }
                h2.claim { font-size: 15pt; margin: 0.1em 0 0.5em 0; }
                .verdict { font-size: 12pt; margin: 0.4em 0; }
                .verdict .label { margin: 0 0.5em; }
                .rating { color: #555; font-size: 9pt; }
                .short-answer { border-left: 4px solid #333; padding: 0.3em 0.8em; background: #f3f3f3; }
                [dir="rtl"] .short-answer { border-left: none; border-right: 4px solid #333; }
                .item { margin-top: 0.2em; margin-bottom: 0.2em; }
                .depth-1 { margin-left: 1em; } .depth-2 { margin-left: 2.5em; } .depth-3 { margin-left: 4em; } .depth-4 { margin-left: 5.5em; }
                [dir="rtl"] .depth-1 { margin-left: 0; margin-right: 1em; } [dir="rtl"] .depth-2 { margin-left: 0; margin-right: 2.5em; }
                [dir="rtl"] .depth-3 { margin-left: 0; margin-right: 4em; } [dir="rtl"] .depth-4 { margin-left: 0; margin-right: 5.5em; }
                blockquote { margin: 0.5em 1.5em; color: #333; font-style: italic; }
                pre { background: #f3f3f3; padding: 0.4em; white-space: pre-wrap; font-size: 9pt; text-align: left; }
                h3 { font-size: 12pt; margin: 1em 0 0.3em 0; }
                table { border-collapse: collapse; width: 100%%; margin: 0.4em 0; }
                th, td { vertical-align: top; padding: 0.2em 0.4em; text-align: inherit; }
                .credits { margin: 0.8em 0; } .credit { margin: 0.1em 0; } .credit .label { margin: 0 0.5em; }
                table.evidence { font-size: 8.5pt; table-layout: fixed; }
                table.evidence th { border-bottom: 1px solid #333; }
                table.evidence td { border-bottom: 1px solid #ccc; }
                .address, .hash, a { word-wrap: break-word; overflow-wrap: break-word; word-break: break-all; }
                .problem { color: #a00; }
                a { color: #1a4f99; }
                """.formatted(PdfFonts.cssFamilies(WritingSystem.DEFAULT));
    }
}
