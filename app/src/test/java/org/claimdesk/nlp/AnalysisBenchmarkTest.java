package org.claimdesk.nlp;

import org.claimdesk.testing.SharedFixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Analysis throughput per language and path on the sample articles, pipeline load times, and the
 * heap with every default pipeline loaded. mvn -pl app -am -Pbench test -Dtest=AnalysisBenchmarkTest
 * Results go to docs/benchmarks.md by hand.
 */
@Tag("bench")
class AnalysisBenchmarkTest {
    private static final long MIN_NANOS_PER_CASE = 3_000_000_000L;

    static long usedHeapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) >> 20;
    }

    @Test
    void throughputLoadTimeAndHeap() throws Exception {
        Path dir = SharedFixtures.require("sample-articles");
        List<String[]> cases = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                cases.add(new String[]{f.getFileName().toString(), Files.readString(f)});
            }
        }
        // fr and es have no sample article: our own short news paragraphs, repeated into ~1 KB.
        cases.add(new String[]{"fr (fixture)", (TextAnalyzerTest.FRENCH + "\n").repeat(8)});
        cases.add(new String[]{"es (fixture)", (TextAnalyzerTest.SPANISH + "\n").repeat(8)});

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "machine: %d cores, %s %s, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20));
        long heapAtStart = usedHeapMb();
        LanguageDetector detector = new LanguageDetector();
        long t0 = System.nanoTime();
        detector.warmUp();
        for (String[] c : cases) {
            detector.detect(c[1], null); // Lingua loads each language's n-gram models on first use
        }
        report.append(String.format(Locale.ROOT, "lingua: built + models for the sample languages loaded in %d ms, heap %d MB -> %d MB%n",
                (System.nanoTime() - t0) / 1_000_000, heapAtStart, usedHeapMb()));

        CoreNlpPipelines pipelines = new CoreNlpPipelines();
        {
            TextAnalyzer analyzer = new TextAnalyzer(detector, pipelines);
            for (AnalysisPath path : AnalysisPath.values()) {
                for (String tag : List.of("en", "ar", "de", "fr", "es")) {
                    long started = System.nanoTime();
                    pipelines.load(tag, path);
                    report.append(String.format(Locale.ROOT, "load %s %-4s %6d ms, heap after %5d MB%n", tag, path,
                            (System.nanoTime() - started) / 1_000_000, usedHeapMb()));
                }
            }
            report.append(String.format(Locale.ROOT, "heap with en, ar, de, fr, es FAST+FULL loaded and Lingua: %d MB (committed %d MB)%n",
                    usedHeapMb(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 20));

            report.append("| article | lang | engine | path | chars | tokens | items/s | tokens/s |\n|---|---|---|---|---|---|---|---|\n");
            for (String[] c : cases) {
                for (AnalysisPath path : AnalysisPath.values()) {
                    TextAnalysis warm = analyzer.analyse(c[1], null, path);
                    int runs = 0;
                    long started = System.nanoTime();
                    long elapsed;
                    do {
                        analyzer.analyse(c[1], null, path);
                        runs++;
                        elapsed = System.nanoTime() - started;
                    } while (elapsed < MIN_NANOS_PER_CASE);
                    double seconds = elapsed / 1e9;
                    report.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %d | %.1f | %.0f |%n", c[0],
                            warm.language().tag(), warm.engine(), path, c[1].length(), warm.tokenCount(),
                            runs / seconds, runs * (double) warm.tokenCount() / seconds));
                }
            }
        }
        System.out.println("NLP-BENCH\n" + report);
    }
}
