package org.claimdesk.nlp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every model file a pipeline names is packaged in claimdesk-nlp-models (Chinese only with -Pchinese-models). */
class NlpModelsTest {

    @Test
    void everyConfiguredModelIsOnTheClassPath() {
        boolean chinese = getClass().getClassLoader().getResource(CoreNlpLanguage.CHINESE_SEGMENTER) != null;
        for (CoreNlpLanguage language : CoreNlpLanguage.values()) {
            if (language == CoreNlpLanguage.CHINESE && !chinese) {
                continue;
            }
            for (AnalysisPath path : AnalysisPath.values()) {
                language.properties(path).forEach((key, value) -> {
                    String v = value.toString();
                    if (v.startsWith("edu/stanford/nlp/models/") && !key.toString().equals("segment.sighanCorporaDict")) {
                        assertThat(getClass().getClassLoader().getResource(v)).as(language + " " + key + " = " + v).isNotNull();
                    }
                });
            }
        }
    }

    @Test
    void englishDefaultModelsArePackaged() {
        for (String model : new String[]{
                "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger",
                "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz",
                "edu/stanford/nlp/models/ner/english.muc.7class.distsim.crf.ser.gz",
                "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz"}) {
            assertThat(getClass().getClassLoader().getResource(model)).as(model).isNotNull();
        }
    }

    @Test
    void unusedUpstreamModelsAreLeftOut() {
        assertThat(getClass().getClassLoader().getResource("edu/stanford/nlp/models/srparser/frenchSR.beam.ser.gz")).isNull();
        assertThat(getClass().getClassLoader().getResource("edu/stanford/nlp/models/truecase/truecasing.fast.caseless.qn.ser.gz")).isNull();
    }
}
