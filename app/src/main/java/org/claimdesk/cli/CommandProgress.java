package org.claimdesk.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How far a long command has come, on standard error so that standard output keeps only results.
 * On a terminal: a bar redrawn in place with counts, rate and time left (the progressbar library).
 * Piped or written to a file: a plain line at most every few seconds, which a log or a cron mail
 * reads well. Updates may come from any thread.
 */
abstract sealed class CommandProgress implements AutoCloseable {
    /** How often a plain progress line is written at most. */
    static final Duration PLAIN_EVERY = Duration.ofSeconds(5);

    /**
     * @param terminal whether standard error is a terminal the bar can be redrawn on
     * @param task     what is counted, e.g. "analysis"
     * @param unit     what one step is, plural, e.g. "items"
     */
    static CommandProgress start(boolean terminal, PrintWriter err, String task, String unit, long total) {
        return terminal ? new Bar(System.err, task, unit, total) : new PlainLines(err, task, unit, total, System::nanoTime);
    }

    /** Sets how far it has come; {@code total} may change as work is found (never below {@code done}). */
    abstract void stepTo(long done, long total);

    /** Writes a line of results to standard output without tearing the bar. */
    abstract void println(PrintWriter out, String line);

    /** Ends the bar (the command then says what it did); plain lines end without a word. */
    @Override
    public abstract void close();

    /** The bar of a terminal. */
    static final class Bar extends CommandProgress {
        private final PrintStream err;
        private final ProgressBar bar;

        Bar(PrintStream err, String task, String unit, long total) {
            this.err = err;
            this.bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(Math.max(total, 0))
                    .setUnit(" " + unit, 1)
                    .showSpeed()
                    .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                    .setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(err))
                    .build();
        }

        @Override
        synchronized void stepTo(long done, long total) {
            bar.maxHint(Math.max(total, done));
            bar.stepTo(done);
        }

        @Override
        synchronized void println(PrintWriter out, String line) {
            err.print("\r\033[K"); // clears the bar's line; the bar is drawn again below the text
            err.flush();
            out.println(line);
            out.flush();
            bar.refresh();
        }

        @Override
        public synchronized void close() {
            bar.close();
        }
    }

    /** Plain lines for a pipe or a file: "analysis: 150 of 1000 items, 12.5 items/s, about 1 min left". */
    static final class PlainLines extends CommandProgress {
        private final PrintWriter err;
        private final String task;
        private final String unit;
        private final LongSupplier nanoTime;
        private final long started;
        private long lastLine;
        private long total;

        PlainLines(PrintWriter err, String task, String unit, long total, LongSupplier nanoTime) {
            this.err = err;
            this.task = task;
            this.unit = unit;
            this.total = total;
            this.nanoTime = nanoTime;
            this.started = nanoTime.getAsLong();
            this.lastLine = started;
        }

        @Override
        synchronized void stepTo(long done, long newTotal) {
            total = Math.max(newTotal, done);
            long now = nanoTime.getAsLong();
            if (done >= total || now - lastLine < PLAIN_EVERY.toNanos()) {
                return; // the command's own summary says how it ended
            }
            lastLine = now;
            err.println(line(done, total, Duration.ofNanos(now - started)));
            err.flush();
        }

        String line(long done, long total, Duration elapsed) {
            double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-3);
            double rate = done / seconds;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %d of %d %s, %.1f %s/s",
                    task, done, total, unit, rate, unit));
            if (rate > 0 && done < total) {
                line.append(", about ").append(CliText.duration(Duration.ofSeconds(Math.round((total - done) / rate))))
                        .append(" left");
            }
            return line.toString();
        }

        @Override
        synchronized void println(PrintWriter out, String line) {
            out.println(line);
            out.flush();
        }

        @Override
        public void close() {
            // nothing drawn to take away
        }
    }
}
