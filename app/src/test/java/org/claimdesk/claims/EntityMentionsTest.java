package org.claimdesk.claims;

import org.claimdesk.nlp.EntityType;
import org.claimdesk.nlp.NamedEntity;
import org.claimdesk.store.StoredEntity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored names (no offsets) found again in the item's text. */
class EntityMentionsTest {
    @Test
    void everyWholeWordOccurrenceWithItsOffsetsAndTheLongerNameWhereTwoOverlap() {
        String text = "The New York Times reported that Biden visited New York.\n\nBidenomics aside, Biden  Jr. spoke.";
        List<NamedEntity> found = EntityMentions.in(text, List.of(
                new StoredEntity("New York", EntityType.LOCATION, 1),
                new StoredEntity("Biden", EntityType.PERSON, 2),
                new StoredEntity("New York Times", EntityType.ORGANIZATION, 1)));

        assertThat(found).extracting(NamedEntity::text, NamedEntity::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("New York Times", EntityType.ORGANIZATION),
                org.assertj.core.groups.Tuple.tuple("Biden", EntityType.PERSON),
                org.assertj.core.groups.Tuple.tuple("New York", EntityType.LOCATION),
                org.assertj.core.groups.Tuple.tuple("Biden", EntityType.PERSON));
        assertThat(found).allSatisfy(e -> assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text()));
        assertThat(found.getLast().start()).as("not inside \"Bidenomics\"").isEqualTo(text.lastIndexOf("Biden "));
    }

    @Test
    void spacesFoldedInTheStoreMatchAnyWhiteSpaceAndCaseMatters() {
        String text = "Ursula von\nder Leyen said so; the apple fell, Apple said.";
        List<NamedEntity> found = EntityMentions.in(text, List.of(
                new StoredEntity("Ursula von der Leyen", EntityType.PERSON, 1),
                new StoredEntity("Apple", EntityType.ORGANIZATION, 1)));
        assertThat(found).extracting(NamedEntity::text).containsExactly("Ursula von\nder Leyen", "Apple");
        assertThat(found.get(1).start()).isEqualTo(text.indexOf("Apple"));
    }

    @Test
    void namesInScriptsWithoutSpacesAreFoundInsideTheRunOfText() {
        String text = "习近平在北京说";
        assertThat(EntityMentions.in(text, List.of(new StoredEntity("北京", EntityType.LOCATION, 1))))
                .singleElement().satisfies(e -> assertThat(e.start()).isEqualTo(text.indexOf("北京")));
    }

    @Test
    void nothingToFindGivesNothing() {
        assertThat(EntityMentions.in("", List.of(new StoredEntity("X", EntityType.PERSON, 1)))).isEmpty();
        assertThat(EntityMentions.in("Some text.", List.of())).isEmpty();
        assertThat(EntityMentions.in("Some text.", List.of(new StoredEntity("Paris", EntityType.LOCATION, 1)))).isEmpty();
    }
}
