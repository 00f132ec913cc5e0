package org.claimdesk.nlp;

import java.util.Locale;
import java.util.Optional;

/** The kinds of named entity the models give; CoreNLP's and Kuromoji's labels map onto these. */
public enum EntityType {
    PERSON,
    ORGANIZATION,
    LOCATION,
    /** Other names: events, works, nationalities (CoreNLP's MISC class). */
    MISC,
    DATE,
    TIME,
    MONEY,
    PERCENT;

    /** Maps a model's label (PERSON, PER, I-PER, ORG, LOC, GPE...) to a type; empty for labels we do not keep. */
    public static Optional<EntityType> fromModelLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String l = label.toUpperCase(Locale.ROOT);
        if (l.startsWith("B-") || l.startsWith("I-")) {
            l = l.substring(2);
        }
        return switch (l) {
            case "PERSON", "PER" -> Optional.of(PERSON);
            case "ORGANIZATION", "ORG" -> Optional.of(ORGANIZATION);
            case "LOCATION", "LOC", "GPE", "CITY", "COUNTRY", "STATE_OR_PROVINCE" -> Optional.of(LOCATION);
            case "MISC" -> Optional.of(MISC);
            case "DATE" -> Optional.of(DATE);
            case "TIME" -> Optional.of(TIME);
            case "MONEY" -> Optional.of(MONEY);
            case "PERCENT" -> Optional.of(PERCENT);
            default -> Optional.empty();
        };
    }
}
