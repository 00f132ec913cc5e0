package org.claimdesk.ui.rebuttals;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.claimdesk.store.AnalystIdentity;
import org.claimdesk.store.ClusterState;
import org.claimdesk.store.ClusterSummary;
import org.claimdesk.store.RebuttalStatus;
import org.claimdesk.store.StoredRebuttal;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.Reload;
import org.claimdesk.ui.task.Scheduler;
import org.claimdesk.workspace.ClaimClusters;
import org.claimdesk.workspace.KnownAnswer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * The rebuttal queue and who is working: claims marked "needs rebuttal" that nobody has started,
 * with the time since they were flagged, and the rebuttals under way, each with its deadline and
 * whom it waits on, overdue ones first; and the rebuttal open in the editor. FX thread, except
 * where said.
 */
public final class RebuttalsViewModel {
    /** How many rows the queue holds. */
    public static final int LIMIT = 300;
    private static final Duration RELOAD_PERIOD = Duration.ofMillis(400);

    /** Which rebuttals the queue lists. */
    public enum Show {
        /** Not out yet: drafts, in review, approved; and claims waiting for a first answer. */
        OPEN_WORK(EnumSet.of(RebuttalStatus.DRAFT, RebuttalStatus.IN_REVIEW, RebuttalStatus.APPROVED)),
        /** Out, and still watched. */
        PUBLISHED(EnumSet.of(RebuttalStatus.PUBLISHED, RebuttalStatus.UPDATED)),
        WITHDRAWN(EnumSet.of(RebuttalStatus.WITHDRAWN)),
        ALL(EnumSet.allOf(RebuttalStatus.class));

        final Set<RebuttalStatus> statuses;

        Show(Set<RebuttalStatus> statuses) {
            this.statuses = statuses;
        }
    }

    /**
     * A row of the queue: a rebuttal, or a claim that needs one and has none yet.
     *
     * @param cluster   the claim's cluster, as the board shows it (null if it was lost)
     * @param rebuttal  the rebuttal, or null for a claim waiting for a first answer
     * @param clusterId the cluster answered
     * @param earlier   for a claim nobody has started: the best earlier answer that fits it (the
     *                  team's or an imported fact-check), or null
     */
    public record Row(long clusterId, ClusterSummary cluster, StoredRebuttal rebuttal, KnownAnswer earlier) {
    }

    private final Messages messages;
    private final Clock clock;
    private final Reload<List<Row>> reload;
    private final RebuttalEditorViewModel editor;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<AnalystIdentity> identities = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AnalystIdentity> who = new ReadOnlyObjectWrapper<>(this, "who");
    private final ObjectProperty<Show> show = new SimpleObjectProperty<>(this, "show", Show.OPEN_WORK);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final Scheduler reads;
    private final Executor fx;
    private final Consumer<RuntimeException> failed;
    private volatile RebuttalDesk desk;

    public RebuttalsViewModel(Scheduler reads, Executor fx, ExecutorService pages, Messages messages, Clock clock,
                              Consumer<RuntimeException> readFailed) {
        this.reads = reads;
        this.fx = fx;
        this.messages = messages;
        this.clock = clock;
        this.failed = readFailed;
        this.reload = new Reload<>("rebuttal queue", reads, RELOAD_PERIOD, fx, rows::setAll, readFailed);
        this.editor = new RebuttalEditorViewModel(reads, fx, pages, messages, readFailed, this::reload);
        show.addListener((obs, before, now) -> reload.requestNow());
    }

    /** Lists this workspace's rebuttals from now on (null: none open). */
    public void attach(RebuttalDesk workspaceDesk) {
        desk = workspaceDesk;
        rows.clear();
        identities.clear();
        editor.attach(workspaceDesk);
        AnalystIdentity chosen = workspaceDesk == null ? null : workspaceDesk.workingAs().get().orElse(null);
        who.set(chosen);
        editor.workAs(chosen);
        reload.from(workspaceDesk == null ? null : this::read);
        reload.requestNow();
        readIdentities(null);
    }

    public RebuttalEditorViewModel editor() {
        return editor;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The team's identities, by name. */
    public ObservableList<AnalystIdentity> identities() {
        return identities;
    }

    /** Who is working; null until chosen, and nothing can be written before. */
    public ReadOnlyObjectProperty<AnalystIdentity> whoProperty() {
        return who.getReadOnlyProperty();
    }

    public ObjectProperty<Show> showProperty() {
        return show;
    }

    /** Why the last identity or start was refused; empty when it was not. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Reads the queue again soon (a rebuttal or a claim's triage changed); any thread. */
    public void reload() {
        reload.request();
    }

    /**
     * Works as this identity from now on (added to the team's list, or its role changed): every
     * change in this window is recorded under it.
     */
    public void workAs(String name, AnalystIdentity.Role role) {
        RebuttalDesk open = desk;
        if (open == null) {
            return;
        }
        AnalystIdentity identity;
        try {
            identity = new AnalystIdentity(name, role);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        problem.set("");
        reads.execute(() -> {
            try {
                open.workAs().accept(identity);
            } catch (IllegalArgumentException e) {
                fx.execute(() -> problem.set(e.getMessage()));
                return;
            } catch (RuntimeException e) {
                fx.execute(() -> failed.accept(e));
                return;
            }
            fx.execute(() -> {
                if (desk == open) {
                    who.set(identity);
                    editor.workAs(identity);
                }
            });
            readIdentities(open);
        });
    }

    /** Starts a rebuttal of a cluster in a language, due by {@code deadline} (or none), and opens it. */
    public void start(long clusterId, String language, Instant deadline) {
        RebuttalDesk open = desk;
        AnalystIdentity identity = who.get();
        if (open == null) {
            return;
        }
        if (identity == null) {
            problem.set(messages.get("rebuttals.chooseFirst"));
            return;
        }
        String tag = language == null || language.isBlank() ? "en" : language.strip().toLowerCase(Locale.ROOT);
        problem.set("");
        reads.execute(() -> {
            try {
                StoredRebuttal started = open.rebuttals().workflow().start(clusterId, tag, deadline, identity);
                fx.execute(() -> editor.open(started.id()));
            } catch (IllegalArgumentException e) {
                fx.execute(() -> problem.set(e.getMessage()));
                return;
            } catch (RuntimeException e) {
                fx.execute(() -> failed.accept(e));
                return;
            }
            reload.request();
        });
    }

    /** Opens a row: its rebuttal in the editor; for a claim without one, nothing (start one). */
    public void open(Row row) {
        if (row != null && row.rebuttal() != null) {
            editor.open(row.rebuttal().id());
        }
    }

    // ---- what a row says ---------------------------------------------------------------------------

    public String claimOf(Row row) {
        if (row.rebuttal() != null && !row.rebuttal().text().claim().isBlank()) {
            return row.rebuttal().text().claim();
        }
        return row.cluster() == null || row.cluster().label() == null ? messages.get("items.untitled") : row.cluster().label();
    }

    /** "Draft · ar", "Needs rebuttal". */
    public String statusOf(Row row) {
        if (row.rebuttal() == null) {
            return messages.get("rebuttals.status.none");
        }
        return statusName(row.rebuttal().status()) + " · " + row.rebuttal().language();
    }

    public String statusName(RebuttalStatus status) {
        return messages.get("rebuttal.status." + status.name());
    }

    /** Whom it waits on: the author for a draft, a reviewer, an editor; nobody once it is out. */
    public String waitingOn(Row row) {
        StoredRebuttal rebuttal = row.rebuttal();
        if (rebuttal == null) {
            return messages.get("rebuttals.waiting.anyone");
        }
        return switch (rebuttal.status()) {
            case DRAFT -> messages.format("rebuttals.waiting.author", rebuttal.author() == null ? "?" : rebuttal.author());
            case IN_REVIEW -> messages.get("rebuttals.waiting.reviewer");
            case APPROVED -> messages.get("rebuttals.waiting.editor");
            case PUBLISHED, UPDATED, WITHDRAWN -> "";
        };
    }

    /** "Due in 3 h", "Overdue by 20 min", "Flagged 5 h ago"; empty when there is nothing to say. */
    public String timingOf(Row row) {
        Instant now = clock.instant();
        StoredRebuttal rebuttal = row.rebuttal();
        if (rebuttal != null && rebuttal.deadline() != null && !rebuttal.status().isOut()
                && rebuttal.status() != RebuttalStatus.WITHDRAWN) {
            return rebuttal.overdue(now)
                    ? messages.format("rebuttals.overdue", span(Duration.between(rebuttal.deadline(), now)))
                    : messages.format("rebuttals.due", span(Duration.between(now, rebuttal.deadline())));
        }
        Instant flagged = flaggedAt(row.cluster());
        if (rebuttal == null && flagged != null) {
            return messages.format("rebuttals.flaggedAgo", span(Duration.between(flagged, now)));
        }
        if (rebuttal != null && rebuttal.publishedAt() != null) {
            return messages.format("rebuttals.publishedAgo", span(Duration.between(rebuttal.publishedAt(), now)));
        }
        return "";
    }

    /** "Already answered by Full Fact on 2026-11-30: False"; empty when no earlier answer fits. */
    public String earlierOf(Row row) {
        KnownAnswer answer = row.earlier();
        if (answer == null) {
            return "";
        }
        String on = answer.answeredOn() == null ? messages.get("rebuttal.known.unknownDate")
                : LocalDate.ofInstant(answer.answeredOn(), ZoneOffset.UTC).toString();
        return messages.format("rebuttals.earlier", answer.answeredBy() == null ? messages.get("rebuttal.known.someone")
                : answer.answeredBy(), on, answer.verdict() == null ? "" : answer.verdict());
    }

    public boolean overdue(Row row) {
        return row.rebuttal() != null && row.rebuttal().overdue(clock.instant());
    }

    /** "3 d 4 h", "5 h 20 min", "12 min". */
    String span(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes >= 48 * 60) {
            return messages.format("span.daysHours", minutes / (24 * 60), minutes % (24 * 60) / 60);
        }
        if (minutes >= 60) {
            return messages.format("span.hoursMinutes", minutes / 60, minutes % 60);
        }
        return messages.format("span.minutes", minutes);
    }

    private static Instant flaggedAt(ClusterSummary cluster) {
        if (cluster == null) {
            return null;
        }
        return cluster.flaggedAt() != null ? cluster.flaggedAt() : cluster.stateChangedAt();
    }

    // ---- on the reads thread -----------------------------------------------------------------------

    private List<Row> read() {
        RebuttalDesk open = desk;
        if (open == null) {
            return List.of();
        }
        Show listed = show.get();
        ClaimClusters claims = open.claims();
        Instant now = clock.instant();
        Map<Long, ClusterSummary> clusters = new HashMap<>();
        List<Row> overdue = new ArrayList<>();
        List<Row> rest = new ArrayList<>();
        for (StoredRebuttal rebuttal : open.rebuttals().list(listed.statuses, LIMIT)) { // nearest deadline first
            ClusterSummary cluster = clusters.computeIfAbsent(rebuttal.clusterId(), id -> claims.summary(id).orElse(null));
            (rebuttal.overdue(now) ? overdue : rest).add(new Row(rebuttal.clusterId(), cluster, rebuttal, null));
        }
        List<Row> waiting = new ArrayList<>();
        if (listed == Show.OPEN_WORK || listed == Show.ALL) {
            // claims the team marked as needing an answer that nobody has started: longest waiting first
            List<ClusterSummary> marked = new ArrayList<>(claims.ranked(
                    new ClaimClusters.Filter(ClusterState.NEEDS_REBUTTAL, null, null, 1), LIMIT));
            marked.removeIf(cluster -> !open.rebuttals().ofCluster(cluster.id()).isEmpty());
            marked.sort(Comparator.comparing(RebuttalsViewModel::flaggedAt, Comparator.nullsLast(Comparator.naturalOrder())));
            // "already answered by X on DATE" at once: maybe nothing needs writing
            marked.forEach(cluster -> waiting.add(new Row(cluster.id(), cluster, null,
                    open.knownAnswers().forCluster(cluster.id(), 1).stream().findFirst().orElse(null))));
        }
        // what is late stands out on top, then what nobody has started, then the rest by deadline
        List<Row> queue = new ArrayList<>(overdue);
        queue.addAll(waiting);
        queue.addAll(rest);
        return queue.size() > LIMIT ? List.copyOf(queue.subList(0, LIMIT)) : List.copyOf(queue);
    }

    private void readIdentities(RebuttalDesk expected) {
        RebuttalDesk open = expected == null ? desk : expected;
        if (open == null) {
            return;
        }
        reads.execute(() -> {
            try {
                List<AnalystIdentity> team = open.rebuttals().identities();
                fx.execute(() -> {
                    if (desk == open) {
                        identities.setAll(team);
                    }
                });
            } catch (RuntimeException e) {
                fx.execute(() -> failed.accept(e));
            }
        });
    }
}
