package org.claimdesk.ui.claims;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.claimdesk.store.ClusterSummary;
import org.claimdesk.ui.shared.DesktopNotifications;
import org.claimdesk.ui.shared.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The flags the analyst has not looked at yet: shown over the window until opened or put away,
 * newest first, and said once on the desktop (how many, never which: see
 * {@link DesktopNotifications}). FX thread.
 */
public final class FlagAlertsViewModel {
    /** Alerts kept at once: more would push the window's content down; the board holds them all. */
    static final int MOST_SHOWN = 3;

    /** One flag to tell: the cluster, its claim, its first reason, and whether it came back after a dismissal. */
    public record Alert(long clusterId, String label, String reason, boolean cameBack) {
    }

    private final Messages messages;
    private final Executor notifications;
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    /** One wrapper for good: it listens to the list weakly, and a dropped one would stop telling the view. */
    private final ObservableList<Alert> shown = FXCollections.unmodifiableObservableList(alerts);
    private final java.util.concurrent.atomic.AtomicReference<DesktopNotifications.Notifier> desktop =
            new java.util.concurrent.atomic.AtomicReference<>(DesktopNotifications.Notifier.NONE);

    /** @param notifications where the desktop is told (it may start a process): not the FX thread */
    FlagAlertsViewModel(Messages messages, Executor notifications) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
    }

    /** How the desktop is told from now on ({@link DesktopNotifications.Notifier#NONE}: not at all). Any thread. */
    public void notifyDesktopWith(DesktopNotifications.Notifier notifier) {
        desktop.set(Objects.requireNonNull(notifier, "notifier"));
    }

    /** The platform's notifier, found at start, unless one was chosen meanwhile (a test's). Any thread. */
    public void notifyDesktopWithIfUnset(DesktopNotifications.Notifier notifier) {
        desktop.compareAndSet(DesktopNotifications.Notifier.NONE, Objects.requireNonNull(notifier, "notifier"));
    }

    /** Newest first. */
    public ObservableList<Alert> alerts() {
        return shown;
    }

    /** Clusters were flagged for the first time, or came back after a dismissal. */
    public void flagged(List<ClusterSummary> newlyFlagged, List<ClusterSummary> cameBack) {
        List<Alert> fresh = new ArrayList<>();
        newlyFlagged.forEach(cluster -> fresh.add(alertOf(cluster, false)));
        cameBack.forEach(cluster -> fresh.add(alertOf(cluster, true)));
        if (fresh.isEmpty()) {
            return;
        }
        List<Alert> kept = new ArrayList<>(fresh);
        for (Alert older : alerts) {
            if (kept.stream().noneMatch(alert -> alert.clusterId() == older.clusterId())) {
                kept.add(older);
            }
        }
        alerts.setAll(kept.subList(0, Math.min(MOST_SHOWN, kept.size())));
        String title = messages.get("alerts.desktop.title");
        String body = messages.format("alerts.desktop.body", fresh.size());
        DesktopNotifications.Notifier notifier = desktop.get();
        notifications.execute(() -> notifier.notify(title, body));
    }

    /** The analyst looked at it (opened the cluster) or put it away. */
    public void dismiss(Alert alert) {
        alerts.remove(alert);
    }

    public void clear() {
        alerts.clear();
    }

    /** "Flagged: …" or "Back after dismissal: …". */
    public String headline(Alert alert) {
        String label = alert.label().length() > 140 ? alert.label().substring(0, 139) + "\u2026" : alert.label();
        return messages.format(alert.cameBack() ? "claims.cameBack" : "claims.flagged", label);
    }

    private Alert alertOf(ClusterSummary cluster, boolean cameBack) {
        String label = cluster.label() == null ? messages.get("items.untitled") : cluster.label();
        String reason = cluster.flagReasons().isEmpty() ? "" : cluster.flagReasons().getFirst();
        return new Alert(cluster.id(), label, reason, cameBack);
    }
}
