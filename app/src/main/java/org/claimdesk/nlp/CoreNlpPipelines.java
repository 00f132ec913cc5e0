package org.claimdesk.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.logging.RedwoodConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CoreNLP pipelines, one per language and path, each built the first time it is needed (loading
 * takes 1–8 s and 100–500 MB of heap per language, so languages nobody reads cost nothing).
 * A pipeline is shared by all threads: StanfordCoreNLP.annotate on separate documents is
 * thread-safe for tokenize, ssplit, mwt, pos, lemma and ner (CoreNlpPipelinesTest checks that
 * parallel results equal serial ones).
 */
public final class CoreNlpPipelines {
    private static final Logger log = LoggerFactory.getLogger(CoreNlpPipelines.class);

    static {
        // CoreNLP logs through its own Redwood, which writes to the console unless it finds SLF4J
        // on its own; said outright, its warnings ("Untokenizable: …") go where ours go: the log file.
        RedwoodConfiguration.slf4j().apply();
    }

    private record Key(CoreNlpLanguage language, AnalysisPath path) {
    }

    private final Map<Key, LazyPipeline> pipelines = new ConcurrentHashMap<>();
    private final boolean chineseModelsPresent;

    /**
     * Chinese CoreNLP wants about 1.8 GB of heap beside the other languages (docs/benchmarks.md):
     * below this maximum heap it is left unused, so that a default 2 GB workbench never runs out
     * of memory; Chinese then gets ICU words and CJK bigrams like any language without CoreNLP.
     */
    static final long CHINESE_MIN_HEAP_BYTES = 3_500L * 1024 * 1024;

    public CoreNlpPipelines() {
        this(Runtime.getRuntime().maxMemory());
    }

    CoreNlpPipelines(long maxHeapBytes) {
        boolean modelsPresent = CoreNlpPipelines.class.getClassLoader().getResource(CoreNlpLanguage.CHINESE_SEGMENTER) != null;
        if (modelsPresent && maxHeapBytes < CHINESE_MIN_HEAP_BYTES) {
            log.warn("Chinese CoreNLP models are installed but the heap is {} MB: Chinese is analysed without them."
                    + " Start with CLAIMDESK_JAVA_OPTS=-Xmx4g to use them.", maxHeapBytes >> 20);
        }
        this.chineseModelsPresent = modelsPresent && maxHeapBytes >= CHINESE_MIN_HEAP_BYTES;
    }

    /** True when CoreNLP analyses this language (en, ar, de, fr, es; zh only with the Chinese models). */
    public boolean handles(String languageTag) {
        return CoreNlpLanguage.forTag(languageTag)
                .filter(l -> l != CoreNlpLanguage.CHINESE || chineseModelsPresent)
                .isPresent();
    }

    /**
     * Personal pronouns of the CoreNLP languages. The CRF models sometimes tag a sentence-initial
     * pronoun ("He urges listeners…") as a person; a pronoun is never a name an analyst filters by.
     * ("us" is left out: "US" is a country.)
     */
    private static final Set<String> PRONOUNS = Set.of(
            "i", "you", "he", "she", "it", "we", "they", "him", "her", "them", "his", "hers", "its", "their",
            "ich", "du", "er", "sie", "es", "wir", "ihr", "ihn", "ihm", "ihnen",
            "je", "tu", "il", "elle", "nous", "vous", "ils", "elles", "lui", "eux",
            "yo", "tú", "él", "ella", "nosotros", "nosotras", "vosotros", "ellos", "ellas", "usted", "ustedes");

    static boolean isPronoun(String mention) {
        return PRONOUNS.contains(mention.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * True when CoreNLP finds named entities in this language here (en, de, fr, es; zh with its
     * models): the languages whose entity cues the check-worthiness model uses (decision 0019).
     */
    public boolean givesEntities(String languageTag) {
        return handles(languageTag) && CoreNlpLanguage.forTag(languageTag).orElseThrow().givesEntities();
    }

    /**
     * The named entities of a text in a language known beforehand, exactly as the analysis stage
     * finds them on that path (offsets into {@code text}); empty for a language without an entity
     * model here. For training data, whose language is given rather than detected.
     */
    public List<NamedEntity> entities(String text, String languageTag, AnalysisPath path) {
        if (text == null || text.isBlank() || !givesEntities(languageTag)) {
            return List.of();
        }
        return analyse(text, languageTag, path).entities();
    }

    /** Loads the pipeline for a language and path now (e.g. at start, off the UI thread). */
    public void load(String languageTag, AnalysisPath path) {
        pipeline(language(languageTag), path);
    }

    Segmentation analyse(String text, String languageTag, AnalysisPath path) {
        CoreNlpLanguage language = language(languageTag);
        StanfordCoreNLP pipeline = pipeline(language, path);
        boolean withLemmas = language.givesLemmas(path);
        List<Sentence> sentences = new ArrayList<>();
        List<String> lemmas = new ArrayList<>();
        List<NamedEntity> entities = new ArrayList<>();
        int tokens = 0;
        for (TextSpan paragraph : TextSpan.paragraphs(text)) {
            int base = paragraph.start();
            CoreDocument document = new CoreDocument(text.substring(paragraph.start(), paragraph.end()));
            pipeline.annotate(document);
            for (CoreMap sentence : document.annotation().get(CoreAnnotations.SentencesAnnotation.class)) {
                int start = base + sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
                int end = base + sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
                sentences.add(new Sentence(start, end, text.substring(start, end)));
            }
            List<CoreLabel> paragraphTokens = document.annotation().get(CoreAnnotations.TokensAnnotation.class);
            tokens += paragraphTokens.size();
            if (withLemmas) {
                paragraphTokens.forEach(t -> lemmas.add(t.lemma()));
            }
            List<CoreEntityMention> mentions = document.entityMentions();
            if (mentions != null) {
                for (CoreEntityMention mention : mentions) {
                    Optional<EntityType> type = EntityType.fromModelLabel(mention.entityType());
                    if (type.isPresent() && !isPronoun(mention.text())) {
                        int start = base + mention.charOffsets().first();
                        int end = base + mention.charOffsets().second();
                        entities.add(new NamedEntity(text.substring(start, end), type.get(), start, end));
                    }
                }
            }
        }
        return new Segmentation(AnalysisEngine.CORENLP, sentences, tokens, lemmas, entities);
    }

    private CoreNlpLanguage language(String languageTag) {
        if (!handles(languageTag)) {
            throw new IllegalArgumentException("CoreNLP does not analyse language '" + languageTag + "' here");
        }
        return CoreNlpLanguage.forTag(languageTag).orElseThrow();
    }

    private StanfordCoreNLP pipeline(CoreNlpLanguage language, AnalysisPath path) {
        return pipelines.computeIfAbsent(new Key(language, path), LazyPipeline::new).get();
    }

    /** Built on first get; other languages are not held up while one loads. */
    private static final class LazyPipeline {
        private final Key key;
        private StanfordCoreNLP pipeline;

        LazyPipeline(Key key) {
            this.key = key;
        }

        synchronized StanfordCoreNLP get() {
            if (pipeline == null) {
                long started = System.nanoTime();
                pipeline = new StanfordCoreNLP(key.language().properties(key.path()));
                log.info("CoreNLP {} {} pipeline loaded in {} ms", key.language().tag(), key.path(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            return pipeline;
        }
    }
}
