package org.claimdesk.nlp;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** The budget for what ships for English, Arabic, German, French and Spanish. */
    private static final long SHIPPED_BUDGET_BYTES = 400L * 1024 * 1024;

    @Test
    void theShippedModelsStayWithinTheirBudget() throws Exception {
        boolean chinese = getClass().getClassLoader().getResource(CoreNlpLanguage.CHINESE_SEGMENTER) != null;
        Assumptions.assumeFalse(chinese, "built with -Pchinese-models: the budget covers the default languages");
        URL model = getClass().getClassLoader().getResource("edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
        assertThat(model).isNotNull();
        long bytes;
        if ("jar".equals(model.getProtocol())) {
            String jar = model.getPath().substring(0, model.getPath().indexOf("!/"));
            bytes = Files.size(Path.of(URI.create(jar)));
        } else {
            // unpacked (an IDE): the folder the models sit in
            Path root = Path.of(model.toURI());
            for (int up = 0; up < "edu/stanford/nlp/models/ner/x".split("/").length; up++) {
                root = root.getParent();
            }
            try (var files = Files.walk(root)) {
                bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
        }
        assertThat(bytes).as("claimdesk-nlp-models size (docs/benchmarks.md records it)").isBetween(50L * 1024 * 1024, SHIPPED_BUDGET_BYTES);
    }

    @Test
    void chineseCoreNlpIsUsedOnlyWithItsModelsAndAHeapThatHoldsThem() {
        boolean chinese = getClass().getClassLoader().getResource(CoreNlpLanguage.CHINESE_SEGMENTER) != null;
        Assumptions.assumeTrue(chinese, "the gate can only be seen with the models: build with -Pchinese-models");
        long twoGigabytes = 2L << 30;
        // a default 2 GB workbench never loads them, whatever is installed: it would run out of memory
        assertThat(new CoreNlpPipelines(twoGigabytes).handles("zh")).isFalse();
        assertThat(new CoreNlpPipelines(twoGigabytes).handles("en")).isTrue();
        assertThat(new CoreNlpPipelines(CoreNlpPipelines.CHINESE_MIN_HEAP_BYTES).handles("zh")).isTrue();
    }

    @Test
    void unusedUpstreamModelsAreLeftOut() {
        assertThat(getClass().getClassLoader().getResource("edu/stanford/nlp/models/srparser/frenchSR.beam.ser.gz")).isNull();
        assertThat(getClass().getClassLoader().getResource("edu/stanford/nlp/models/truecase/truecasing.fast.caseless.qn.ser.gz")).isNull();
    }
}
