package org.claimdesk.ui.claims;

import org.claimdesk.flag.ClusterTimeline;
import org.claimdesk.rebuttals.PublicationSpread;
import org.claimdesk.store.ClusterState;
import org.claimdesk.store.ClusterSummary;
import org.claimdesk.store.ItemSummary;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.workspace.ClusterDetail;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the cluster view says and marks once the answer is out, without a screen. */
class ClusterAfterAnswerTest {
    static final Instant T0 = Instant.parse("2026-12-05T00:00:00Z");
    static final Instant PUBLISHED = Instant.parse("2026-12-05T03:20:00Z");
    private final Messages messages = new Messages(ResourceBundle.getBundle(Messages.BUNDLE, Locale.ENGLISH), ZoneOffset.UTC);

    @Test
    void theLineUnderTheTimelineCountsItemsSinceTheAnswerAndNamesTheSourcesStillSpreadingIt() {
        List<ItemSummary> items = List.of(item(1, "Daily Rumour", "2026-12-05T01:00:00Z"), item(2, "Wire", "2026-12-05T02:00:00Z"),
                item(3, "Daily Rumour", "2026-12-05T04:00:00Z"), item(4, "Chain Blog", "2026-12-05T05:00:00Z"),
                item(5, "Daily Rumour", "2026-12-05T05:30:00Z"));
        ClusterDetail detail = detail(items, List.of(PUBLISHED), PublicationSpread.of(PUBLISHED, items));

        assertThat(ClusterViewModel.sinceAnswerText(messages, detail))
                .isEqualTo("3 items since the answer was published (2 sources still spreading: Daily Rumour, Chain Blog)");
        assertThat(ClusterViewModel.answerHours(detail)).containsExactly(3);

        List<ItemSummary> quiet = items.subList(0, 2);
        assertThat(ClusterViewModel.sinceAnswerText(messages, detail(quiet, List.of(PUBLISHED), PublicationSpread.of(PUBLISHED, quiet))))
                .isEqualTo("0 items since the answer was published (no source still spreading it)");
        assertThat(ClusterViewModel.sinceAnswerText(messages, detail(items, List.of(), null))).isEmpty();
    }

    @Test
    void theTimelineHasALineInFrontOfTheHourTheAnswerWentOut() {
        ClusterTimeline timeline = new ClusterTimeline(T0, new int[]{1, 1, 0, 2, 1});
        javafx.scene.layout.HBox bars = Sparkline.of(timeline, 60, 4, timeline.peak(), Set.of(3));
        assertThat(bars.getChildren()).hasSize(6);
        assertThat(bars.getChildren().get(3).getStyleClass()).containsExactly("sparkline-answer");
        assertThat(bars.getChildren().get(4).getStyleClass()).containsExactly("sparkline-bar");
        assertThat(Sparkline.of(timeline, 60, 4).getChildren()).hasSize(5);
    }

    private static ClusterDetail detail(List<ItemSummary> items, List<Instant> published, PublicationSpread spread) {
        ClusterSummary summary = new ClusterSummary(7, "The dam burst", null, items.size(), 3, 1, T0, T0, 0.5,
                ClusterState.NEEDS_REBUTTAL, T0, 0, List.of(), null, List.of());
        ClusterTimeline timeline = ClusterTimeline.hourly(items.stream().map(ItemSummary::time).toList(), T0,
                Instant.parse("2026-12-05T06:00:00Z"));
        return new ClusterDetail(summary, Map.of(), timeline, Map.of(), Set.of(), List.of(), List.of(), List.of(), List.of(),
                published, spread);
    }

    private static ItemSummary item(long id, String source, String time) {
        return new ItemSummary(id, "item " + id, "en", Instant.parse(time), Instant.parse(time), source.toLowerCase(Locale.ROOT), source);
    }
}
