package org.claimdesk.ui.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Tells the analyst through the desktop's own notifications, where the platform has them:
 * {@code notify-send} on Linux desktops (libnotify, over the session's local bus), the
 * notification centre through {@code osascript} on macOS, the system tray on Windows. Nothing
 * leaves the machine. What is said is only that something happened in ClaimDesk, never the claim:
 * a notification shows over a locked screen and stays in the desktop's history, where a
 * workspace's contents must not appear.
 */
public final class DesktopNotifications {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifications.class);

    /** Says one short thing on the desktop. Never blocks the caller for long. */
    @FunctionalInterface
    public interface Notifier {
        Notifier NONE = (title, body) -> { };

        void notify(String title, String body);
    }

    private DesktopNotifications() {
    }

    /** The notifier this platform has, or {@link Notifier#NONE}. */
    public static Notifier forThisPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return onExecutable("osascript").map(DesktopNotifications::macOs).orElse(Notifier.NONE);
        }
        if (os.contains("win")) {
            return windowsTray();
        }
        return onExecutable("notify-send").map(DesktopNotifications::libnotify).orElse(Notifier.NONE);
    }

    /** The command with this name on the PATH, if there is one. */
    static Optional<Path> onExecutable(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Notifier libnotify(Path notifySend) {
        // arguments, not a shell line: nothing in the text is ever run
        return (title, body) -> run(List.of(notifySend.toString(), "--app-name=ClaimDesk", title, body));
    }

    private static Notifier macOs(Path osascript) {
        return (title, body) -> run(List.of(osascript.toString(), "-e",
                "display notification " + appleScriptString(body) + " with title " + appleScriptString(title)));
    }

    /** An AppleScript string literal: quotes and backslashes escaped, so the text stays text. */
    static String appleScriptString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Notifier windowsTray() {
        try {
            if (!java.awt.SystemTray.isSupported()) {
                return Notifier.NONE;
            }
            java.awt.TrayIcon icon = new java.awt.TrayIcon(
                    new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_ARGB), "ClaimDesk");
            java.awt.SystemTray.getSystemTray().add(icon);
            return (title, body) -> icon.displayMessage(title, body, java.awt.TrayIcon.MessageType.INFO);
        } catch (java.awt.AWTException | RuntimeException | LinkageError e) {
            LOG.info("No desktop notifications: the system tray is not available ({})", e.toString());
            return Notifier.NONE;
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (IOException e) {
            LOG.info("A desktop notification could not be shown: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
