package org.claimdesk.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimdesk.source.PageSelectors;
import org.jsoup.Jsoup;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures {@link ArticleExtractor} against Mozilla Readability's test pages: per page folder,
 * body text from {@code source.html} against the jsoup text of {@code expected.html}
 * ({@link TokenOverlap}), and title/byline against {@code expected-metadata.json}.
 */
final class ExtractionQuality {
    /** Pages are extracted as if fetched from here; the real URLs are not known and never loaded. */
    static final URI PAGE_URL = URI.create("http://fakehost/test/page.html");
    private static final ObjectMapper JSON = new ObjectMapper();

    record PageResult(String page, TokenOverlap overlap, Boolean titleAgrees, Boolean bylineAgrees,
                      String gotTitle, String wantTitle, String gotByline, String wantByline, String error) {
    }

    record Summary(List<PageResult> pages, double meanPrecision, double meanRecall, double meanF1,
                   double medianPrecision, double medianRecall, double medianF1,
                   int titlesCompared, int titlesAgreeing, int titlesAgreeingBesidesSiteName,
                   int bylinesCompared, int bylinesAgreeing, long millis) {
        double titleAgreement() {
            return titlesCompared == 0 ? 0 : (double) titlesAgreeing / titlesCompared;
        }

        double titleAgreementBesidesSiteName() {
            return titlesCompared == 0 ? 0 : (double) titlesAgreeingBesidesSiteName / titlesCompared;
        }

        double bylineAgreement() {
            return bylinesCompared == 0 ? 0 : (double) bylinesAgreeing / bylinesCompared;
        }
    }

    static Summary measure(Path root) throws IOException {
        long start = System.nanoTime();
        List<Path> folders;
        try (Stream<Path> list = Files.list(root)) {
            folders = list.filter(p -> Files.isRegularFile(p.resolve("source.html"))
                    && Files.isRegularFile(p.resolve("expected.html"))).sorted().toList();
        }
        ArticleExtractor extractor = new ArticleExtractor();
        List<PageResult> results = new ArrayList<>();
        for (Path folder : folders) {
            results.add(measurePage(extractor, folder));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        int titles = 0, titlesOk = 0, titlesBesidesSite = 0, bylines = 0, bylinesOk = 0;
        for (PageResult r : results) {
            if (r.titleAgrees() != null) {
                titles++;
                if (r.titleAgrees()) titlesOk++;
                if (r.titleAgrees() || sameBesidesSiteName(r.gotTitle(), r.wantTitle())) titlesBesidesSite++;
            }
            if (r.bylineAgrees() != null) {
                bylines++;
                if (r.bylineAgrees()) bylinesOk++;
            }
        }
        return new Summary(results,
                mean(results, TokenOverlap::precision), mean(results, TokenOverlap::recall), mean(results, TokenOverlap::f1),
                median(results, TokenOverlap::precision), median(results, TokenOverlap::recall), median(results, TokenOverlap::f1),
                titles, titlesOk, titlesBesidesSite, bylines, bylinesOk, millis);
    }

    private static PageResult measurePage(ArticleExtractor extractor, Path folder) throws IOException {
        String page = folder.getFileName().toString();
        String reference = Jsoup.parse(folder.resolve("expected.html").toFile(), "UTF-8").text();
        JsonNode metadata = Files.isRegularFile(folder.resolve("expected-metadata.json"))
                ? JSON.readTree(folder.resolve("expected-metadata.json").toFile()) : JSON.createObjectNode();
        String wantTitle = textOrNull(metadata.get("title"));
        String wantByline = textOrNull(metadata.get("byline"));
        try {
            Article article = extractor.extract(Files.readAllBytes(folder.resolve("source.html")), null, PAGE_URL,
                    PageSelectors.NONE);
            return new PageResult(page, TokenOverlap.of(article.text(), reference),
                    wantTitle == null ? null : same(article.title(), wantTitle),
                    wantByline == null ? null : sameAuthor(article.byline(), wantByline),
                    article.title(), wantTitle, article.byline(), wantByline, null);
        } catch (ExtractException e) {
            return new PageResult(page, new TokenOverlap(0, 0, 0), wantTitle == null ? null : false,
                    wantByline == null ? null : false, null, wantTitle, null, wantByline, e.getMessage());
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }

    /** Equal after NFKC, lower-casing and collapsing whitespace. */
    static boolean same(String got, String want) {
        return got != null && normalise(got).equals(normalise(want));
    }

    /**
     * Titles that differ only by a site-name part ("Headline | Site", "Site - Headline") on one
     * side: ClaimDesk removes the site name by design, Readability often keeps it.
     */
    static boolean sameBesidesSiteName(String got, String want) {
        if (got == null || want == null) return false;
        String a = normalise(got);
        String b = normalise(want);
        String shorter = a.length() <= b.length() ? a : b;
        String longer = a.length() <= b.length() ? b : a;
        if (shorter.isEmpty() || !longer.contains(shorter)) return false;
        String rest = longer.replace(shorter, "\u0000");
        return rest.matches("\u0000\\s*[|\\-\u2013\u2014\u00b7:/»]\\s*[^\u0000]+")
                || rest.matches("[^\u0000]+\\s*[|\\-\u2013\u2014\u00b7:/»]\\s*\u0000");
    }

    /**
     * Bylines agree when, after {@link #same} normalisation, dropping punctuation and a leading
     * "By"/"Par"/"Written by" (ClaimDesk removes it, Readability keeps it), they are equal or one
     * starts with the other at a word boundary (Readability keeps dates and roles after the name,
     * "By Nathan Willis March 25, 2015"; ClaimDesk cuts dates off).
     */
    static boolean sameAuthor(String got, String want) {
        if (got == null) return false;
        String a = authorWords(got);
        String b = authorWords(want);
        if (a.isEmpty() || b.isEmpty()) return a.equals(b);
        return a.equals(b) || a.startsWith(b + " ") || b.startsWith(a + " ");
    }

    private static String authorWords(String s) {
        String words = normalise(s).replaceAll("[\\p{P}\\p{S}]+", " ").replaceAll("\\s+", " ").strip();
        return words.replaceFirst("^(written by|posted by|by|par|por|von) ", "");
    }

    private static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static double mean(List<PageResult> results, java.util.function.ToDoubleFunction<TokenOverlap> metric) {
        return results.stream().mapToDouble(r -> metric.applyAsDouble(r.overlap())).average().orElse(0);
    }

    private static double median(List<PageResult> results, java.util.function.ToDoubleFunction<TokenOverlap> metric) {
        double[] values = results.stream().mapToDouble(r -> metric.applyAsDouble(r.overlap())).sorted().toArray();
        if (values.length == 0) return 0;
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    static String table(Summary s) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-45s %6s %6s %6s  %-5s %-6s%n", "page", "P", "R", "F1", "title", "byline"));
        for (PageResult r : s.pages()) {
            out.append(String.format(Locale.ROOT, "%-45s %6.3f %6.3f %6.3f  %-5s %-6s%s%n", r.page(),
                    r.overlap().precision(), r.overlap().recall(), r.overlap().f1(),
                    mark(r.titleAgrees()), mark(r.bylineAgrees()), r.error() == null ? "" : "  ERROR " + r.error()));
        }
        out.append(String.format(Locale.ROOT, "%-45s %6.3f %6.3f %6.3f%n", "MEAN", s.meanPrecision(), s.meanRecall(), s.meanF1()));
        out.append(String.format(Locale.ROOT, "%-45s %6.3f %6.3f %6.3f%n", "MEDIAN", s.medianPrecision(), s.medianRecall(), s.medianF1()));
        out.append(String.format(Locale.ROOT, "titles agree %d/%d (%.3f), %d/%d (%.3f) besides a site-name part; "
                        + "bylines agree %d/%d (%.3f); %d pages in %d ms%n",
                s.titlesAgreeing(), s.titlesCompared(), s.titleAgreement(), s.titlesAgreeingBesidesSiteName(),
                s.titlesCompared(), s.titleAgreementBesidesSiteName(), s.bylinesAgreeing(), s.bylinesCompared(),
                s.bylineAgreement(), s.pages().size(), s.millis()));
        return out.toString();
    }

    /** key=value lines, then one tab-separated line per page, for scripts and later comparison. */
    static String machineReadable(Summary s) {
        StringBuilder out = new StringBuilder();
        out.append("# ClaimDesk article extraction quality on Mozilla Readability's test pages\n");
        out.append("pages=").append(s.pages().size()).append('\n');
        out.append(String.format(Locale.ROOT, "mean_precision=%.4f%nmean_recall=%.4f%nmean_f1=%.4f%n",
                s.meanPrecision(), s.meanRecall(), s.meanF1()));
        out.append(String.format(Locale.ROOT, "median_precision=%.4f%nmedian_recall=%.4f%nmedian_f1=%.4f%n",
                s.medianPrecision(), s.medianRecall(), s.medianF1()));
        out.append(String.format(Locale.ROOT, "title_agreement=%.4f%ntitle_agreement_besides_site_name=%.4f%ntitles_compared=%d%n"
                        + "byline_agreement=%.4f%nbylines_compared=%d%n",
                s.titleAgreement(), s.titleAgreementBesidesSiteName(), s.titlesCompared(), s.bylineAgreement(), s.bylinesCompared()));
        out.append("millis=").append(s.millis()).append('\n');
        out.append("# page\tprecision\trecall\tf1\ttitle_agrees\tbyline_agrees\n");
        for (PageResult r : s.pages()) {
            out.append(String.format(Locale.ROOT, "%s\t%.4f\t%.4f\t%.4f\t%s\t%s%n", r.page(), r.overlap().precision(),
                    r.overlap().recall(), r.overlap().f1(), r.titleAgrees(), r.bylineAgrees()));
        }
        return out.toString();
    }

    private static String mark(Boolean b) {
        return b == null ? "-" : b ? "yes" : "NO";
    }

    static List<PageResult> worst(Summary s, int n) {
        return s.pages().stream().sorted(Comparator.comparingDouble(r -> r.overlap().f1())).limit(n).toList();
    }

    /** Dev entry point: prints the table for a folder without Maven. */
    public static void main(String[] args) throws IOException {
        Summary s = measure(Path.of(args[0]));
        System.out.print(table(s));
        if (args.length > 1) {
            for (PageResult r : s.pages()) {
                if (r.titleAgrees() != null && !r.titleAgrees()) {
                    System.out.println("TITLE " + r.page() + ": got [" + r.gotTitle() + "] want [" + r.wantTitle() + "]");
                }
                if (r.bylineAgrees() != null && !r.bylineAgrees()) {
                    System.out.println("BYLINE " + r.page() + ": got [" + r.gotByline() + "] want [" + r.wantByline() + "]");
                }
            }
        }
    }
}
