package org.claimdesk.workspace;

import org.claimdesk.index.RebuildProgress;
import org.claimdesk.index.SearchRequest;
import org.claimdesk.store.NewItem;
import org.claimdesk.store.SavedSearch;
import org.claimdesk.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved searches in a real workspace (H2 and Lucene on disk). */
class WatchQueriesTest {
    @TempDir
    Path tmp;

    private static long count(WatchQueries watches, String name) {
        return watches.counts().stream().filter(c -> c.search().name().equals(name)).findFirst().orElseThrow().newMatches();
    }

    private static void save(WorkspaceSession session, String key, String title, Instant published) {
        URI url = URI.create("https://wire.example.org/" + key);
        session.itemStore().save(new NewItem("wire", url, url, null, title, null, title + ". Officials denied it.", "en",
                published, published, key));
    }

    @Test
    void markingSeenKeepsNewWhatNoSearchCouldShowYetAndTheRangeMovesWithTime() throws Exception {
        Path feeds = Files.writeString(tmp.resolve("feeds.yml"), "sources:\n  - id: wire\n    url: https://wire.example.org/feed\n");
        Instant now = Instant.now();
        MutableClock clock = new MutableClock(now);
        try (WorkspaceSession session = WorkspaceSession.open(new Workspace(tmp.resolve("desk")), feeds, clock)) {
            session.search().bringUpToDate(RebuildProgress.NONE);
            WatchQueries watches = session.search().savedSearches();
            SavedSearch dam = watches.save("dam", SearchRequest.of("dam"), null);
            SavedSearch recentDam = watches.save("recent dam", SearchRequest.of("dam"), Duration.ofDays(2));

            save(session, "a", "Dam burst rumour", now.minus(Duration.ofHours(3)));
            save(session, "b", "Old dam photo", now.minus(Duration.ofDays(20)));
            session.search().bringUpToDate(RebuildProgress.NONE);
            assertThat(watches.counts()).extracting(WatchQueries.WatchCount::newMatches).containsExactly(2L, 1L);

            // stored, not yet searchable when the analyst opens the search: it stays new
            save(session, "c", "Dam inspection rumour", now.minus(Duration.ofHours(1)));
            watches.markSeen(watches.find("dam").orElseThrow());
            watches.markSeen(watches.find("recent dam").orElseThrow());
            session.search().bringUpToDate(RebuildProgress.NONE);
            assertThat(watches.counts()).extracting(WatchQueries.WatchCount::newMatches).containsExactly(1L, 1L);
            assertThat(watches.newMatches(watches.find("dam").orElseThrow(), 10).hits())
                    .extracting(hit -> hit.title().text()).containsExactly("Dam inspection rumour");
            assertThat(recentDam.since()).isEqualTo(Duration.ofDays(2));
            assertThat(dam.since()).isNull();

            // a fixed range is kept as such: only the 20-day-old item, however late it runs
            Instant from = now.minus(Duration.ofDays(25));
            Instant until = now.minus(Duration.ofDays(10));
            SavedSearch old = watches.save("old dam", SearchRequest.of("dam").between(from, until), null);
            assertThat(old.since()).isNull();
            assertThat(watches.find("old dam").orElseThrow().from()).isEqualTo(from.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            assertThat(watches.find("old dam").orElseThrow().until()).isEqualTo(until.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            save(session, "d", "Another old dam photo", now.minus(Duration.ofDays(15)));
            save(session, "e", "Fresh dam rumour", now.minus(Duration.ofHours(2)));
            session.search().bringUpToDate(RebuildProgress.NONE);
            assertThat(watches.newMatches(watches.find("old dam").orElseThrow(), 10).hits())
                    .extracting(hit -> hit.title().text()).containsExactly("Another old dam photo");

            // three days on, "the last two days" no longer reaches the items of today; the fixed range stays
            long recentBefore = count(watches, "recent dam");
            assertThat(recentBefore).isEqualTo(2);
            clock.advance(Duration.ofDays(3));
            assertThat(count(watches, "recent dam")).isZero();
            assertThat(count(watches, "old dam")).isEqualTo(1);
        }
    }
}
