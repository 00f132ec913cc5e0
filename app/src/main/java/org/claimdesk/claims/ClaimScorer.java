package org.claimdesk.claims;

import org.claimdesk.nlp.NamedEntity;
import org.claimdesk.nlp.Sentence;
import org.claimdesk.nlp.SentenceSplitter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores the sentences of a text for check-worthiness. Cheap enough for every item of the
 * pipeline: sentences by ICU's rules, cue words and regular expressions, a sum of weights; the
 * entities come from the item's analysis (done once, earlier), none is computed here.
 * Thread-safe.
 */
public final class ClaimScorer {
    private final CheckWorthinessModel model;
    private final SentenceSplitter splitter;

    public ClaimScorer(CheckWorthinessModel model, SentenceSplitter splitter) {
        this.model = Objects.requireNonNull(model, "model");
        this.splitter = Objects.requireNonNull(splitter, "splitter");
    }

    /** A scorer with the model that ships with ClaimDesk. */
    public static ClaimScorer bundled() {
        return new ClaimScorer(CheckWorthinessModel.bundled(), new SentenceSplitter());
    }

    /**
     * Every sentence of {@code text}, in order, with its score.
     *
     * @param language the text's language tag ("en", "ar"...; "und" or null when unknown)
     * @param entities the text's named entities with offsets into {@code text}, from its analysis;
     *                 null or empty where there are none (the entity cues then stay off)
     */
    public List<ScoredSentence> scoreSentences(String text, String language, List<NamedEntity> entities) {
        List<NamedEntity> known = entities == null ? List.of() : entities;
        List<ScoredSentence> scored = new ArrayList<>();
        for (Sentence sentence : splitter.split(text, language)) {
            List<NamedEntity> inside = known.stream()
                    .filter(e -> e.start() >= sentence.start() && e.end() <= sentence.end()).toList();
            scored.add(new ScoredSentence(sentence.start(), sentence.end(), sentence.text(),
                    score(sentence.text(), language, inside)));
        }
        return scored;
    }

    /**
     * One sentence's score.
     *
     * @param entities the entities inside this sentence (offsets are not used); null or empty for none
     */
    public ClaimScore score(String sentence, String language, List<NamedEntity> entities) {
        return model.score(SentenceFeatures.of(sentence == null ? "" : sentence, language,
                entities == null ? List.of() : entities));
    }

    public CheckWorthinessModel model() {
        return model;
    }
}
