package org.claimdesk.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publication dates pages declare, in the shapes met in the wild: ISO-8601 with or
 * without offset ({@code 2024-05-01T10:00:00+0200}, {@code 2024-05-01 10:00}), RFC 1123, plain
 * dates (midnight UTC) and English month names. A time without a zone is taken as UTC.
 */
final class LenientDates {
    private static final Pattern ISO_PREFIX = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
                    + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?)?");
    private static final Pattern COMPACT_DATE = Pattern.compile("\\b(\\d{4})(\\d{2})(\\d{2})\\b");
    private static final List<DateTimeFormatter> TEXT_FORMATS = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            formatter("EEE, d MMM yyyy HH:mm z"),
            formatter("MMMM d, yyyy"),
            formatter("MMM d, yyyy"),
            formatter("d MMMM yyyy"),
            formatter("d MMM yyyy"),
            formatter("MMMM d yyyy"),
            formatter("MMM. d, yyyy"));
    private static final Pattern ENGLISH_DATE = Pattern.compile(
            "(?i)\\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4}"
                    + "|\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?,?\\s+\\d{4})");

    private LenientDates() {
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient()
                .appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }

    /** The instant the text names, or null when it names none we can read or a silly year. */
    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        Instant found = parseIso(t);
        if (found == null) {
            found = parseText(t);
        }
        return plausible(found) ? found : null;
    }

    private static Instant parseIso(String t) {
        Matcher m = ISO_PREFIX.matcher(t);
        if (!m.find()) {
            Matcher compact = COMPACT_DATE.matcher(t);
            if (t.length() == 8 && compact.matches()) {
                return date(compact.group(1), compact.group(2), compact.group(3));
            }
            return null;
        }
        try {
            if (m.group(4) == null) {
                return date(m.group(1), m.group(2), m.group(3));
            }
            int nanos = 0;
            if (m.group(7) != null) {
                String fraction = (m.group(7) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(fraction);
            }
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            return local.toInstant(offset(m.group(8)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Instant date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day))
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equalsIgnoreCase("Z") || zone.equals("UTC") || zone.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.replace(":", "");
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static Instant parseText(String t) {
        String cleaned = t.replaceAll("\\s+", " ").replaceAll("(?i)(\\d)(st|nd|rd|th)\\b", "$1");
        for (DateTimeFormatter format : TEXT_FORMATS) {
            Instant parsed = tryFormat(cleaned, format);
            if (parsed != null) {
                return parsed;
            }
        }
        Matcher m = ENGLISH_DATE.matcher(cleaned);
        if (m.find()) {
            String fragment = m.group().replace(".", "").replace(",", "").replaceAll("(?i)\\bsept\\b", "Sep");
            for (String pattern : List.of("MMMM d yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy")) {
                Instant parsed = tryFormat(fragment, formatter(pattern));
                if (parsed != null) {
                    return parsed;
                }
            }
        }
        return null;
    }

    private static Instant tryFormat(String text, DateTimeFormatter format) {
        try {
            var parsed = format.parse(text);
            if (parsed.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)) {
                return ZonedDateTime.from(parsed).toInstant();
            }
            return LocalDate.from(parsed).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Pages carry placeholder dates (0001-01-01, 1970) and typos; keep what could be a publication. */
    private static boolean plausible(Instant instant) {
        if (instant == null) {
            return false;
        }
        Instant earliest = Instant.parse("1990-01-01T00:00:00Z");
        Instant latest = Instant.now().plus(2, ChronoUnit.DAYS);
        return !instant.isBefore(earliest) && !instant.isAfter(latest);
    }
}
