package org.claimdesk.ui.claims;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.claimdesk.flag.ClusterTimeline;
import org.claimdesk.store.ClusterState;
import org.claimdesk.store.ClusterSummary;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.Reload;
import org.claimdesk.ui.task.Scheduler;
import org.claimdesk.workspace.ClaimClusters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The claim board: clusters ranked by how they are taking off, filtered by triage state and
 * language, each with its sparkline; and the cluster the analyst opened. FX thread, except where said.
 */
public final class ClaimBoardViewModel {
    /** How many clusters the board lists: the top of the ranking is what an analyst works through. */
    public static final int LIMIT = 200;
    private static final Duration RELOAD_PERIOD = Duration.ofMillis(400);

    /** A cluster on the board with its items per hour over the last two days. */
    public record Row(ClusterSummary cluster, ClusterTimeline sparkline) {
    }

    private final Messages messages;
    private final Reload<List<Row>> reload;
    private final ClusterViewModel cluster;
    private final WatchlistViewModel watchlist;
    private final ItemClaimsViewModel itemClaims;
    private final FlagAlertsViewModel flagAlerts;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ClusterState> stateFilter = new SimpleObjectProperty<>(this, "stateFilter");
    private final StringProperty languageFilter = new SimpleStringProperty(this, "languageFilter", "");
    private final StringProperty tagFilter = new SimpleStringProperty(this, "tagFilter", "");
    private final StringProperty wordsFilter = new SimpleStringProperty(this, "wordsFilter", "");
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private volatile ClaimClusters claims;
    private boolean replacing;

    public ClaimBoardViewModel(Scheduler reads, Executor fx, Messages messages, Consumer<RuntimeException> readFailed) {
        this.messages = messages;
        this.reload = new Reload<>("claim board", reads, RELOAD_PERIOD, fx, board -> {
            replaceRows(board);
            loaded.set(true);
        }, readFailed);
        this.cluster = new ClusterViewModel(reads, fx, messages, readFailed, this::reload);
        this.watchlist = new WatchlistViewModel(reads, fx, readFailed, this::reload);
        // a notification may start a process (notify-send): never on the FX or reads thread
        this.flagAlerts = new FlagAlertsViewModel(messages, work -> Thread.ofVirtual().name("desktop-notification").start(work));
        this.itemClaims = new ItemClaimsViewModel(reads, fx, readFailed, () -> {
            reload();
            cluster.refresh();
        });
        stateFilter.addListener((obs, before, now) -> reloadNow());
        languageFilter.addListener((obs, before, now) -> reload());
        tagFilter.addListener((obs, before, now) -> reload());
        wordsFilter.addListener((obs, before, now) -> reload());
    }

    /** Lists this workspace's clusters from now on (null: none open). */
    public void attach(ClaimClusters workspaceClaims) {
        this.claims = workspaceClaims;
        replaceRows(List.of());
        loaded.set(false);
        cluster.attach(workspaceClaims);
        watchlist.attach(workspaceClaims);
        itemClaims.attach(workspaceClaims);
        flagAlerts.clear();
        reload.from(workspaceClaims == null ? null : this::read);
        reload.requestNow();
    }

    /** Reads the board again soon (clusters changed or were flagged); any thread. */
    public void reload() {
        reload.request();
    }

    private void reloadNow() {
        reload.requestNow();
    }

    /** On the reads thread: the ranked clusters under the filters, and their sparklines. */
    private List<Row> read() {
        ClaimClusters source = claims;
        if (source == null) {
            return List.of();
        }
        String language = languageFilter.get() == null ? "" : languageFilter.get().strip().toLowerCase(Locale.ROOT);
        String tag = tagFilter.get() == null ? "" : tagFilter.get().strip();
        List<ClusterSummary> ranked = source.ranked(new ClaimClusters.Filter(stateFilter.get(), tag.isEmpty() ? null : tag,
                language.isEmpty() ? null : language, 1, wordsFilter.get()), LIMIT);
        Map<Long, ClusterTimeline> lines = source.sparklines(ranked.stream().map(ClusterSummary::id).toList());
        List<Row> board = new ArrayList<>(ranked.size());
        for (ClusterSummary summary : ranked) {
            board.add(new Row(summary, lines.get(summary.id())));
        }
        return board;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** Null: every state. */
    public ObjectProperty<ClusterState> stateFilterProperty() {
        return stateFilter;
    }

    /** A language tag such as "ar"; empty: every language. */
    public StringProperty languageFilterProperty() {
        return languageFilter;
    }

    /** Words that must all appear in a cluster's claim, a note on it or a tag; empty: any. */
    public StringProperty wordsFilterProperty() {
        return wordsFilter;
    }

    /** A cluster tag; empty: any. */
    public StringProperty tagFilterProperty() {
        return tagFilter;
    }

    public ReadOnlyObjectProperty<Row> selectedProperty() {
        return selected;
    }

    /** The analyst opened a cluster (null: none): the cluster view shows it. */
    public void select(Row row) {
        if (replacing) {
            return;
        }
        selected.set(row);
        if (row != null) {
            cluster.show(row.cluster().id());
        }
    }

    public ClusterViewModel cluster() {
        return cluster;
    }

    public WatchlistViewModel watchlist() {
        return watchlist;
    }

    /** New flags, over the window until looked at. */
    public FlagAlertsViewModel flagAlerts() {
        return flagAlerts;
    }

    /** The claims, cluster and notes of the item in the reader. */
    public ItemClaimsViewModel itemClaims() {
        return itemClaims;
    }

    /**
     * Merges the chosen clusters (the same story found apart) into the biggest of them, which keeps
     * its id; the others' items, tags and notes follow, and it opens in the cluster view.
     */
    public void mergeSelected(List<Row> chosen) {
        if (chosen.size() < 2 || claims == null) {
            return;
        }
        Row target = chosen.stream().max(java.util.Comparator.comparingInt((Row r) -> r.cluster().itemCount())
                .thenComparing(r -> -r.cluster().id())).orElseThrow();
        selected.set(target);
        cluster.show(target.cluster().id());
        for (Row row : chosen) {
            if (row != target) {
                cluster.mergeIn(row.cluster().id());
            }
        }
    }

    /** Shows a fresh board; the selection stays on the same cluster when it is still listed. */
    public void replaceRows(List<Row> board) {
        Row before = selected.get();
        replacing = true;
        try {
            rows.setAll(board);
        } finally {
            replacing = false;
        }
        Row again = null;
        if (before != null) {
            for (Row row : rows) {
                if (row.cluster().id() == before.cluster().id()) {
                    again = row;
                    break;
                }
            }
        }
        selected.set(again);
    }

    // ---- what a row says -----------------------------------------------------------------------

    public String labelOf(Row row) {
        String label = row.cluster().label();
        return label == null || label.isBlank() ? messages.get("items.untitled") : label;
    }

    /** "12 items · 7 sources · 3 languages". */
    public String countsOf(Row row) {
        ClusterSummary c = row.cluster();
        return messages.format("claims.counts", c.itemCount(), c.sourceCount(), c.languageCount());
    }

    /** Its triage state; a claim waiting for an answer also says since when it was flagged (or marked). */
    public String stateOf(Row row) {
        ClusterSummary c = row.cluster();
        String state = stateName(messages, c.state());
        if (c.state() == ClusterState.NEEDS_REBUTTAL) {
            java.time.Instant since = c.flaggedAt() != null ? c.flaggedAt() : c.stateChangedAt();
            return since == null ? state : messages.format("claims.waitingSince", state, messages.time(since));
        }
        return state;
    }

    /** The most telling reason of its flag, or how long ago it was last seen. */
    public String reasonOf(Row row) {
        List<String> reasons = row.cluster().flagReasons();
        if (!reasons.isEmpty()) {
            return reasons.getFirst();
        }
        return row.cluster().lastItemAt() == null ? "" : messages.format("claims.lastSeen",
                messages.time(row.cluster().lastItemAt()));
    }

    public boolean isFlagged(Row row) {
        return row.cluster().flaggedAt() != null;
    }

    static String stateName(Messages messages, ClusterState state) {
        return messages.get("claims.state." + state.name().toLowerCase(Locale.ROOT));
    }
}
