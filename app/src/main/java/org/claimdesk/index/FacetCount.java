package org.claimdesk.index;

/** How many hits carry one value of a facet (a language, a source, a tag, an entity). */
public record FacetCount(String value, int count) {
}
