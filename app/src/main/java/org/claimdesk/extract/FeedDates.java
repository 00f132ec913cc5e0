package org.claimdesk.extract;

import com.rometools.rome.io.impl.XmlFixerReader;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates Rome could not read. Rome knows RFC 822 and W3C-DTF with its masks; real feeds also
 * write localised month and day names ("mer, 12 nov 2020"), drop the seconds or the zone, use a
 * US order ("Dec 29 2018 10:00:00 PM"), a space instead of 'T', or "+0100" / "+1:0" offsets.
 * Rather than drop such dates, we re-read the raw element text and parse it here. A date without
 * a zone is taken as UTC (feeds give no better hint).
 */
final class FeedDates {

    /** Per entry, in document order: the raw publication and update texts (either may be null). */
    record RawDates(String published, String updated) {
    }

    private static final Set<String> PUBLISHED = Set.of("pubDate", "published", "issued", "created", "date");
    private static final Set<String> UPDATED = Set.of("updated", "modified", "lastBuildDate");

    private static final Map<String, Integer> MONTHS = months();
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("Z", 0), Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0),
            Map.entry("EST", -5 * 60), Map.entry("EDT", -4 * 60), Map.entry("CST", -6 * 60),
            Map.entry("CDT", -5 * 60), Map.entry("MST", -7 * 60), Map.entry("MDT", -6 * 60),
            Map.entry("PST", -8 * 60), Map.entry("PDT", -7 * 60), Map.entry("CET", 60),
            Map.entry("CEST", 120), Map.entry("BST", 60), Map.entry("MEZ", 60), Map.entry("MESZ", 120),
            Map.entry("JST", 9 * 60), Map.entry("IST", 5 * 60 + 30));

    private static final String TIME = "(?:[T\\s]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*([AaPp][Mm])?)?";
    private static final String ZONE = "\\s*([A-Za-z]{1,5}|[+-]\\d{1,2}(?::?\\d{1,2})?|[A-Za-z]{2,4}[+-]\\d{1,2}(?::?\\d{2})?)?";
    /** 12 nov 2020 10:00:00 +0100 (day names already removed). */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(\\d{1,2})[\\s.-]+([^\\s\\d.,-]+)\\.?,?[\\s.-]+(\\d{2,4})" + TIME + ZONE);
    /** Dec 29 2018 10:00:00 PM, December 29, 2018. */
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "([^\\s\\d.,-]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + TIME + ZONE);
    /** 2020-11-12, 2020-11-12 10:00, 2020-11-12T10:00:00+0100, 2020/11/12. */
    private static final Pattern ISO_LIKE = Pattern.compile(
            "(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})" + TIME + ZONE);
    private static final Pattern LEADING_DAY_NAME = Pattern.compile("^[^\\d\\s,]+\\.?,?\\s+(?=\\S)");

    private FeedDates() {
    }

    /** The instant a date text means, or null when it cannot be read. */
    static Instant parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip().replaceAll("\\s+", " ");
        Matcher iso = ISO_LIKE.matcher(text);
        if (iso.matches()) {
            return build(iso.group(1), Integer.parseInt(iso.group(2)), iso.group(3), iso, 4);
        }
        String withoutDay = LEADING_DAY_NAME.matcher(text).replaceFirst("");
        Matcher dmy = DAY_MONTH_YEAR.matcher(withoutDay);
        if (dmy.matches()) {
            Integer month = month(dmy.group(2));
            return month == null ? null : build(dmy.group(3), month, dmy.group(1), dmy, 4);
        }
        Matcher mdy = MONTH_DAY_YEAR.matcher(withoutDay);
        if (mdy.matches()) {
            Integer month = month(mdy.group(1));
            return month == null ? null : build(mdy.group(3), month, mdy.group(2), mdy, 4);
        }
        return null;
    }

    /** Groups from {@code first}: hour, minute, second, am/pm, zone. */
    private static Instant build(String yearText, int month, String dayText, Matcher m, int first) {
        try {
            int year = Integer.parseInt(yearText);
            if (yearText.length() == 2) {
                year += year < 70 ? 2000 : 1900;
            }
            int day = Integer.parseInt(dayText);
            if (m.group(first) == null) {
                Integer offset = zoneMinutes(m.group(first + 4));
                return LocalDate.of(year, month, day).atStartOfDay()
                        .toInstant(ZoneOffset.ofTotalSeconds((offset == null ? 0 : offset) * 60));
            }
            int hour = Integer.parseInt(m.group(first));
            int minute = Integer.parseInt(m.group(first + 1));
            int second = m.group(first + 2) == null ? 0 : Integer.parseInt(m.group(first + 2));
            String amPm = m.group(first + 3);
            if (amPm != null) {
                hour = hour % 12 + (amPm.equalsIgnoreCase("pm") ? 12 : 0);
            }
            Integer offset = zoneMinutes(m.group(first + 4));
            if (offset == null) {
                return null; // a zone we do not know: better no date than a wrong one
            }
            return LocalDateTime.of(year, month, day, hour, minute, second)
                    .toInstant(ZoneOffset.ofTotalSeconds(offset * 60));
        } catch (DateTimeException | NumberFormatException impossible) {
            return null;
        }
    }

    /** Minutes east of UTC; 0 when no zone is given; null when the zone is unknown. */
    private static Integer zoneMinutes(String zone) {
        if (zone == null || zone.isEmpty()) {
            return 0;
        }
        String upper = zone.toUpperCase(Locale.ROOT);
        if (ZONES.containsKey(upper)) {
            return ZONES.get(upper);
        }
        Matcher offset = Pattern.compile("([A-Z]{2,4})?([+-])(\\d{1,2})(?::?(\\d{1,2}))?").matcher(upper);
        if (!offset.matches() || (offset.group(1) != null && !ZONES.containsKey(offset.group(1)))) {
            return null;
        }
        String digits = offset.group(3);
        int hours;
        int minutes;
        if (offset.group(4) == null && digits.length() > 2) {
            return null;
        }
        hours = Integer.parseInt(digits);
        minutes = offset.group(4) == null ? 0 : Integer.parseInt(offset.group(4));
        if (hours > 14 || minutes > 59) {
            return null;
        }
        int sign = offset.group(2).equals("-") ? -1 : 1;
        return sign * (hours * 60 + minutes);
    }

    private static Integer month(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        Integer month = MONTHS.get(key);
        if (month == null && key.length() > 3) {
            month = MONTHS.get(key.substring(0, 3));
        }
        return month;
    }

    /** English, French, German, Spanish, Italian, Portuguese and Dutch month names and abbreviations. */
    private static Map<String, Integer> months() {
        String[][] names = {
                {"jan", "january", "janvier", "janv", "januar", "jän", "enero", "ene", "gennaio", "gen", "janeiro", "januari"},
                {"feb", "february", "février", "févr", "fevrier", "fev", "fév", "februar", "febrero", "febbraio", "fevereiro", "februari"},
                {"mar", "march", "mars", "märz", "mär", "marzo", "março", "maart", "mrt"},
                {"apr", "april", "avril", "avr", "abril", "abr", "aprile"},
                {"may", "mai", "mayo", "maggio", "mag", "maio", "mei"},
                {"jun", "june", "juin", "juni", "junio", "giugno", "giu", "junho"},
                {"jul", "july", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho"},
                {"aug", "august", "août", "aout", "agosto", "ago", "augustus"},
                {"sep", "sept", "september", "septembre", "septiembre", "settembre", "set", "setembro"},
                {"oct", "october", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro", "out"},
                {"nov", "november", "novembre", "noviembre", "novembro"},
                {"dec", "december", "décembre", "déc", "decembre", "dezember", "dez", "diciembre", "dic", "dicembre", "dezembro"}};
        java.util.HashMap<String, Integer> map = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                map.putIfAbsent(name, i + 1);
            }
        }
        return Map.copyOf(map);
    }

    /**
     * The raw date texts of each item/entry, in document order, read with a StAX parser set up as
     * safely as Rome's (no DTD, no external entities). Only called on text Rome already accepted.
     * Returns null when the document cannot be read this way.
     */
    static List<RawDates> rawDates(String xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        List<RawDates> entries = new ArrayList<>();
        try {
            // The same healing Rome applied (HTML entities, bare '&'), or the scan would fail where Rome did not.
            XMLStreamReader reader = factory.createXMLStreamReader(new XmlFixerReader(new StringReader(xml)));
            int depth = 0;
            int entryDepth = -1;
            String published = null;
            String updated = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = reader.getLocalName();
                    if (entryDepth < 0 && (name.equals("item") || name.equals("entry"))) {
                        entryDepth = depth;
                        published = null;
                        updated = null;
                    } else if (entryDepth > 0 && depth == entryDepth + 1) {
                        if (published == null && PUBLISHED.contains(name)) {
                            published = reader.getElementText();
                            depth--;
                        } else if (updated == null && UPDATED.contains(name)) {
                            updated = reader.getElementText();
                            depth--;
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == entryDepth) {
                        entries.add(new RawDates(published, updated));
                        entryDepth = -1;
                    }
                    depth--;
                }
            }
            reader.close();
            return entries;
        } catch (XMLStreamException | RuntimeException unreadable) {
            return null;
        }
    }
}
