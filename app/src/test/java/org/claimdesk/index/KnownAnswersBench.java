package org.claimdesk.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.claimdesk.extract.ClaimReviewReader;
import org.claimdesk.nlp.LanguageDetector;
import org.claimdesk.rebuttals.FactCheckImport;
import org.claimdesk.rebuttals.FactCheckImportReport;
import org.claimdesk.store.Database;
import org.claimdesk.store.FactCheckStore;
import org.claimdesk.store.RebuttalStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known answers, measured (docs/benchmarks.md; by hand):
 * <ul>
 *   <li>{@link #matchingAgainstGeneratedFactChecks}: import {@code bench.factchecks} (100,000) generated
 *   fact-checks in six languages, index them, then time {@link AnswerMatcher#match} for 1,000 claims
 *   (each a generated fact-check's claim with a third of its words dropped and three others added):
 *   p50, p95 and max per claim, and how often the source fact-check comes back (a sanity check, not a
 *   quality figure);</li>
 *   <li>{@link #qualityOnTheWrittenLabelledSet}: MRR@10 and recall@10 on the labelled set under
 *   {@code src/test/resources/factchecks/labelled} (written by us, not real data), among 2,000 generated
 *   distractors, beside a plain BM25 over the fact-checks' title and text (StandardAnalyzer, no
 *   language analysis, no re-ranking).</li>
 * </ul>
 * Run with {@code mvn -B -o -pl app -Pbench test -Dtest=KnownAnswersBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class KnownAnswersBench {
    private static final int FACT_CHECKS = Integer.getInteger("bench.factchecks", 100_000);
    private static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "pt", "ar");
    private static final int VOCABULARY = 50_000;

    @TempDir
    Path tmp;

    @Test
    void matchingAgainstGeneratedFactChecks() throws IOException {
        Random random = new Random(12);
        Generator generator = new Generator(random);
        Path file = tmp.resolve("generated.jsonl");
        List<String> claims = generator.write(file, FACT_CHECKS);
        List<String> report = new ArrayList<>();
        try (Database database = Database.open(tmp.resolve("db")); ItemIndex index = ItemIndex.open(tmp.resolve("index"))) {
            FactCheckStore store = new FactCheckStore(database);
            long started = System.nanoTime();
            FactCheckImportReport imported = new FactCheckImport(store, new ClaimReviewReader(), new LanguageDetector(),
                    Clock.systemUTC()).importFile(file);
            long importMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(imported.imported()).isEqualTo(FACT_CHECKS);
            started = System.nanoTime();
            new AnswerFeeder(index, store, new RebuttalStore(database)).sync();
            index.commit();
            long indexMs = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            int again = new AnswerFeeder(index, store, new RebuttalStore(database)).sync();
            long recheckMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(again).isZero();

            AnswerMatcher matcher = new AnswerMatcher(index);
            for (int i = 0; i < 200; i++) { // warm-up: the JIT, the index's pages in the OS cache
                int source = random.nextInt(claims.size());
                matcher.match(generator.perturbed(claims.get(source)), Generator.language(source), 10);
            }
            int queries = 1_000;
            long[] nanos = new long[queries];
            long[] unknownNanos = new long[queries];
            int found = 0;
            int first = 0;
            for (int q = 0; q < queries; q++) {
                int source = random.nextInt(claims.size());
                String claim = generator.perturbed(claims.get(source));
                long t = System.nanoTime();
                List<AnswerMatch> matches = matcher.match(claim, Generator.language(source), 10);
                nanos[q] = System.nanoTime() - t;
                long u = System.nanoTime();
                matcher.match(claim, null, 10);
                unknownNanos[q] = System.nanoTime() - u;
                String url = Generator.url(source);
                if (matches.stream().anyMatch(m -> m.url().equals(url))) found++;
                if (!matches.isEmpty() && matches.getFirst().url().equals(url)) first++;
            }
            Arrays.sort(nanos);
            Arrays.sort(unknownNanos);
            report.add(String.format(Locale.ROOT, "%,d generated fact-checks: import %,d ms, index %,d ms, re-check %,d ms",
                    FACT_CHECKS, importMs, indexMs, recheckMs));
            report.add(String.format(Locale.ROOT, "match per claim: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d claims)",
                    nanos[queries / 2] / 1e6, nanos[queries * 95 / 100] / 1e6, nanos[queries - 1] / 1e6, queries));
            report.add(String.format(Locale.ROOT, "language not known (every group searched): p50 %.1f ms, p95 %.1f ms",
                    unknownNanos[queries / 2] / 1e6, unknownNanos[queries * 95 / 100] / 1e6));
            report.add(String.format(Locale.ROOT, "source fact-check in the top 10: %.3f, first: %.3f", found / (double) queries,
                    first / (double) queries));
        }
        report.add(machine());
        report.forEach(System.out::println);
    }

    @Test
    void qualityOnTheWrittenLabelledSet() throws Exception {
        Path labelled = resource("factchecks/labelled");
        List<String> claims = Files.readAllLines(labelled.resolve("claims.txt"), StandardCharsets.UTF_8);
        List<Set<String>> right = Files.readAllLines(labelled.resolve("labels.txt"), StandardCharsets.UTF_8).stream()
                .map(line -> line.isBlank() ? Set.<String>of() : Set.of(line.strip())).toList();
        Path distractors = tmp.resolve("distractors.jsonl");
        new Generator(new Random(7)).write(distractors, 2_000);

        List<List<String>> ours = new ArrayList<>();
        try (Database database = Database.open(tmp.resolve("db")); ItemIndex index = ItemIndex.open(tmp.resolve("index"))) {
            FactCheckStore store = new FactCheckStore(database);
            FactCheckImport importer = new FactCheckImport(store, new ClaimReviewReader(), new LanguageDetector(), Clock.systemUTC());
            assertThat(importer.importFile(labelled.resolve("factchecks.jsonl")).refused()).isEmpty();
            importer.importFile(distractors);
            new AnswerFeeder(index, store, new RebuttalStore(database)).sync();
            AnswerMatcher matcher = new AnswerMatcher(index);
            LanguageDetector detector = new LanguageDetector();
            for (int i = 0; i < claims.size(); i++) {
                // as KnownAnswers does: the language when the claim shows it clearly, else every group
                var detected = detector.detect(claims.get(i), null);
                List<AnswerMatch> matches = matcher.match(claims.get(i), detected.reliable() ? detected.tag() : null, 10);
                ours.add(matches.stream().map(AnswerMatch::url).toList());
                String firstUrl = matches.isEmpty() ? "-" : matches.getFirst().url();
                if (!right.get(i).contains(firstUrl) && !(right.get(i).isEmpty() && matches.isEmpty())) { // what went wrong, for the next round of tuning
                    System.out.printf(Locale.ROOT, "miss: %s -> %s %.3f (right: %s)%n", claims.get(i), firstUrl,
                            matches.isEmpty() ? 0 : matches.getFirst().score(), right.get(i));
                }
            }
        }
        List<List<String>> bm25 = plainBm25(List.of(labelled.resolve("factchecks.jsonl"), distractors), claims);

        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "%-28s %8s %8s %8s %8s", "written set (not real)", "MRR@10", "R@10", "first", "empty ok"));
        Map<String, List<Integer>> subsets = new LinkedHashMap<>();
        subsets.put("all", range(claims.size()));
        for (String language : List.of("en", "es", "ar")) {
            subsets.put("fact-check in " + language, indexesWhere(right, url -> url.contains("/" + language + "-")));
        }
        for (Map.Entry<String, List<Integer>> subset : subsets.entrySet()) {
            for (Map.Entry<String, List<List<String>>> method : Map.of("ClaimDesk", ours, "plain BM25", bm25).entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList()) {
                RankingScores scores = RankingScores.of(pick(method.getValue(), subset.getValue()), pick(right, subset.getValue()), 10);
                report.add(String.format(Locale.ROOT, "%-28s %8.3f %8.3f %8.3f %8s", subset.getKey() + ", " + method.getKey(),
                        scores.mrr(), scores.recall(), scores.firstRight(), scores.leftEmpty() + "/" + scores.unlabelled()));
            }
        }
        report.forEach(System.out::println);
    }

    /** The floor: BM25 over each fact-check's title and text, StandardAnalyzer, the claim's words as a disjunction. */
    private static List<List<String>> plainBm25(List<Path> files, List<String> claims) throws IOException {
        ClaimReviewReader reader = new ClaimReviewReader();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory(); Analyzer analyzer = new StandardAnalyzer()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (Path file : files) {
                    for (var found : reader.read(file).records()) {
                        var review = found.review();
                        Document doc = new Document();
                        doc.add(new StoredField("url", review.url()));
                        doc.add(new TextField("text", (review.title() == null ? "" : review.title()) + "\n"
                                + (review.reviewText() == null ? "" : review.reviewText()), Field.Store.NO));
                        writer.addDocument(doc);
                    }
                }
            }
            List<List<String>> ranked = new ArrayList<>();
            try (DirectoryReader index = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(index);
                for (String claim : claims) {
                    BooleanQuery.Builder query = new BooleanQuery.Builder();
                    for (String term : terms(analyzer, claim)) {
                        query.add(new TermQuery(new Term("text", term)), Occur.SHOULD);
                    }
                    List<String> urls = new ArrayList<>();
                    for (ScoreDoc hit : searcher.search(query.build(), 10).scoreDocs) {
                        urls.add(searcher.storedFields().document(hit.doc).get("url"));
                    }
                    ranked.add(urls);
                }
            }
            return ranked;
        }
    }

    private static Set<String> terms(Analyzer analyzer, String text) throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) terms.add(term.toString());
            stream.end();
        }
        return terms;
    }

    private static List<Integer> range(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) all.add(i);
        return all;
    }

    private static List<Integer> indexesWhere(List<Set<String>> right, java.util.function.Predicate<String> test) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < right.size(); i++) {
            if (right.get(i).stream().anyMatch(test)) found.add(i);
        }
        return found;
    }

    private static <T> List<T> pick(List<T> all, List<Integer> indexes) {
        return indexes.stream().map(all::get).toList();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(KnownAnswersBench.class.getResource("/" + name).toURI());
    }

    private static String machine() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "cores %d, load average %.2f, Java %s, max heap %d MB, heap used %d MB",
                Runtime.getRuntime().availableProcessors(), load, Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
    }

    /**
     * Fact-checks made of Zipf-distributed pseudo-words (Latin letters, or Arabic ones for "ar"), a
     * number in half of them, a claim of 8 to 16 words and a text of 40 to 80: the shape, not the sense.
     */
    private static final class Generator {
        private static final String LATIN = "abcdefghijklmnopqrstuvwxyz";
        private static final String ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
        private final Random random;
        private final double[] zipf = new double[VOCABULARY];

        Generator(Random random) {
            this.random = random;
            double sum = 0;
            for (int i = 0; i < VOCABULARY; i++) {
                sum += 1.0 / (i + 1);
                zipf[i] = sum;
            }
            for (int i = 0; i < VOCABULARY; i++) zipf[i] /= sum;
        }

        static String language(int i) {
            return LANGUAGES.get(i % LANGUAGES.size());
        }

        static String url(int i) {
            return "https://generated.example.org/fc/" + i;
        }

        /** Writes {@code n} records as JSON lines; returns their claims. */
        List<String> write(Path file, int n) throws IOException {
            List<String> claims = new ArrayList<>(n);
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int i = 0; i < n; i++) {
                    String language = language(i);
                    String claim = words(language, 8 + random.nextInt(9)) + (random.nextBoolean() ? " " + random.nextInt(100_000) : "");
                    claims.add(claim);
                    out.write("{\"@type\":\"ClaimReview\",\"url\":\"" + url(i) + "\",\"claimReviewed\":\"" + claim
                            + "\",\"headline\":\"" + words(language, 10) + "\",\"reviewBody\":\"" + words(language, 40 + random.nextInt(41))
                            + "\",\"inLanguage\":\"" + language + "\",\"author\":{\"name\":\"Generated\"},\"datePublished\":\"2023-0"
                            + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "\",\"reviewRating\":{\"alternateName\":\"False\"}}\n");
                }
            }
            return claims;
        }

        /** A third of the words dropped, three others added. */
        String perturbed(String claim) {
            List<String> kept = new ArrayList<>();
            for (String word : claim.split(" ")) {
                if (random.nextInt(3) != 0) kept.add(word);
            }
            boolean arabic = claim.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
            kept.add(words(arabic ? "ar" : "en", 3));
            return String.join(" ", kept);
        }

        private String words(String language, int count) {
            String letters = language.equals("ar") ? ARABIC : LATIN;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < count; w++) {
                int rank = Arrays.binarySearch(zipf, random.nextDouble());
                rank = rank < 0 ? -rank - 1 : rank;
                if (w > 0) text.append(' ');
                // the word for a rank is always the same: its letters spell the rank
                for (int r = rank + letters.length(); r > 0; r /= letters.length()) {
                    text.append(letters.charAt(r % letters.length()));
                }
            }
            return text.toString();
        }
    }
}
