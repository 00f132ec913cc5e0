package org.claimdesk.cluster;

import java.time.Instant;
import java.util.List;

/**
 * What the clusterer compares of an item: its weighted terms (words, numbers and names in one
 * vector, numbers and names weighted up because they cross languages), the terms used to look up
 * candidate clusters (its heaviest terms that earlier items used too), the terms its cluster is
 * listed under (its heaviest terms), and the links that would tie it to a story outright.
 */
record ItemFeatures(String itemId, Instant time, TermVector vector, int[] lookupTerms, int[] indexTerms,
                    List<String> links) {
}
