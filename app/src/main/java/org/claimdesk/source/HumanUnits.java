package org.claimdesk.source;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations ({@code 500ms}, {@code 30s}, {@code 15m}, {@code 1h30m}, {@code 2d}) and byte sizes
 * ({@code 512KB}, {@code 10MB}) as people write them in feeds.yml.
 */
public final class HumanUnits {
    private static final Pattern DURATION = Pattern.compile("(?:\\d{1,9}\\s*(?:ms|s|m|h|d)\\s*)+");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,6})?)\\s*(b|kb|kib|mb|mib|gb|gib)?",
            Pattern.CASE_INSENSITIVE);

    private HumanUnits() {
    }

    /**
     * Parses a duration; "0" alone means zero.
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static Duration parseDuration(String text) {
        String t = text.strip();
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        if (t.matches("\\d+")) {
            throw new IllegalArgumentException("'" + text + "' has no unit; write e.g. " + t + "s or " + t + "m");
        }
        if (!DURATION.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text
                    + "' is not a duration; write a number and a unit (ms, s, m, h or d), e.g. 500ms, 30s, 15m, 1h30m");
        }
        Duration total = Duration.ZERO;
        Matcher part = DURATION_PART.matcher(t);
        while (part.find()) {
            long n = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> throw new IllegalStateException(part.group(2));
            });
        }
        return total;
    }

    /** The shortest text {@link #parseDuration} reads back as the same duration, e.g. {@code 1h30m}. */
    public static String formatDuration(Duration duration) {
        if (duration.isZero()) {
            return "0";
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration " + duration);
        }
        StringBuilder out = new StringBuilder();
        long days = duration.toDays();
        if (days > 0) {
            out.append(days).append('d');
        }
        if (duration.toHoursPart() > 0) {
            out.append(duration.toHoursPart()).append('h');
        }
        if (duration.toMinutesPart() > 0) {
            out.append(duration.toMinutesPart()).append('m');
        }
        if (duration.toSecondsPart() > 0) {
            out.append(duration.toSecondsPart()).append('s');
        }
        if (duration.toMillisPart() > 0) {
            out.append(duration.toMillisPart()).append("ms");
        }
        return out.toString();
    }

    /**
     * Parses a byte size. Units are binary (1KB = 1024 bytes); a bare number is bytes.
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text
                    + "' is not a size; write a number and a unit (B, KB, MB or GB), e.g. 512KB or 10MB");
        }
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long factor = switch (unit) {
            case "b" -> 1L;
            case "kb", "kib" -> 1L << 10;
            case "mb", "mib" -> 1L << 20;
            case "gb", "gib" -> 1L << 30;
            default -> throw new IllegalStateException(unit);
        };
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return bytes.longValue();
    }

    /** E.g. {@code 10MB}, {@code 512KB}, or plain bytes when no unit divides evenly. */
    public static String formatSize(long bytes) {
        if (bytes > 0 && bytes % (1L << 30) == 0) {
            return bytes / (1L << 30) + "GB";
        }
        if (bytes > 0 && bytes % (1L << 20) == 0) {
            return bytes / (1L << 20) + "MB";
        }
        if (bytes > 0 && bytes % (1L << 10) == 0) {
            return bytes / (1L << 10) + "KB";
        }
        return bytes + "B";
    }
}
