package org.claimdesk.claims;

import org.claimdesk.nlp.NamedEntity;

import java.util.List;
import java.util.Objects;

/**
 * A sentence with a person's judgement of whether it is worth checking, for training and measuring.
 *
 * @param text        the sentence
 * @param language    its language tag ("en", "ar"...)
 * @param checkWorthy the label
 * @param group       what it belongs to (a debate, a split), so evaluation can hold whole groups out
 * @param entities    named entities in the sentence, or empty when none were looked for
 */
public record LabelledSentence(String text, String language, boolean checkWorthy, String group,
                               List<NamedEntity> entities) {
    public LabelledSentence {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        entities = List.copyOf(entities);
    }

    public LabelledSentence(String text, String language, boolean checkWorthy, String group) {
        this(text, language, checkWorthy, group, List.of());
    }

    public SentenceFeatures features() {
        return SentenceFeatures.of(text, language, entities);
    }
}
