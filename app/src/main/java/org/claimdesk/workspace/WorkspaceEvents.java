package org.claimdesk.workspace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The events of one open workspace and who listens to them. Listeners run on the publishing
 * thread, so they hand real work to their own threads (the window: the FX thread).
 */
public final class WorkspaceEvents {
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceEvents.class);

    /** Ends a subscription; closing twice does nothing. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final CopyOnWriteArrayList<Consumer<? super WorkspaceEvent>> listeners = new CopyOnWriteArrayList<>();

    public Subscription subscribe(Consumer<? super WorkspaceEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        // wrapped, so the same consumer subscribed twice is two subscriptions that end one by one
        Consumer<? super WorkspaceEvent> entry = listener::accept;
        listeners.add(entry);
        return () -> listeners.remove(entry);
    }

    /**
     * Tells every listener. A listener that throws is logged and skipped: one broken view must not
     * stop the others, nor the background work that published the event.
     */
    public void publish(WorkspaceEvent event) {
        Objects.requireNonNull(event, "event");
        for (Consumer<? super WorkspaceEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.error("A listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }
}
