package org.claimdesk.ui.claims;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.claimdesk.flag.ClusterTimeline;
import org.claimdesk.rebuttals.PublicationSpread;
import org.claimdesk.store.ClaimSentence;
import org.claimdesk.store.ClusterState;
import org.claimdesk.ui.shared.Messages;
import org.claimdesk.ui.task.Scheduler;
import org.claimdesk.workspace.ClaimClusters;
import org.claimdesk.workspace.ClusterDetail;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One claim cluster in full, and what the analyst does with it: triage, notes, tags, taking an
 * item out. Every read and change runs on the reads thread; the view sees the result. FX thread,
 * except where said.
 */
public final class ClusterViewModel {
    /** Sources named in the line under the timeline; the rest are counted. */
    private static final int SOURCES_NAMED = 3;
    private final Scheduler reads;
    private final Executor fx;
    private final Messages messages;
    private final Consumer<RuntimeException> failed;
    private final Runnable boardChanged;
    private final ReadOnlyObjectWrapper<ClusterDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private volatile ClaimClusters claims;
    /** The cluster shown, or -1; results for another one are dropped. */
    private volatile long shown = -1;

    ClusterViewModel(Scheduler reads, Executor fx, Messages messages, Consumer<RuntimeException> failed,
                     Runnable boardChanged) {
        this.reads = reads;
        this.fx = fx;
        this.messages = messages;
        this.failed = failed;
        this.boardChanged = boardChanged;
    }

    void attach(ClaimClusters workspaceClaims) {
        claims = workspaceClaims;
        shown = -1;
        detail.set(null);
    }

    /** The id of the cluster shown or being read, -1 before one is opened. */
    public long shownId() {
        return shown;
    }

    /** The cluster shown, null before one is opened. */
    public ReadOnlyObjectProperty<ClusterDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** Why the last change was refused (e.g. a dismissal without a reason); empty when it was not. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Shows a cluster; showing the one shown again (the board re-selects it as it reloads) keeps what was just said. */
    public void show(long clusterId) {
        boolean same = clusterId == shown;
        shown = clusterId;
        change(c -> null, same);
    }

    /** Reads the shown cluster again (its items or flag changed); a refusal just said stays said. */
    public void refresh() {
        if (shown >= 0) {
            change(c -> null, true);
        }
    }

    public void setState(ClusterState state, String reason) {
        change(c -> {
            claims.setState(c, state, reason);
            return null;
        });
    }

    public void addNote(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        change(c -> {
            claims.noteOnCluster(c, text);
            return null;
        });
    }

    public void addTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return;
        }
        change(c -> {
            claims.tag(c, tag);
            return null;
        });
    }

    public void removeTag(String tag) {
        change(c -> {
            claims.untag(c, tag);
            return null;
        });
    }

    /** Takes an item out of this cluster: it stands alone, and the clusterer never puts it back. */
    public void moveOut(long itemId) {
        change(c -> {
            claims.moveOut(itemId);
            return null;
        });
    }

    /** Pins an item to the shown cluster: the clusterer never moves it from there. */
    public void pin(long itemId) {
        change(c -> {
            claims.pin(itemId, c);
            return null;
        });
    }

    /** Merges the cluster with this id into the shown one. */
    public void mergeIn(long otherClusterId) {
        change(c -> {
            claims.merge(otherClusterId, c);
            return null;
        });
    }

    /** Runs a change of the shown cluster on the reads thread, then reads it again and shows it. */
    private void change(Function<Long, Void> work) {
        change(work, false);
    }

    private void change(Function<Long, Void> work, boolean keepProblem) {
        ClaimClusters source = claims;
        long clusterId = shown;
        if (source == null || clusterId < 0) {
            return;
        }
        reads.execute(() -> {
            String refused = "";
            try {
                work.apply(clusterId);
            } catch (IllegalArgumentException e) {
                refused = e.getMessage();
            } catch (RuntimeException e) {
                fx.execute(() -> failed.accept(e));
                return;
            }
            ClusterDetail read;
            try {
                read = source.detail(clusterId).orElse(null);
            } catch (RuntimeException e) {
                fx.execute(() -> failed.accept(e));
                return;
            }
            String why = refused;
            fx.execute(() -> {
                if (shown == clusterId && claims == source) {
                    detail.set(read);
                    if (!keepProblem) {
                        problem.set(why);
                    }
                    if (read != null && read.summary().id() != clusterId) {
                        shown = read.summary().id(); // merged into another: follow it
                    }
                }
            });
            boardChanged.run();
        });
    }

    // ---- what the view says ----------------------------------------------------------------------

    public String stateName(ClusterState state) {
        return ClaimBoardViewModel.stateName(messages, state);
    }

    /** "number +1.25 · reporting verb +0.50": what made a sentence's score, the largest effects first. */
    public String reasonsOf(ClaimSentence claim) {
        return reasonsText(claim);
    }

    static String reasonsText(ClaimSentence claim) {
        List<String> parts = claim.reasons().stream().limit(5)
                .map(reason -> reason.cue() + " " + String.format(Locale.ROOT, "%+.2f", reason.contribution()))
                .toList();
        return String.join(" · ", parts);
    }

    /**
     * "5 items since the answer was published (2 sources still spreading: A, B)", counted from the
     * first answer that went out; empty while none did.
     */
    public String sinceAnswer(ClusterDetail shown) {
        return sinceAnswerText(messages, shown);
    }

    static String sinceAnswerText(Messages messages, ClusterDetail shown) {
        PublicationSpread spread = shown == null ? null : shown.sinceAnswer();
        if (spread == null) {
            return "";
        }
        List<PublicationSpread.SourceCount> spreading = spread.stillSpreading();
        if (spreading.isEmpty()) {
            return messages.format("cluster.sinceAnswer.quiet", spread.itemsAfter());
        }
        String names = spreading.stream().limit(SOURCES_NAMED).map(PublicationSpread.SourceCount::name)
                .collect(Collectors.joining(", ")) + (spreading.size() > SOURCES_NAMED ? ", …" : "");
        return messages.format("cluster.sinceAnswer", spread.itemsAfter(), spreading.size(), names);
    }

    /** The hours of the cluster's timeline in which an answer was published (positions in it), to mark. */
    public static Set<Integer> answerHours(ClusterDetail shown) {
        ClusterTimeline timeline = shown.timeline();
        Set<Integer> hours = new HashSet<>();
        for (Instant published : shown.answersPublished()) {
            long hour = Duration.between(timeline.start(), published).toHours();
            if (!published.isBefore(timeline.start()) && hour < timeline.total().length) {
                hours.add((int) hour);
            }
        }
        return hours;
    }

    public String scoreOf(ClaimSentence claim) {
        return scoreText(claim);
    }

    static String scoreText(ClaimSentence claim) {
        return String.format(Locale.ROOT, "%.2f", claim.score());
    }
}
