package org.claimdesk.ui.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A screen's data, read off the FX thread and shown on it. Requests are merged by a
 * {@link Debounce}; a result is shown only while the screen still reads from the source it came
 * from, so a read that a workspace switch overtook is dropped, and so is its failure (the
 * database closed under it: nothing to tell).
 */
public final class Reload<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Reload.class);

    private final String what;
    private final Executor fx;
    private final Consumer<? super T> show;
    private final Consumer<? super RuntimeException> failed;
    private final Debounce debounce;
    /** Written on the FX thread, read by the reads thread. */
    private volatile Supplier<? extends T> source;

    /**
     * @param what   what the log calls it
     * @param period how long requests are merged (see {@link Debounce#every})
     * @param show   applies a result, on the FX thread
     * @param failed told of a failed read, on the FX thread, after it was logged
     */
    public Reload(String what, Scheduler reads, Duration period, Executor fx, Consumer<? super T> show,
                  Consumer<? super RuntimeException> failed) {
        this.what = what;
        this.fx = fx;
        this.show = show;
        this.failed = failed;
        this.debounce = Debounce.every(what, reads, period, this::load);
    }

    /** Reads from here from now on; null when nothing is open. Results of earlier sources are dropped. FX thread. */
    public void from(Supplier<? extends T> newSource) {
        source = newSource;
        if (newSource == null) {
            debounce.cancel();
        }
    }

    /** Asks for a read; safe from any thread. */
    public void request() {
        if (source != null) {
            debounce.request();
        }
    }

    /** Asks for a read as soon as the reads thread is free: the first read of a screen, which nobody should wait for. */
    public void requestNow() {
        if (source != null) {
            debounce.requestNow();
        }
    }

    private void load() {
        Supplier<? extends T> s = source;
        if (s == null) {
            return;
        }
        T value;
        try {
            value = s.get();
        } catch (RuntimeException e) {
            fx.execute(() -> {
                if (s == source) {
                    LOG.warn("Could not load {}: {}", what, e.toString(), e);
                    failed.accept(e);
                }
            });
            return;
        }
        fx.execute(() -> {
            if (s == source) {
                show.accept(value);
            }
        });
    }
}
