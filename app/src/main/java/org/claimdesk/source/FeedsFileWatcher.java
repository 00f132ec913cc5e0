package org.claimdesk.source;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the current good feeds.yml and follows edits to it.
 *
 * <p>Watches the file's directory rather than the file, because most editors save by writing a
 * new file and renaming it over the old one, which a watch on the old file would not see. A burst
 * of events (truncate, write, rename) is collapsed into one reload once the directory has been
 * quiet for the debounce time. A file that does not parse never replaces the current config: the
 * listeners are told what is wrong and the program goes on with the last good one.
 *
 * <p>Listeners are called on the watcher's own daemon thread (or on the thread calling
 * {@link #reload()}); a UI must hand the news over to its own thread.
 */
public final class FeedsFileWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedsFileWatcher.class);
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(300);
    /** How often to try watching the directory again after it disappeared. */
    private static final Duration REREGISTER_EVERY = Duration.ofSeconds(1);

    /** Told about every accepted or rejected version of the file. */
    public interface Listener {
        /** The file changed and is valid; {@code config} is now {@link #current()}. */
        void configChanged(SourcesConfig config);

        /** The file changed but cannot be used; {@link #current()} stays the last good config. */
        void configRejected(FeedsFileException problems);
    }

    private final Path file;
    private final Path directory;
    private final FeedsFileParser parser;
    private final Duration debounce;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object reloadLock = new Object();
    private final WatchService watchService;
    private final Thread thread;
    private volatile WatchKey registration;
    private volatile SourcesConfig current;
    private volatile FeedsFileException rejection;
    private volatile boolean closed;

    public FeedsFileWatcher(Path file, FeedsFileParser parser) throws IOException {
        this(file, parser, DEFAULT_DEBOUNCE);
    }

    /**
     * Reads the file once (a bad or missing file gives an empty config and a {@link #rejection()})
     * and prepares the watch; call {@link #start()} after adding listeners.
     *
     * @throws IOException when the file's directory cannot be watched
     */
    public FeedsFileWatcher(Path file, FeedsFileParser parser, Duration debounce) throws IOException {
        this.file = file.toAbsolutePath().normalize();
        this.directory = this.file.getParent();
        this.parser = parser;
        this.debounce = debounce;
        this.watchService = directory.getFileSystem().newWatchService();
        try {
            // Register before the first read so that an edit in between is not missed.
            this.registration = register();
        } catch (IOException e) {
            watchService.close();
            throw e;
        }
        try {
            current = parser.parse(this.file);
            log.info("Read {}: {} sources", this.file, current.sources().size());
        } catch (FeedsFileException e) {
            current = new SourcesConfig(this.file, FetchSettings.defaults(), List.of());
            rejection = e;
            log.warn("{} cannot be used, starting with no sources:\n{}", this.file, e.getMessage());
        }
        this.thread = Thread.ofPlatform().name("feeds.yml watcher").daemon(true).unstarted(this::watch);
    }

    /** Starts watching on the watcher's own thread. */
    public FeedsFileWatcher start() {
        thread.start();
        return this;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** The file being watched (absolute). */
    public Path file() {
        return file;
    }

    /** The last config that parsed without problems (empty if none ever did). */
    public SourcesConfig current() {
        return current;
    }

    /** What is wrong with the file on disk right now, if it is not usable. */
    public Optional<FeedsFileException> rejection() {
        return Optional.ofNullable(rejection);
    }

    /**
     * Reads the file now, publishes the outcome to the listeners like a change on disk would, and
     * returns the new config.
     *
     * @throws FeedsFileException when the file cannot be used ({@link #current()} is then unchanged)
     */
    public SourcesConfig reload() throws FeedsFileException {
        synchronized (reloadLock) {
            SourcesConfig fresh;
            try {
                fresh = parser.parse(file);
            } catch (FeedsFileException e) {
                FeedsFileException previous = rejection;
                rejection = e;
                // Saving the same broken file twice is not news.
                if (previous == null || !previous.problems().equals(e.problems())) {
                    log.warn("{} changed but cannot be used; keeping the previous {} sources:\n{}",
                            file, current.sources().size(), e.getMessage());
                    for (Listener listener : listeners) {
                        notify(listener, () -> listener.configRejected(e));
                    }
                }
                throw e;
            }
            boolean recovered = rejection != null;
            boolean changed = !fresh.equals(current);
            current = fresh;
            rejection = null;
            // A touch without a change is not news, but a repair is even when the content is as before.
            if (changed || recovered) {
                log.info("{} reloaded: {} sources", file, fresh.sources().size());
                for (Listener listener : listeners) {
                    notify(listener, () -> listener.configChanged(fresh));
                }
            }
            return fresh;
        }
    }

    /** Stops watching; listeners are not called after this returns (unless they were being called). */
    @Override
    public void close() {
        closed = true;
        try {
            watchService.close();
        } catch (IOException e) {
            log.debug("Closing the watch service of {}", file, e);
        }
        if (thread.isAlive() && Thread.currentThread() != thread) {
            try {
                thread.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private WatchKey register() throws IOException {
        return directory.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
    }

    private void watch() {
        try {
            while (!closed) {
                if (!registration.isValid()) {
                    waitForDirectory();
                    continue;
                }
                WatchKey key = watchService.take();
                if (!concernsFile(key)) {
                    continue;
                }
                // Debounce: reload once the directory has been quiet for a while.
                long quietUntil = System.nanoTime() + debounce.toNanos();
                for (long left = debounce.toNanos(); left > 0; left = quietUntil - System.nanoTime()) {
                    WatchKey more = watchService.poll(left, TimeUnit.NANOSECONDS);
                    if (more != null && concernsFile(more)) {
                        quietUntil = System.nanoTime() + debounce.toNanos();
                    }
                }
                reloadQuietly();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // close() was called
        } catch (RuntimeException e) {
            log.error("Stopped watching {} after an unexpected error", file, e);
        }
    }

    /** The directory itself went away (deleted, unmounted): report it and watch again once it is back. */
    private void waitForDirectory() throws InterruptedException {
        log.warn("{} is no longer watched: its directory went away; retrying every {}s", file,
                REREGISTER_EVERY.toSeconds());
        reloadQuietly();
        while (!closed) {
            Thread.sleep(REREGISTER_EVERY);
            try {
                registration = register();
                log.info("Watching {} again", file);
                reloadQuietly();
                return;
            } catch (IOException e) {
                // still gone
            }
        }
    }

    private boolean concernsFile(WatchKey key) {
        boolean concerns = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            // OVERFLOW: events were lost, so the file may have changed.
            if (event.kind() == StandardWatchEventKinds.OVERFLOW
                    || (event.context() instanceof Path name && name.equals(file.getFileName()))) {
                concerns = true;
            }
        }
        if (!key.reset()) {
            concerns = true;
        }
        return concerns;
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (FeedsFileException e) {
            // already logged and published by reload()
        }
    }

    private void notify(Listener listener, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // One faulty listener must not stop the others or the watcher.
            log.error("A feeds.yml listener failed: {}", listener, e);
        }
    }
}
