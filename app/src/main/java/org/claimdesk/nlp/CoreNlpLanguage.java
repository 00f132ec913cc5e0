package org.claimdesk.nlp;

import java.util.Optional;
import java.util.Properties;

/**
 * The CoreNLP settings per language. Every model named here must be listed in
 * nlp-models/pom.xml (NlpModelsTest checks). Fast settings throughout: no fine-grained NER, no
 * SUTime, no numeric classifiers (each roughly halves throughput and adds heap), and the NER
 * classifier does not use part-of-speech features, so the FAST path can run it without the tagger.
 * FAST and FULL share the tokenizer (CoreNLP's annotator cache loads it once); for English, FAST
 * runs only the 3-class NER model, FULL all three (see {@link #properties}).
 */
enum CoreNlpLanguage {
    ENGLISH("en", "tokenize,ssplit,ner", "tokenize,ssplit,pos,lemma,ner", true),
    /** CoreNLP 4.5.10 has no Arabic NER model: segmentation, sentences and part of speech only. */
    ARABIC("ar", "tokenize,ssplit", "tokenize,ssplit,pos", false),
    GERMAN("de", "tokenize,ssplit,mwt,ner", "tokenize,ssplit,mwt,pos,ner", false),
    FRENCH("fr", "tokenize,ssplit,mwt,ner", "tokenize,ssplit,mwt,pos,ner", false),
    /** Spanish has a "lemma" annotator, but it only lower-cases; it is left out. */
    SPANISH("es", "tokenize,ssplit,mwt,ner", "tokenize,ssplit,mwt,pos,ner", false),
    /** Only when the Chinese models were built in (-Pchinese-models); ~1.7 GB heap once loaded. Its NER wants "lemma" in the full list. */
    CHINESE("zh", "tokenize,ssplit,ner", "tokenize,ssplit,pos,lemma,ner", false);

    /** A resource that is on the class path only when the Chinese models were packaged. */
    static final String CHINESE_SEGMENTER = "edu/stanford/nlp/models/segmenter/chinese/ctb.gz";

    private final String tag;
    private final String fastAnnotators;
    private final String fullAnnotators;
    private final boolean lemmasOnFullPath;

    CoreNlpLanguage(String tag, String fastAnnotators, String fullAnnotators, boolean lemmasOnFullPath) {
        this.tag = tag;
        this.fastAnnotators = fastAnnotators;
        this.fullAnnotators = fullAnnotators;
        this.lemmasOnFullPath = lemmasOnFullPath;
    }

    String tag() {
        return tag;
    }

    boolean givesLemmas(AnalysisPath path) {
        return lemmasOnFullPath && path == AnalysisPath.FULL;
    }

    boolean givesEntities() {
        return fastAnnotators.contains("ner");
    }

    static Optional<CoreNlpLanguage> forTag(String tag) {
        for (CoreNlpLanguage language : values()) {
            if (language.tag.equals(tag)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    Properties properties(AnalysisPath path) {
        Properties p = new Properties();
        p.setProperty("annotators", path == AnalysisPath.FAST ? fastAnnotators : fullAnnotators);
        p.setProperty("tokenize.language", tag);
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("ner.applyNumericClassifiers", "false");
        p.setProperty("ner.buildEntityMentions", "true");
        String models = "edu/stanford/nlp/models/";
        switch (this) {
            case ENGLISH -> {
                // FULL: CoreNLP's defaults, left3words tagger and the 3-class, 7-class (dates, money,
                // percent) and 4-class (MISC) NER models run one after another. FAST: the 3-class
                // model alone, the light entities: persons, organisations and places, which are the
                // names the index filters and facets on.
                if (path == AnalysisPath.FAST) {
                    p.setProperty("ner.model", models + "ner/english.all.3class.distsim.crf.ser.gz");
                }
            }
            case ARABIC -> {
                p.setProperty("segment.model", models + "segmenter/arabic/arabic-segmenter-atb+bn+arztrain.ser.gz");
                p.setProperty("ssplit.boundaryTokenRegex", "[.]|[!?]+|[!\u061F]+");
                p.setProperty("pos.model", models + "pos-tagger/arabic.tagger");
            }
            case GERMAN -> {
                p.setProperty("tokenize.postProcessor", "edu.stanford.nlp.international.german.process.GermanTokenizerPostProcessor");
                p.setProperty("mwt.mappingFile", models + "mwt/german/german-mwt.tsv");
                p.setProperty("pos.model", models + "pos-tagger/german-ud.tagger");
                p.setProperty("ner.model", models + "ner/german.distsim.crf.ser.gz");
            }
            case FRENCH -> {
                p.setProperty("mwt.mappingFile", models + "mwt/french/french-mwt.tsv");
                p.setProperty("mwt.pos.model", models + "mwt/french/french-mwt.tagger");
                p.setProperty("mwt.statisticalMappingFile", models + "mwt/french/french-mwt-statistical.tsv");
                p.setProperty("mwt.preserveCasing", "false");
                p.setProperty("pos.model", models + "pos-tagger/french-ud.tagger");
                p.setProperty("ner.model", models + "ner/french-wikiner-4class.crf.ser.gz");
            }
            case SPANISH -> {
                p.setProperty("mwt.mappingFile", models + "mwt/spanish/spanish-mwt.tsv");
                p.setProperty("pos.model", models + "pos-tagger/spanish-ud.tagger");
                p.setProperty("ner.model", models + "ner/spanish.ancora.distsim.s512.crf.ser.gz");
                p.setProperty("ner.language", "es");
            }
            case CHINESE -> {
                p.setProperty("segment.model", CHINESE_SEGMENTER);
                p.setProperty("segment.sighanCorporaDict", models + "segmenter/chinese");
                p.setProperty("segment.serDictionary", models + "segmenter/chinese/dict-chris6.ser.gz");
                p.setProperty("segment.sighanPostProcessing", "true");
                p.setProperty("ssplit.boundaryTokenRegex", "[.\u3002]|[!?\uFF01\uFF1F]+");
                p.setProperty("pos.model", models + "pos-tagger/chinese-distsim.tagger");
                p.setProperty("ner.language", "chinese");
                p.setProperty("ner.model", models + "ner/chinese.misc.distsim.crf.ser.gz");
            }
        }
        return p;
    }
}
