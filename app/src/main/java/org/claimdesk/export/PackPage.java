package org.claimdesk.export;

import org.claimdesk.rebuttals.MarkdownBlocks;
import org.claimdesk.script.WritingSystem;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A rebuttal pack's page: one self-contained XHTML document (inline CSS, the logo as a data: URI,
 * nothing to load) that is the pack's {@code index.html} and what {@link PackPdf} lays out. Each
 * rebuttal is a section with its own {@code lang} and, for right-to-left scripts, {@code dir="rtl"};
 * titles and notes in another script get their own direction. Each section's fixed words (labels,
 * headings, table headers) are in its rebuttal's language ({@link PackWords}); the top of the page
 * and its footer are in the rebuttals' language when they share one, else in English. Every text
 * is escaped, and only http(s) addresses become links.
 */
public final class PackPage {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int SHORT_HASH = 12;

    private PackPage() {
    }

    /** The whole page for these rebuttals, in their order. */
    public static String xhtml(PackHeader header, List<PackRebuttal> rebuttals) {
        String language = PackWords.commonLanguage(rebuttals);
        PackWords words = PackWords.of(language);
        StringBuilder out = new StringBuilder(8192);
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(text(language))
                .append("\" xml:lang=\"").append(text(language)).append("\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n<title>").append(text(words.word("pack.title") + " — " + header.organisation()))
                .append("</title>\n<style>\n").append(css(words)).append("</style>\n</head>\n<body>\n");
        header(out, header, rebuttals.size(), words, WritingSystem.of(language, ""));
        for (int i = 0; i < rebuttals.size(); i++) {
            rebuttal(out, rebuttals.get(i), i > 0);
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static void header(StringBuilder out, PackHeader header, int count, PackWords words, WritingSystem system) {
        out.append("<div class=\"pack-header\" dir=\"").append(system.rightToLeft() ? "rtl" : "ltr")
                .append("\" style=\"font-family: ").append(text(PdfFonts.cssFamilies(system))).append("\">\n");
        if (header.logo() != null) {
            out.append("<img class=\"logo\" alt=\"").append(text(header.organisation())).append("\" src=\"data:")
                    .append(header.logoMediaType()).append(";base64,")
                    .append(Base64.getEncoder().encodeToString(header.logo())).append("\"/>\n");
        }
        out.append("<p class=\"organisation\"").append(dirOf(header.organisation())).append('>')
                .append(text(header.organisation())).append("</p>\n<p class=\"generated\">")
                .append(count == 1 ? text(words.word("pack.count.one")) : phrase(words, "pack.count.many", String.valueOf(count)))
                .append(" · ").append(phrase(words, "pack.generated", ltr(MINUTE.format(header.generatedAt()))))
                .append("</p>\n</div>\n");
    }

    private static void rebuttal(StringBuilder out, PackRebuttal r, boolean newPage) {
        WritingSystem system = WritingSystem.of(r.language(), r.claim());
        PackWords words = PackWords.of(r.language());
        out.append("<div class=\"rebuttal").append(newPage ? " next" : "").append("\" id=\"rebuttal-").append(r.id())
                .append("\" lang=\"").append(text(r.language())).append("\" xml:lang=\"").append(text(r.language()))
                .append("\" dir=\"").append(system.rightToLeft() ? "rtl" : "ltr")
                .append("\" style=\"font-family: ").append(text(PdfFonts.cssFamilies(system))).append("\">\n");
        out.append("<p class=\"label\">").append(text(words.word("claim"))).append("</p>\n<h2 class=\"claim\">")
                .append(text(r.claim())).append("</h2>\n");
        out.append("<p class=\"verdict\"><span class=\"label\">").append(text(words.word("verdict"))).append("</span> <strong>")
                .append(text(r.verdictName() == null ? words.word("verdict.none") : r.verdictName())).append("</strong>");
        if (r.verdictName() != null) {
            out.append(" <span class=\"rating\">(").append(phrase(words, "verdict.rating", String.valueOf(r.ratingValue()),
                    String.valueOf(r.worstRating()), String.valueOf(r.bestRating()))).append(")</span>");
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
        credits(out, r, words);
        appearances(out, r.appearances(), words);
        evidence(out, r.evidence(), words, system.rightToLeft());
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

    private static void credits(StringBuilder out, PackRebuttal r, PackWords words) {
        // lines, not a table: openhtmltopdf does not mirror a table's columns right to left
        out.append("<div class=\"credits\">\n");
        credit(out, words.word("written.by"), r.author());
        credit(out, words.word("reviewed.by"), r.reviewer());
        credit(out, words.word("published"), r.publishedAt() == null ? words.word("published.not.yet") : DAY.format(r.publishedAt()));
        credit(out, words.word("updated"), r.updatedAt() == null ? null : DAY.format(r.updatedAt()));
        credit(out, words.word("translation.of"), r.translationOf() == null ? null
                : words.word("translation.of.rebuttal").replace("{0}", String.valueOf(r.translationOf())));
        out.append("</div>\n");
    }

    private static void credit(StringBuilder out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.append("<p class=\"credit\"><span class=\"label\">").append(text(label)).append("</span> <span")
                    .append(dirOf(value)).append('>').append(text(value)).append("</span></p>\n");
        }
    }

    private static void appearances(StringBuilder out, List<PackRebuttal.Appearance> appearances, PackWords words) {
        if (appearances.isEmpty()) {
            return;
        }
        out.append("<h3>").append(text(words.word("appeared"))).append("</h3>\n<ul class=\"appearances\">\n");
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

    /** The evidence table's columns, in reading order. */
    private enum Column {
        NUMBER, TITLE, ADDRESS, NOTE, KEPT_AT, HASH;

        /** Its header's key among the pack's words: "evidence.kept.at". */
        String wordKey() {
            return "evidence." + name().toLowerCase(Locale.ROOT).replace('_', '.');
        }
    }

    private static void evidence(StringBuilder out, List<PackRebuttal.Evidence> evidence, PackWords words, boolean rightToLeft) {
        if (evidence.isEmpty()) {
            return;
        }
        // openhtmltopdf lays a right-to-left table's columns out left to right all the same; so a
        // right-to-left section gets the columns in reverse order in a left-to-right table, which a
        // browser shows the same way: the first column on the right, in the PDF and the HTML alike
        List<Column> columns = new ArrayList<>(List.of(Column.values()));
        if (rightToLeft) {
            Collections.reverse(columns);
        }
        out.append("<h3>").append(text(words.word("evidence"))).append("</h3>\n<table class=\"evidence")
                .append(rightToLeft ? "\" dir=\"ltr" : "").append("\">\n<thead><tr>");
        for (Column column : columns) {
            out.append("<th class=\"").append(column.name().toLowerCase(Locale.ROOT).replace('_', '-')).append('"')
                    .append(rightToLeft ? " dir=\"rtl\"" : "").append('>').append(text(words.word(column.wordKey()))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (PackRebuttal.Evidence e : evidence) {
            out.append("<tr>");
            for (Column column : columns) {
                cell(out, column, e, words);
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static void cell(StringBuilder out, Column column, PackRebuttal.Evidence e, PackWords words) {
        switch (column) {
            case NUMBER -> out.append("<td class=\"number\">").append(e.position()).append("</td>");
            case TITLE -> {
                String title = e.title() == null || e.title().isBlank() ? (e.url() == null ? "" : e.url().toString()) : e.title();
                out.append("<td class=\"title\"").append(dirOf(title)).append('>');
                link(out, e.url(), title);
                out.append("</td>");
            }
            case ADDRESS -> out.append("<td class=\"address\" dir=\"ltr\">").append(text(e.url() == null ? "" : e.url().toString()))
                    .append("</td>");
            case NOTE -> out.append("<td class=\"note\"").append(dirOf(e.note())).append('>')
                    .append(text(e.note() == null ? "" : e.note())).append("</td>");
            case KEPT_AT -> {
                // the date and the time each on one line: Japanese line breaking would split "06:|15"
                out.append("<td class=\"kept-at\" dir=\"ltr\">");
                if (e.takenAt() != null) {
                    out.append("<span class=\"unbroken\">").append(DAY.format(e.takenAt())).append("</span> <span class=\"unbroken\">")
                            .append(TIME.format(e.takenAt())).append("</span>");
                }
                out.append("</td>");
            }
            case HASH -> {
                out.append("<td class=\"hash\" dir=\"ltr\">");
                if (e.sha256() != null) {
                    out.append("<span title=\"").append(text(e.sha256())).append("\">")
                            .append(text(e.sha256().substring(0, Math.min(SHORT_HASH, e.sha256().length())))).append("</span>");
                } else {
                    String problem = e.problem() == null ? words.word("evidence.not.kept") : e.problem();
                    out.append("<span class=\"problem\"").append(dirOf(problem)).append('>').append(text(problem)).append("</span>");
                }
                out.append("</td>");
            }
        }
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

    /** "page N of M" in the page's language, as CSS content: the phrase around the page counters. */
    private static String pageNumbers(PackWords words) {
        String phrase = words.word("pack.page").replace("\\", "\\\\").replace("\"", "\\\"");
        return ("\"" + phrase + "\"").replace("{0}", "\" counter(page) \"").replace("{1}", "\" counter(pages) \"");
    }

    /** The direction attribute for a text whose script may differ from its section's. */
    private static String dirOf(String value) {
        return WritingSystem.byFirstStrongCharacter(value).rightToLeft() ? " dir=\"rtl\"" : " dir=\"ltr\"";
    }

    /**
     * One of the pack's phrases, escaped, with its {0}, {1}… replaced by the given markup. Not
     * MessageFormat, which would take the apostrophe of "l'affirmation" for a quote and drop it.
     */
    private static String phrase(PackWords words, String key, String... markup) {
        String phrase = text(words.word(key));
        for (int i = 0; i < markup.length; i++) {
            phrase = phrase.replace("{" + i + "}", markup[i]);
        }
        return phrase;
    }

    /** A date or number kept left to right inside a right-to-left phrase (else "2026-12-05" reads "05-12-2026"). */
    private static String ltr(String value) {
        return "<span dir=\"ltr\">" + text(value) + "</span>";
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

    private static String css(PackWords words) {
        return """
                @page { size: A4; margin: 18mm 16mm 20mm 16mm;
                  @bottom-center { content: %2$s; font-family: %1$s; font-size: 8pt; color: #666; } }
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
                .unbroken { white-space: nowrap; }
                a { color: #1a4f99; }
                """.formatted(PdfFonts.cssFamilies(WritingSystem.DEFAULT), pageNumbers(words));
    }
}
