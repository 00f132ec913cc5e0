package org.claimdesk.rebuttals;

import org.claimdesk.store.ItemSummary;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a claim cluster's items fell around a moment (an answer's publication): how many came before
 * and after it, and from which sources. An item counts by its time: published, else fetched.
 *
 * @param sources every source with items in the cluster: those still spreading it first (most items
 *                after the moment first), then the others
 */
public record PublicationSpread(Instant since, int itemsBefore, int itemsAfter, List<SourceCount> sources) {
    /**
     * One source's items before and after the moment.
     *
     * @param name the source's name (its id when it has none)
     */
    public record SourceCount(String name, int before, int after) {
        /** Items from it after the moment: it kept spreading the claim (or started to). */
        public boolean stillSpreading() {
            return after > 0;
        }

        /** It had spread the claim before too, and went on. */
        public boolean keptSpreading() {
            return before > 0 && after > 0;
        }
    }

    public PublicationSpread {
        Objects.requireNonNull(since, "since");
        sources = List.copyOf(sources);
    }

    /** Counts a cluster's items around {@code since}; an item at that very instant counts as after. */
    public static PublicationSpread of(Instant since, Collection<ItemSummary> items) {
        Map<String, int[]> bySource = new LinkedHashMap<>();
        int before = 0;
        int after = 0;
        for (ItemSummary item : items) {
            boolean later = !item.time().isBefore(since);
            String source = item.sourceName() == null ? item.sourceId() : item.sourceName();
            int[] counts = bySource.computeIfAbsent(source, s -> new int[2]);
            if (later) {
                after++;
                counts[1]++;
            } else {
                before++;
                counts[0]++;
            }
        }
        List<SourceCount> sources = bySource.entrySet().stream()
                .map(e -> new SourceCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingInt(SourceCount::after).reversed()
                        .thenComparing(Comparator.comparingInt(SourceCount::before).reversed())
                        .thenComparing(SourceCount::name))
                .toList();
        return new PublicationSpread(since, before, after, sources);
    }

    /** The sources with items after the moment, most first. */
    public List<SourceCount> stillSpreading() {
        return sources.stream().filter(SourceCount::stillSpreading).toList();
    }
}
