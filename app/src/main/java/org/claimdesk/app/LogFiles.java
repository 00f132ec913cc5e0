package org.claimdesk.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Sends the log to a rolling file inside the open workspace (logs/claimdesk.log), so a
 * workspace carried to another machine carries its own history and nothing is written
 * elsewhere on disk. Kept here because it is the one place that knows the logging backend.
 */
final class LogFiles {
    private static final String APPENDER = "workspace-file";

    private LogFiles() {
    }

    /**
     * With the file in place, the console shows only errors when a command runs at a terminal: it
     * prints what it found and what went wrong itself, once (a broken feeds.yml is also logged by
     * the watcher and the session), and libraries' warnings (CoreNLP's "Untokenizable: …",
     * thousands per analyse run) belong in the file, not in a script's output. Otherwise the
     * console keeps the level it was configured with (our packages log INFO for the file's sake,
     * which must not flood a console set to warnings).
     */
    private static void limitConsole(Logger root, Level least) {
        for (var it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof ConsoleAppender<ILoggingEvent> console) {
                console.getCopyOfAttachedFiltersList().stream()
                        .filter(f -> f instanceof AtLeast).map(f -> (AtLeast) f).findFirst()
                        .ifPresentOrElse(filter -> filter.least = least, () -> {
                            AtLeast filter = new AtLeast(least);
                            filter.start();
                            console.addFilter(filter);
                        });
            }
        }
    }

    private static final class AtLeast extends Filter<ILoggingEvent> {
        private volatile Level least;

        AtLeast(Level least) {
            this.least = least;
        }

        @Override
        public FilterReply decide(ILoggingEvent event) {
            return event.getLevel().isGreaterOrEqual(least) ? FilterReply.NEUTRAL : FilterReply.DENY;
        }
    }

    /** Lets the console show what it was configured to again (tests that ran a command as the launcher does). */
    static void consoleAsConfigured() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            limitConsole(root, root.getLevel());
        }
    }

    /**
     * Logs to {@code logsDir}, replacing the file of a previously open workspace.
     *
     * @param consoleErrorsOnly whether the console keeps only errors from now on (a command at a terminal)
     */
    static void logTo(Path logsDir, boolean consoleErrorsOnly) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var old = root.getAppender(APPENDER);
        if (old != null) {
            root.detachAppender(old);
            old.stop();
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36}: %msg%n");
        encoder.start();

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName(APPENDER);
        file.setFile(logsDir.resolve("claimdesk.log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(file);
        policy.setFileNamePattern(logsDir.resolve("claimdesk.%d{yyyy-MM-dd}.%i.log").toString());
        policy.setMaxFileSize(FileSize.valueOf("10MB"));
        policy.setMaxHistory(14);
        policy.setTotalSizeCap(FileSize.valueOf("100MB"));
        policy.start();
        file.setRollingPolicy(policy);
        file.setEncoder(encoder);
        file.start();
        root.addAppender(file);
        limitConsole(root, consoleErrorsOnly ? Level.ERROR : root.getLevel());
        context.getLogger("org.claimdesk").setLevel(Level.INFO);
        // The root level gates appenders too: INFO from our packages must reach the file.
    }
}
