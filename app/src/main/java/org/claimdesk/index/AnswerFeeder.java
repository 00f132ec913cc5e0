package org.claimdesk.index;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.claimdesk.store.FactCheckStore;
import org.claimdesk.store.RebuttalStatus;
import org.claimdesk.store.RebuttalStore;
import org.claimdesk.store.StoredFactCheck;
import org.claimdesk.store.StoredRebuttal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the earlier answers in the index in step with H2: imported fact-checks and the team's
 * rebuttals (all but withdrawn ones). It compares each row's version (when it last changed) with
 * the version its document carries and rewrites what differs, removes documents of rows that are
 * gone, and makes the result searchable at once. Nothing is logged per change: the comparison is
 * the log, so a crash before the index committed costs a rewrite at the next comparison, and a
 * rebuilt (emptied) index gets every answer back the same way.
 */
public final class AnswerFeeder {
    private static final Logger LOG = LoggerFactory.getLogger(AnswerFeeder.class);
    private static final int PAGE = 1_000;
    /** Withdrawn answers are not offered again. */
    private static final EnumSet<RebuttalStatus> ANSWERING = EnumSet.complementOf(EnumSet.of(RebuttalStatus.WITHDRAWN));

    private final ItemIndex index;
    private final FactCheckStore factChecks;
    private final RebuttalStore rebuttals;

    public AnswerFeeder(ItemIndex index, FactCheckStore factChecks, RebuttalStore rebuttals) {
        this.index = Objects.requireNonNull(index, "index");
        this.factChecks = Objects.requireNonNull(factChecks, "factChecks");
        this.rebuttals = Objects.requireNonNull(rebuttals, "rebuttals");
    }

    /** Brings fact-checks and rebuttals in the index up to date; returns how many documents it wrote or removed. */
    public synchronized int sync() {
        int changed = syncFactChecks() + syncRebuttals();
        if (changed > 0) {
            index.refresh();
            LOG.info("Earlier answers in the search index: {} documents written or removed", changed);
        }
        return changed;
    }

    private int syncFactChecks() {
        Map<Long, Long> indexed = versions(DocumentKind.FACT_CHECK);
        Map<Long, Long> stored = factChecks.versions();
        List<Long> stale = differing(stored, indexed);
        int changed = removeOrphans(DocumentKind.FACT_CHECK, indexed, stored);
        if (stale.size() > PAGE) {
            // many (an import, a rebuilt index): read them page by page instead of one by one
            long after = 0;
            for (List<StoredFactCheck> page; !(page = factChecks.after(after, PAGE)).isEmpty(); after = page.getLast().id()) {
                for (StoredFactCheck factCheck : page) {
                    if (!Objects.equals(indexed.get(factCheck.id()), stored.get(factCheck.id()))) {
                        index.upsert(AnswerDocuments.of(factCheck));
                        changed++;
                    }
                }
            }
        } else {
            for (long id : stale) {
                factChecks.find(id).ifPresent(factCheck -> index.upsert(AnswerDocuments.of(factCheck)));
                changed++;
            }
        }
        return changed;
    }

    private int syncRebuttals() {
        Map<Long, Long> indexed = versions(DocumentKind.REBUTTAL);
        Map<Long, StoredRebuttal> current = new HashMap<>();
        Map<Long, Long> stored = new HashMap<>();
        for (StoredRebuttal rebuttal : rebuttals.list(ANSWERING, Integer.MAX_VALUE)) {
            current.put(rebuttal.id(), rebuttal);
            stored.put(rebuttal.id(), rebuttal.updatedAt().toEpochMilli());
        }
        int changed = removeOrphans(DocumentKind.REBUTTAL, indexed, stored);
        for (long id : differing(stored, indexed)) {
            index.upsert(AnswerDocuments.of(current.get(id)));
            changed++;
        }
        return changed;
    }

    private static List<Long> differing(Map<Long, Long> stored, Map<Long, Long> indexed) {
        List<Long> differing = new ArrayList<>();
        stored.forEach((id, version) -> {
            if (!version.equals(indexed.get(id))) differing.add(id);
        });
        return differing;
    }

    private int removeOrphans(DocumentKind kind, Map<Long, Long> indexed, Map<Long, Long> stored) {
        int removed = 0;
        for (long id : indexed.keySet()) {
            if (!stored.containsKey(id)) {
                index.delete(kind, id);
                removed++;
            }
        }
        return removed;
    }

    /** Key → version of every document of this kind, from a fresh view of the index. */
    Map<Long, Long> versions(DocumentKind kind) {
        index.refresh();
        return index.withSearcher(searcher -> searcher.search(IndexFields.ofKind(kind), new VersionCollector()));
    }

    private static final class VersionCollector implements CollectorManager<VersionCollector.Versions, Map<Long, Long>> {
        static final class Versions extends SimpleCollector {
            private final Map<Long, Long> found = new HashMap<>();
            private SortedNumericDocValues keys;
            private SortedNumericDocValues versions;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                keys = DocValues.getSortedNumeric(context.reader(), IndexFields.ID_NUMBER);
                versions = DocValues.getSortedNumeric(context.reader(), IndexFields.VERSION);
            }

            @Override
            public void collect(int doc) throws IOException {
                if (keys.advanceExact(doc)) {
                    long version = versions.advanceExact(doc) ? versions.nextValue() : Long.MIN_VALUE;
                    found.put(keys.nextValue(), version);
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }

        @Override
        public Versions newCollector() {
            return new Versions();
        }

        @Override
        public Map<Long, Long> reduce(Collection<Versions> collectors) {
            Map<Long, Long> all = new HashMap<>();
            collectors.forEach(c -> all.putAll(c.found));
            return all;
        }
    }
}
