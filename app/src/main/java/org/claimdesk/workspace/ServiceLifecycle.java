package org.claimdesk.workspace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;

/**
 * The services of a session in one declared order (the enum's): each is started when first
 * needed, and closing goes through the started ones from the last declared to the first, so a
 * service is never closed while one declared after it (which may use it) still runs. A service
 * whose close fails is logged and the others are still closed.
 */
final class ServiceLifecycle<S extends Enum<S>> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceLifecycle.class);

    private final EnumMap<S, AutoCloseable> started;
    private final Class<S> services;
    private boolean closed;

    ServiceLifecycle(Class<S> services) {
        this.services = services;
        this.started = new EnumMap<>(services);
    }

    /** Records a started service with how it is closed; a second start of the same service is a bug. */
    synchronized void started(S service, AutoCloseable closer) {
        Objects.requireNonNull(closer, "closer");
        if (closed) {
            closeQuietly(service, closer); // the session closed while it was starting: do not leak it
            throw new IllegalStateException("the workspace is closed");
        }
        if (started.putIfAbsent(service, closer) != null) {
            throw new IllegalStateException(service + " started twice");
        }
    }

    synchronized boolean isStarted(S service) {
        return started.containsKey(service);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Closes the started services in reverse declared order. Idempotent. */
    @Override
    public void close() {
        List<S> order;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            order = new ArrayList<>(started.keySet()); // EnumMap keys come in declared order
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            S service = order.get(i);
            AutoCloseable closer;
            synchronized (this) {
                closer = started.remove(service);
            }
            closeQuietly(service, closer);
        }
    }

    private static void closeQuietly(Enum<?> service, AutoCloseable closer) {
        try {
            closer.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("Closing {} failed: {}", service.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ServiceLifecycle" + List.of(services.getEnumConstants());
    }
}
