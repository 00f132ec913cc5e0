package org.claimdesk.index;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts every hit per value of the keyword fields (language, source, tag, entity) from their
 * doc values: per segment by ordinal into an array, then by value across segments. Simpler than
 * lucene-facet's reader state (which must be rebuilt on every near-real-time reopen) and, on the
 * bench corpus, fast enough (see docs/benchmarks.md). It counts the hits of the query it runs
 * under, which {@link ItemSearch} filters to items, so other kinds never add to an item facet.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counting, FacetCounter.Counts> {

    static final List<String> FIELDS = List.of(IndexFields.LANGUAGE, IndexFields.SOURCE, IndexFields.TAG,
            IndexFields.ENTITY);

    /** Counts per field and value, and the number of hits. */
    record Counts(long hits, Map<String, Map<String, Integer>> byField) {
        List<FacetCount> top(String field, int limit) {
            return byField.getOrDefault(field, Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .map(e -> new FacetCount(e.getKey(), e.getValue()))
                    .toList();
        }
    }

    @Override
    public Counting newCollector() {
        return new Counting();
    }

    @Override
    public Counts reduce(Collection<Counting> collectors) {
        long hits = 0;
        Map<String, Map<String, Integer>> merged = new HashMap<>();
        for (Counting c : collectors) {
            hits += c.hits;
            c.counts.forEach((field, values) -> values.forEach(
                    (value, n) -> merged.computeIfAbsent(field, f -> new HashMap<>()).merge(value, n, Integer::sum)));
        }
        return new Counts(hits, merged);
    }

    static final class Counting implements Collector {
        private long hits;
        private final Map<String, Map<String, Integer>> counts = new HashMap<>();

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            List<SortedSetDocValues> values = new ArrayList<>(FIELDS.size());
            List<int[]> ordinals = new ArrayList<>(FIELDS.size());
            for (String field : FIELDS) {
                SortedSetDocValues dv = context.reader().getSortedSetDocValues(field);
                values.add(dv);
                ordinals.add(dv == null ? null : new int[(int) dv.getValueCount()]);
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    hits++;
                    for (int f = 0; f < values.size(); f++) {
                        SortedSetDocValues dv = values.get(f);
                        if (dv != null && dv.advanceExact(doc)) {
                            int[] n = ordinals.get(f);
                            for (int i = 0, count = dv.docValueCount(); i < count; i++) {
                                n[(int) dv.nextOrd()]++;
                            }
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int f = 0; f < values.size(); f++) {
                        int[] n = ordinals.get(f);
                        if (n == null) {
                            continue;
                        }
                        // a fresh instance: the one used for collecting has moved past lookups' needs
                        SortedSetDocValues dv = context.reader().getSortedSetDocValues(FIELDS.get(f));
                        Map<String, Integer> byValue = counts.computeIfAbsent(FIELDS.get(f), k -> new HashMap<>());
                        for (int ord = 0; ord < n.length; ord++) {
                            if (n[ord] > 0) {
                                byValue.merge(dv.lookupOrd(ord).utf8ToString(), n[ord], Integer::sum);
                            }
                        }
                    }
                }
            };
        }
    }

    static Comparator<FacetCount> mostFirst() {
        return Comparator.comparingInt(FacetCount::count).reversed().thenComparing(FacetCount::value);
    }
}
