package org.claimdesk.store;

import org.claimdesk.nlp.EntityType;

import java.util.Objects;

/**
 * A named entity of an item: one per distinct type and text.
 *
 * @param text  the mention as first written in the item
 * @param count how many times the item mentions it
 */
public record StoredEntity(String text, EntityType type, int count) {
    public StoredEntity {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
    }
}
