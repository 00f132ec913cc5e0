package org.claimdesk.nlp;

import java.util.Objects;

/**
 * A named entity found in a text.
 *
 * @param text  the mention as it appears in the text
 * @param type  person, organisation, location...
 * @param start offset of the mention in the analysed text
 * @param end   offset after the mention
 */
public record NamedEntity(String text, EntityType type, int start, int end) {
    public NamedEntity {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
    }
}
