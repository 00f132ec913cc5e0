package org.claimdesk.flag;

import org.claimdesk.source.PageSelectors;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.store.ClusterPlacement;
import org.claimdesk.store.ClusterState;
import org.claimdesk.store.ClusterStore;
import org.claimdesk.store.Database;
import org.claimdesk.store.ItemStore;
import org.claimdesk.store.NewItem;
import org.claimdesk.store.SourceStore;
import org.claimdesk.store.WatchEntry;
import org.claimdesk.store.WatchlistStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Flagging on clusters stored in a real H2 database on disk. */
class ClusterFlaggerTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    @TempDir
    Path dir;

    private Database database;
    private ItemStore items;
    private ClusterStore clusters;
    private WatchlistStore watchlist;
    private ClusterFlagger flagger;

    @BeforeEach
    void open() {
        database = Database.open(dir);
        new SourceStore(database).sync(IntStream.range(0, 8).mapToObj(i -> new Source("s" + i, "Source " + i,
                URI.create("https://s" + i + ".example.org/feed.xml"), SourceKind.FEED, "en", List.of(),
                Duration.ofMinutes(30), true, PageSelectors.NONE, false)).toList());
        items = new ItemStore(database);
        clusters = new ClusterStore(database);
        watchlist = new WatchlistStore(database);
        flagger = new ClusterFlagger(clusters, watchlist, FlagPolicy.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long item(String source, Duration ago, String text) {
        String body = (text + " ").repeat(12);
        items.save(new NewItem(source, null, null, "guid:" + source + ago + text, text, null, body, "en",
                NOW.minus(ago), NOW.minus(ago), sha256(body + source + ago)));
        return items.lastId();
    }

    private void place(long item, long cluster) {
        clusters.place(new ClusterPlacement(item, cluster, 0.9, List.of(), NOW));
    }

    @Test
    void aClusterTakingOffIsFlaggedOnceWithItsReasonsAndAQuietOneIsNot() {
        long burst = clusters.newCluster(NOW);
        for (int i = 0; i < 6; i++) {
            place(item("s" + i, Duration.ofMinutes(10 + 15L * i), "Bridge closed after cracks found " + i), burst);
        }
        long quiet = clusters.newCluster(NOW);
        place(item("s7", Duration.ofHours(5), "Council meets on budget"), quiet);

        ClusterFlagger.Round round = flagger.rescore();

        assertThat(round.newlyFlagged()).extracting(summary -> summary.id()).containsExactly(burst);
        var flagged = clusters.find(burst).orElseThrow();
        assertThat(flagged.flagReasons().getFirst()).isEqualTo("6 items from 6 sources in the last 2 h");
        assertThat(flagged.flaggedAt()).isEqualTo(NOW);
        assertThat(clusters.find(quiet).orElseThrow().flaggedAt()).isNull();
        assertThat(clusters.ranked(null, null, null, 1, 10).getFirst().id()).isEqualTo(burst);

        assertThat(flagger.rescore().newlyFlagged()).as("told once").isEmpty();
    }

    @Test
    void aWatchedTermRaisesASmallClusterAndADismissedOneComesBackWhenItFlaresUp() {
        watchlist.watch(WatchEntry.Kind.TERM, "vaccine", 2, NOW);
        long cluster = clusters.newCluster(NOW);
        place(item("s1", Duration.ofHours(20), "Vaccine batch recalled"), cluster);
        clusters.setState(cluster, ClusterState.DISMISSED, "already answered", "amal", NOW.minus(Duration.ofHours(19)));
        place(item("s2", Duration.ofHours(1), "Recalled vaccine batch was fine"), cluster);

        ClusterFlagger.Round round = flagger.rescore();

        assertThat(round.cameBack()).extracting(summary -> summary.id()).containsExactly(cluster);
        assertThat(clusters.find(cluster).orElseThrow().flagReasons()).contains("mentions watched term vaccine (2 items)");
        assertThat(clusters.find(cluster).orElseThrow().state()).isEqualTo(ClusterState.NEW);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
