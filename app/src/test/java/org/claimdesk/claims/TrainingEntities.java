package org.claimdesk.claims;

import org.claimdesk.nlp.AnalysisPath;
import org.claimdesk.nlp.CoreNlpPipelines;
import org.claimdesk.nlp.EntityType;
import org.claimdesk.nlp.NamedEntity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * CoreNLP's named entities for labelled sentences, found exactly as the analysis stage finds them
 * in an item (the app's {@link CoreNlpPipelines}, {@link AnalysisPath#FAST}), so that the entity
 * cues are fitted on what the workbench will see (decision 0019). Tens of thousands of sentences
 * take minutes on two cores, so the entities are kept in a cache file (by default
 * {@code app/target/checkworthiness-entities.tsv}; {@code -Dbench.entityCache=FILE} keeps it
 * elsewhere, e.g. beside the fixtures, so that {@code mvn clean} does not drop it). A line holds a
 * sentence's language and SHA-256, then its entities as {@code TYPE:start:end}; the first line
 * names the annotator, and a cache made by another one is ignored. Languages without a CoreNLP
 * entity model (Arabic, Dutch) are left without entities, as in the workbench.
 */
final class TrainingEntities {
    /** Change when the annotator changes (CoreNLP version, models, path): the cache is then rebuilt. */
    static final String ANNOTATOR = "# CoreNLP 4.5.10, org.claimdesk.nlp.CoreNlpPipelines FAST path entities, v1";
    static final Path DEFAULT_CACHE = Path.of("target", "checkworthiness-entities.tsv");

    private final CoreNlpPipelines coreNlp;
    private final Path cacheFile;
    private final Map<String, List<NamedEntity>> cache = new ConcurrentHashMap<>();
    private int annotated;

    private TrainingEntities(CoreNlpPipelines coreNlp, Path cacheFile) {
        this.coreNlp = coreNlp;
        this.cacheFile = cacheFile;
    }

    /** Reads the cache file if it was made by this annotator. */
    static TrainingEntities open(CoreNlpPipelines coreNlp, Path cacheFile) throws IOException {
        TrainingEntities entities = new TrainingEntities(coreNlp, cacheFile);
        if (Files.isRegularFile(cacheFile)) {
            List<String> lines = Files.readAllLines(cacheFile, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.getFirst().equals(ANNOTATOR)) {
                for (String line : lines.subList(1, lines.size())) {
                    String[] cells = line.split("\t", -1);
                    if (cells.length == 2) {
                        entities.cache.put(cells[0], parse(cells[1]));
                    }
                }
            }
        }
        return entities;
    }

    /** The cache file this run reads and writes. */
    static Path cacheFile() {
        String configured = System.getProperty("bench.entityCache");
        return configured == null || configured.isBlank() ? DEFAULT_CACHE : Path.of(configured);
    }

    /** True when CoreNLP gives entities for this language here, as in the workbench. */
    boolean covers(String language) {
        return coreNlp.givesEntities(language);
    }

    /** The same sentences, each with its entities where its language has an entity model. */
    List<LabelledSentence> annotate(List<LabelledSentence> sentences, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("bench-ner-", 0).factory());
        try {
            List<Future<LabelledSentence>> results = new ArrayList<>();
            for (LabelledSentence s : sentences) {
                results.add(pool.submit(() -> withEntities(s)));
            }
            List<LabelledSentence> annotatedSentences = new ArrayList<>();
            for (Future<LabelledSentence> result : results) {
                annotatedSentences.add(result.get());
            }
            return annotatedSentences;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while finding entities", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("CoreNLP failed on a training sentence", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many sentences CoreNLP annotated in this run (the rest came from the cache). */
    synchronized int annotatedThisRun() {
        return annotated;
    }

    private LabelledSentence withEntities(LabelledSentence s) {
        if (!covers(s.language())) {
            return s;
        }
        String key = key(s.language(), s.text());
        List<NamedEntity> found = cache.get(key);
        if (found == null) {
            found = coreNlp.entities(s.text(), s.language(), AnalysisPath.FAST);
            cache.put(key, found);
            synchronized (this) {
                annotated++;
            }
        }
        List<NamedEntity> withText = found.stream()
                .filter(e -> e.start() >= 0 && e.end() <= s.text().length() && e.start() < e.end())
                .map(e -> new NamedEntity(s.text().substring(e.start(), e.end()), e.type(), e.start(), e.end())).toList();
        return new LabelledSentence(s.text(), s.language(), s.checkWorthy(), s.group(), withText);
    }

    /** Writes every entity found so far, sorted, so that the file is the same on every run. */
    void save() throws IOException {
        StringBuilder out = new StringBuilder(ANNOTATOR).append('\n');
        cache.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            out.append(entry.getKey()).append('\t');
            List<String> cells = entry.getValue().stream().map(e -> e.type() + ":" + e.start() + ":" + e.end()).toList();
            out.append(String.join(" ", cells)).append('\n');
        });
        Path parent = cacheFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, "entities", ".partial");
        Files.writeString(partial, out, StandardCharsets.UTF_8);
        Files.move(partial, cacheFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<NamedEntity> parse(String cell) {
        List<NamedEntity> entities = new ArrayList<>();
        for (String item : cell.split(" ")) {
            String[] parts = item.split(":");
            if (parts.length == 3) {
                // the text is taken from the sentence when used: offsets are all the cache needs
                entities.add(new NamedEntity("", EntityType.valueOf(parts[0]), Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2])));
            }
        }
        return List.copyOf(entities);
    }

    private static String key(String language, String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return language + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
