package org.claimdesk.nlp;

import java.util.Objects;

/**
 * The analysis stage: language, sentences, tokens, lemmas and entities of an item's text, on the
 * caller's thread. Safe to share across threads; the bounded, parallel pipeline around it is
 * {@code org.claimdesk.pipeline.AnalysisStage} on {@code StageRunner}.
 */
public final class TextAnalyzer {
    private final LanguageDetector languageDetector;
    private final CoreNlpPipelines coreNlp;
    private final JapaneseSegmenter japanese = new JapaneseSegmenter();
    private final IcuSegmenter icu = new IcuSegmenter();

    public TextAnalyzer() {
        this(new LanguageDetector(), new CoreNlpPipelines());
    }

    public TextAnalyzer(LanguageDetector languageDetector, CoreNlpPipelines coreNlp) {
        this.languageDetector = Objects.requireNonNull(languageDetector, "languageDetector");
        this.coreNlp = Objects.requireNonNull(coreNlp, "coreNlp");
    }
    public LanguageDetector languageDetector() {
        return languageDetector;
    }

    public CoreNlpPipelines coreNlp() {
        return coreNlp;
    }

    /**
     * Analyses one text on the calling thread (never the UI thread: the first text of a language
     * loads its models, seconds).
     *
     * @param languageHint the feed's or source's language, used only when the text is too short to tell; may be null
     */
    public TextAnalysis analyse(String text, String languageHint, AnalysisPath path) {
        Objects.requireNonNull(path, "path");
        String safeText = text == null ? "" : text;
        DetectedLanguage language = languageDetector.detect(safeText, languageHint);
        Segmentation segmentation = segment(safeText, language.tag(), path);
        return new TextAnalysis(language, path, segmentation.engine(), segmentation.sentences(),
                segmentation.tokenCount(), segmentation.lemmas(), segmentation.entities());
    }

    private Segmentation segment(String text, String languageTag, AnalysisPath path) {
        if ("ja".equals(languageTag)) {
            return japanese.analyse(text, path);
        }
        if (coreNlp.handles(languageTag)) {
            return coreNlp.analyse(text, languageTag, path);
        }
        return icu.analyse(text, languageTag);
    }
}
