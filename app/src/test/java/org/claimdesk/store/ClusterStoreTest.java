package org.claimdesk.store;

import org.claimdesk.flag.ClusterFlagger;
import org.claimdesk.flag.FlagPolicy;
import org.claimdesk.nlp.AnalysisEngine;
import org.claimdesk.nlp.AnalysisPath;
import org.claimdesk.nlp.DetectedLanguage;
import org.claimdesk.nlp.EntityType;
import org.claimdesk.nlp.NamedEntity;
import org.claimdesk.nlp.TextAnalysis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.claimdesk.store.Samples.T0;
import static org.claimdesk.store.Samples.feed;
import static org.claimdesk.store.Samples.item;
import static org.claimdesk.store.Samples.longText;

/** Claim clusters and the analysts' work on them, on a real H2 database on disk. */
class ClusterStoreTest {
    @TempDir
    Path dir;

    private Database database;
    private ItemStore items;
    private ClusterStore clusters;
    private ClaimStore claims;

    @BeforeEach
    void open() {
        database = Database.open(dir);
        new SourceStore(database).sync(List.of(feed("a"), feed("b"), feed("c")));
        items = new ItemStore(database);
        clusters = new ClusterStore(database);
        claims = new ClaimStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long store(String source, int n) {
        items.save(item(source, "https://" + source + ".example.org/" + n, longText("story " + source + n)));
        return items.lastId();
    }

    private void write(ItemWrite write) {
        database.inTransaction("test write", connection -> {
            write.writeTo(connection);
            return null;
        });
    }

    private void place(long item, long cluster, Long... absorbed) {
        write(clusters.placed(new ClusterPlacement(item, cluster, 0.8, List.of(absorbed), T0)));
    }

    private void language(long item, String language) {
        new AnalysisStore(database).save(item, new TextAnalysis(new DetectedLanguage(language, true,
                DetectedLanguage.Basis.TEXT), AnalysisPath.FAST, AnalysisEngine.ICU, List.of(), 5, List.of(),
                List.of(new NamedEntity("Minister Example", EntityType.PERSON, 0, 16))), T0);
    }

    @Test
    void aClusterCountsItsItemsSourcesAndLanguagesAndIsLabelledByItsBestClaim() {
        long first = store("a", 1);
        long second = store("b", 2);
        long third = store("b", 3);
        language(first, "en");
        language(second, "ar");
        write(claims.scored(second, List.of(new ClaimSentence(second, 0, 0, 30,
                "The ministry said 4,000 jobs were cut.", 0.92, List.of()))));
        long cluster = clusters.newCluster(T0);

        place(first, cluster);
        ClusterSummary one = clusters.find(cluster).orElseThrow();
        assertThat(one.label()).as("no claim yet: the first item's title").isEqualTo("Title of https://a.example.org/1");
        assertThat(one.itemCount()).isEqualTo(1);

        place(second, cluster);
        place(third, cluster);
        ClusterSummary three = clusters.find(cluster).orElseThrow();
        assertThat(three.itemCount()).isEqualTo(3);
        assertThat(three.sourceCount()).isEqualTo(2);
        assertThat(three.languageCount()).as("en, ar, and the third's declared en").isEqualTo(2);
        assertThat(three.label()).isEqualTo("The ministry said 4,000 jobs were cut.");
        assertThat(three.representativeItemId()).isEqualTo(second);
        assertThat(three.bestClaimScore()).isEqualTo(0.92);
        assertThat(three.state()).isEqualTo(ClusterState.NEW);
        assertThat(clusters.itemsOf(cluster)).containsExactlyInAnyOrder(first, second, third);
        assertThat(clusters.clusterOfItem(third)).contains(cluster);
    }

    @Test
    void aMergedClusterKeepsItsIdWhichLeadsToTheOneThatCarriesOnWithItsItemsTagsNotesAndState() {
        long a1 = store("a", 1);
        long b1 = store("b", 1);
        long bridge = store("c", 1);
        long older = clusters.newCluster(T0);
        long younger = clusters.newCluster(T0);
        place(a1, older);
        place(b1, younger);
        clusters.tag(younger, "health");
        clusters.addNote(null, younger, "Seen on three channels", "amal", T0);
        clusters.setState(younger, ClusterState.NEEDS_REBUTTAL, null, "amal", T0.plusSeconds(5));

        place(bridge, older, younger);

        assertThat(clusters.survivor(younger)).isEqualTo(older);
        ClusterSummary merged = clusters.find(younger).orElseThrow();
        assertThat(merged.id()).isEqualTo(older);
        assertThat(merged.itemCount()).isEqualTo(3);
        assertThat(merged.tags()).containsExactly("health");
        assertThat(merged.state()).as("the analysts' triage is not lost").isEqualTo(ClusterState.NEEDS_REBUTTAL);
        assertThat(clusters.notesOfCluster(older)).extracting(ClusterStore.Note::text).containsExactly("Seen on three channels");
        assertThat(clusters.ranked(null, null, null, 1, 10)).extracting(ClusterSummary::id).containsExactly(older);
        // the board finds it by the words of the note written on the cluster merged into it, or a tag
        assertThat(clusters.ranked(null, null, null, 1, "three CHANNELS", 10)).extracting(ClusterSummary::id).containsExactly(older);
        assertThat(clusters.ranked(null, null, null, 1, "heal", 10)).extracting(ClusterSummary::id).containsExactly(older);
        assertThat(clusters.ranked(null, null, null, 1, "three radios", 10)).isEmpty();
        assertThat(clusters.ranked(null, null, null, 1, "100%", 10)).as("% is a character, not a wildcard").isEmpty();
    }

    @Test
    void aSplitMovesTheItemsTheClustererSentAwaySaysSoInBothHistoriesAndLeavesPinnedOnesAlone() {
        long a1 = store("a", 1);
        long a2 = store("b", 2);
        long b1 = store("a", 3);
        long b2 = store("b", 4);
        long pinned = store("c", 5);
        long cluster = clusters.newCluster(T0);
        for (long item : List.of(a1, a2, b1, b2, pinned)) {
            place(item, cluster);
        }
        clusters.pin(pinned, cluster, "amal", T0);
        long apart = clusters.newCluster(T0);
        long arriving = store("c", 6);
        java.time.Instant triaged = clusters.find(cluster).orElseThrow().stateChangedAt();

        write(clusters.placed(new ClusterPlacement(arriving, apart, 0.5, List.of(),
                Map.of(b1, apart, b2, apart, pinned, apart), T0.plusSeconds(60))));

        assertThat(clusters.itemsOf(cluster)).containsExactlyInAnyOrder(a1, a2, pinned);
        assertThat(clusters.itemsOf(apart)).containsExactlyInAnyOrder(b1, b2, arriving);
        assertThat(clusters.find(cluster).orElseThrow().itemCount()).isEqualTo(3);
        assertThat(clusters.find(apart).orElseThrow().itemCount()).isEqualTo(3);
        assertThat(clusters.stateHistory(cluster)).extracting(ClusterStore.StateChange::reason)
                .contains("2 items split off into cluster " + apart);
        assertThat(clusters.stateHistory(apart)).extracting(ClusterStore.StateChange::reason)
                .contains("split off from cluster " + cluster + " (2 items)");
        assertThat(clusters.find(cluster).orElseThrow().stateChangedAt()).as("a split is no triage").isEqualTo(triaged);
    }

    @Test
    void aCheckWorthyClusterThatWentQuietLeavesTheFlagRounds() {
        long item = store("a", 1); // published at T0
        write(claims.scored(item, List.of(new ClaimSentence(item, 0, 0, 30,
                "The ministry said 4,000 jobs were cut.", 0.92, List.of()))));
        long cluster = clusters.newCluster(T0);
        place(item, cluster);
        WatchlistStore watchlist = new WatchlistStore(database);

        ClusterFlagger.Round sameDay = new ClusterFlagger(clusters, watchlist, FlagPolicy.DEFAULT,
                Clock.fixed(T0.plus(Duration.ofHours(3)), ZoneOffset.UTC)).rescore();
        assertThat(sameDay.scored()).isEqualTo(1);
        assertThat(clusters.find(cluster).orElseThrow().flagScore()).as("its claim counts while it moves").isPositive();

        ClusterFlagger twoDaysOn = new ClusterFlagger(clusters, watchlist, FlagPolicy.DEFAULT,
                Clock.fixed(T0.plus(Duration.ofDays(2)), ZoneOffset.UTC));
        assertThat(twoDaysOn.rescore().scored()).as("scored once more, to 0").isEqualTo(1);
        assertThat(clusters.find(cluster).orElseThrow().flagScore()).isZero();
        assertThat(twoDaysOn.rescore().scored()).as("and then left alone").isZero();
    }

    @Test
    void analystsMergeMoveOutAndPinAndEachDecisionIsKeptForTheClusterer() {
        long a1 = store("a", 1);
        long a2 = store("a", 2);
        long b1 = store("b", 1);
        long first = clusters.newCluster(T0);
        long second = clusters.newCluster(T0);
        place(a1, first);
        place(a2, first);
        place(b1, second);

        long alone = clusters.moveOut(a2, "amal", T0);
        assertThat(clusters.itemsOf(first)).containsExactly(a1);
        assertThat(clusters.itemsOf(alone)).containsExactly(a2);

        clusters.pin(a2, second, "amal", T0);
        assertThat(clusters.itemsOf(second)).containsExactlyInAnyOrder(b1, a2);
        assertThat(clusters.pinnedItems(second)).containsExactly(a2);
        place(a2, first); // the clusterer, unaware of the pin, tries to move it back
        assertThat(clusters.clusterOfItem(a2)).as("a pinned item stays").contains(second);

        clusters.merge(first, second, "noor", T0);
        assertThat(clusters.itemsOf(second)).containsExactlyInAnyOrder(a1, b1, a2);
        assertThat(clusters.decisions()).extracting(ClusterStore.Decision::kind).containsExactly(
                ClusterStore.DecisionKind.MOVE_OUT, ClusterStore.DecisionKind.PIN, ClusterStore.DecisionKind.MERGE);
        assertThat(clusters.decisions().getFirst().itemId()).isEqualTo(a2);
        assertThat(clusters.decisions().getFirst().clusterId()).isEqualTo(first);
        assertThat(clusters.decisions().getLast().decidedBy()).isEqualTo("noor");
    }

    @Test
    void triageStatesKeepTheirHistoryAndADismissalNeedsAReason() {
        long cluster = clusters.newCluster(T0);
        place(store("a", 1), cluster);
        assertThatThrownBy(() -> clusters.setState(cluster, ClusterState.DISMISSED, " ", "amal", T0))
                .hasMessageContaining("reason");
        clusters.setState(cluster, ClusterState.WATCHING, null, "amal", T0.plusSeconds(1));
        clusters.setState(cluster, ClusterState.DISMISSED, "satire site", "noor", T0.plusSeconds(2));

        assertThat(clusters.stateHistory(cluster)).extracting(ClusterStore.StateChange::state)
                .containsExactly(ClusterState.WATCHING, ClusterState.DISMISSED);
        assertThat(clusters.stateHistory(cluster).getLast().reason()).isEqualTo("satire site");
        assertThat(clusters.ranked(ClusterState.DISMISSED, null, null, 1, 10)).hasSize(1);
        assertThat(clusters.ranked(ClusterState.NEW, null, null, 1, 10)).isEmpty();
    }

    @Test
    void aFlagIsFirstRaisedOnceAndADismissedClusterThatGrowsAgainComesBackAsNew() {
        long cluster = clusters.newCluster(T0);
        place(store("a", 1), cluster);
        Instant later = T0.plusSeconds(3600);

        assertThat(clusters.saveFlag(cluster, 8.5, true, List.of("5 items from 3 sources in the last 2 h"), later))
                .isEqualTo(ClusterStore.FlagOutcome.NEWLY_FLAGGED);
        assertThat(clusters.saveFlag(cluster, 9, true, List.of("again"), later.plusSeconds(60)))
                .isEqualTo(ClusterStore.FlagOutcome.UNCHANGED);
        ClusterSummary flagged = clusters.find(cluster).orElseThrow();
        assertThat(flagged.flaggedAt()).isEqualTo(later);
        assertThat(flagged.flagReasons()).containsExactly("again");
        assertThat(clusters.scoredClusters()).containsExactly(cluster);

        clusters.setState(cluster, ClusterState.DISMISSED, "old rumour", "amal", T0.plusSeconds(120));
        assertThat(clusters.saveFlag(cluster, 9, true, List.of("no new items"), later.plusSeconds(120)))
                .as("nothing arrived since the dismissal").isEqualTo(ClusterStore.FlagOutcome.UNCHANGED);
        items.save(new NewItem("b", null, null, "guid:new", "New wave", null, longText("new wave"), "en",
                T0.plusSeconds(7200), T0.plusSeconds(7200), Samples.hash(longText("new wave"))));
        place(items.lastId(), cluster);
        assertThat(clusters.saveFlag(cluster, 12, true, List.of("9 items from 6 sources in the last 2 h"),
                T0.plusSeconds(7300))).isEqualTo(ClusterStore.FlagOutcome.CAME_BACK);
        assertThat(clusters.find(cluster).orElseThrow().state()).isEqualTo(ClusterState.NEW);
        assertThat(clusters.stateHistory(cluster).getLast().reason())
                .isEqualTo("flared up again: 9 items from 6 sources in the last 2 h");
        assertThat(clusters.stateHistory(cluster).getLast().changedBy()).isNull();
    }

    @Test
    void aRoundOfFlagsIsSavedTogetherAndSaysPerClusterWhatChanged() {
        long quiet = clusters.newCluster(T0);
        place(store("a", 1), quiet);
        long rising = clusters.newCluster(T0);
        place(store("b", 2), rising);
        long dismissed = clusters.newCluster(T0);
        place(store("c", 3), dismissed);
        clusters.setState(dismissed, ClusterState.DISMISSED, "satire", "amal", T0.minusSeconds(60));
        long merged = clusters.newCluster(T0);
        place(store("a", 4), merged);
        clusters.merge(merged, quiet, "noor", T0);
        Instant at = T0.plusSeconds(3600);

        var outcomes = clusters.saveFlags(List.of(
                new ClusterStore.FlagScore(quiet, 1.5, false, List.of("1 item from 1 source in the last 2 h")),
                new ClusterStore.FlagScore(rising, 8, true, List.of("5 items from 3 sources in the last 2 h", "3.0× its own pace")),
                new ClusterStore.FlagScore(dismissed, 7, true, List.of("4 items from 2 sources in the last 2 h")),
                new ClusterStore.FlagScore(merged, 9, true, List.of("merged since it was scored")),
                new ClusterStore.FlagScore(9_999, 9, true, List.of("no such cluster"))), at);

        assertThat(outcomes).containsExactly(
                java.util.Map.entry(quiet, ClusterStore.FlagOutcome.UNCHANGED),
                java.util.Map.entry(rising, ClusterStore.FlagOutcome.NEWLY_FLAGGED),
                java.util.Map.entry(dismissed, ClusterStore.FlagOutcome.CAME_BACK),
                java.util.Map.entry(merged, ClusterStore.FlagOutcome.UNCHANGED),
                java.util.Map.entry(9_999L, ClusterStore.FlagOutcome.UNCHANGED));
        ClusterSummary risen = clusters.find(rising).orElseThrow();
        assertThat(risen.flagScore()).isEqualTo(8);
        assertThat(risen.flagReasons()).containsExactly("5 items from 3 sources in the last 2 h", "3.0× its own pace");
        assertThat(risen.flaggedAt()).isEqualTo(at);
        assertThat(clusters.find(quiet).orElseThrow().flaggedAt()).isNull();
        assertThat(clusters.find(dismissed).orElseThrow().state()).isEqualTo(ClusterState.NEW);
        assertThat(clusters.stateHistory(dismissed).getLast().reason())
                .isEqualTo("flared up again: 4 items from 2 sources in the last 2 h");
        assertThat(clusters.scoredClusters()).as("a merged cluster keeps the 0 its merge gave it")
                .containsExactlyInAnyOrder(quiet, rising, dismissed);

        assertThat(clusters.saveFlags(List.of(new ClusterStore.FlagScore(rising, 6, true, List.of("again"))),
                at.plusSeconds(60))).as("told once").containsEntry(rising, ClusterStore.FlagOutcome.UNCHANGED);
        assertThat(clusters.find(rising).orElseThrow().flaggedAt()).as("the first flag time is kept").isEqualTo(at);
        assertThat(clusters.saveFlags(List.of(), at)).isEmpty();
    }

    @Test
    void watchlistHitsAndRecentArrivalsAreReadForFlagging() {
        long a1 = store("a", 1);
        long b1 = store("b", 1);
        language(b1, "ar");
        long cluster = clusters.newCluster(T0);
        place(a1, cluster);
        place(b1, cluster);

        assertThat(clusters.watchHits(WatchEntry.Kind.ENTITY, "minister example", T0.minusSeconds(60))).containsExactly(b1);
        assertThat(clusters.watchHits(WatchEntry.Kind.SOURCE, "a", T0.minusSeconds(60))).containsExactly(a1);
        assertThat(clusters.watchHits(WatchEntry.Kind.TERM, "STORY A1", T0.minusSeconds(60))).containsExactly(a1);
        assertThat(clusters.watchHits(WatchEntry.Kind.TERM, "100%", T0.minusSeconds(60))).isEmpty();
        assertThat(clusters.arrivalsSince(T0.minusSeconds(60))).extracting(ClusterStore.Arrival::language)
                .containsExactlyInAnyOrder("en", "ar");
        assertThat(clusters.arrivalsSince(T0.plusSeconds(3600))).isEmpty();
    }

    @Test
    void notesAreOnAnItemOrOnAClusterNeverBothOrNeither() {
        long item = store("a", 1);
        long cluster = clusters.newCluster(T0);
        place(item, cluster);
        clusters.addNote(item, null, "Photo is from 2019", "amal", T0);
        assertThat(clusters.notesOfItem(item)).extracting(ClusterStore.Note::text).containsExactly("Photo is from 2019");
        assertThatThrownBy(() -> clusters.addNote(item, cluster, "both", "amal", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clusters.addNote(null, null, "neither", "amal", T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
