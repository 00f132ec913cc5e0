package org.claimdesk.workspace;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates and times written in the bundled sample's files (Atom and page times in ISO 8601, RSS
 * times as in RFC 1123), found and moved by one span. The sample tells a story of two days; moved
 * so that its newest item is minutes old, a first start shows that story running, with recent
 * items on the board's sparklines and a claim flagged now, as the workbench looks while a rumour
 * spreads, instead of a story of weeks ago. Each time keeps its own offset and form; dates inside
 * addresses (…/2026/11/21/…) and in the text stay as written, so items keep their addresses.
 */
final class SampleTimes {
    private static final Pattern ISO = Pattern.compile(
            "(?<![\\d-])\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern RFC_1123 = Pattern.compile(
            "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
                    + "\\d{2}:\\d{2}:\\d{2} (?:GMT|[+-]\\d{4})");
    private static final DateTimeFormatter ISO_MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmXXX", Locale.ROOT);
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    private SampleTimes() {
    }

    /** The latest time written in the text, or null when it has none. */
    static Instant newest(String text) {
        Instant[] newest = {null};
        each(text, time -> {
            Instant at = time.toInstant();
            if (newest[0] == null || at.isAfter(newest[0])) {
                newest[0] = at;
            }
            return null;
        });
        return newest[0];
    }

    /** The text with every time in it moved by {@code span}. */
    static String moved(String text, Duration span) {
        return each(text, time -> time.plus(span));
    }

    /**
     * The span that moves a sample whose newest time is {@code newest} so that it is
     * {@code age} before {@code now}, in whole minutes (the sample's times are whole minutes).
     */
    static Duration span(Instant newest, Instant now, Duration age) {
        return Duration.between(newest, now.minus(age)).truncatedTo(ChronoUnit.MINUTES);
    }

    /** Calls {@code change} with each time in the text; where it gives a time, that replaces it. */
    private static String each(String text, Function<OffsetDateTime, OffsetDateTime> change) {
        String isoDone = replace(ISO, text, written -> {
            OffsetDateTime time = OffsetDateTime.parse(written);
            OffsetDateTime changed = change.apply(time);
            if (changed == null) {
                return written;
            }
            return (written.charAt(16) == ':' ? ISO_SECONDS : ISO_MINUTES).format(changed);
        });
        return replace(RFC_1123, isoDone, written -> {
            OffsetDateTime time = OffsetDateTime.parse(written, DateTimeFormatter.RFC_1123_DATE_TIME);
            OffsetDateTime changed = change.apply(time);
            return changed == null ? written : DateTimeFormatter.RFC_1123_DATE_TIME.format(changed);
        });
    }

    private static String replace(Pattern pattern, String text, Function<String, String> replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
