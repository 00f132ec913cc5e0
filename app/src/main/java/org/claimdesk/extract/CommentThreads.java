package org.claimdesk.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises reader comments by their shape rather than their class names: a list of sibling
 * entries, several of which carry a short "who and when" line (a name with a time or date, or a
 * {@code <time>}), next to entries of prose. Reader comments are real sentences, so prose density
 * cannot tell them from the article; the repeated stamp lines can. Old CMSs put the comment table
 * in the very cell that holds the article, so this runs on the chosen content too.
 */
final class CommentThreads {
    /** A time of day (10:45, 10.45 Uhr is rare in stamps) or a numeric date (2024-03-18, 18.03.2024, 3/18/24). */
    private static final Pattern STAMP = Pattern.compile(
            "\\b\\d{1,2}:\\d{2}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}\\b");
    /** A "who and when" line is short; a sentence that mentions a time is prose. */
    private static final int MOST_STAMP_LINE = 80;
    private static final int LEAST_PROSE = 40;

    private CommentThreads() {
    }

    /** Whether the element is a list of entries of which at least two open with a stamp line and some hold prose. */
    static boolean isThread(Element e) {
        List<Element> entries = entries(e);
        if (entries.size() < 3) return false;
        int stamped = 0;
        int prose = 0;
        for (Element entry : entries) {
            if (hasStampLine(entry)) stamped++;
            if (hasProse(entry)) prose++;
        }
        return stamped >= 2 && prose >= 2;
    }

    /** The element's entries: its children, or a table's rows. */
    private static List<Element> entries(Element e) {
        String tag = e.normalName();
        if (tag.equals("table") || tag.equals("tbody")) {
            List<Element> rows = new ArrayList<>();
            for (Element row : e.select("tr")) {
                if (row.closest("table") == (tag.equals("table") ? e : e.parent())) rows.add(row);
            }
            return rows;
        }
        return e.children();
    }

    /**
     * A block of the entry (or the entry itself) that is a short line with a time, a date or a
     * {@code <time>}, and no sentence: a whole reference or footnote ending in its date is not one.
     */
    private static boolean hasStampLine(Element entry) {
        for (Element part : entry.getAllElements()) {
            if (MainContent.INLINE.contains(part.normalName()) && part != entry) continue;
            String text = part.text();
            if (shortText(part) && !TextMeasure.endsLikeSentence(text)
                    && (STAMP.matcher(text).find() || part.selectFirst("time") != null)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text holds a time of day or a numeric date. */
    static boolean hasStamp(String text) {
        return STAMP.matcher(text).find();
    }

    private static boolean shortText(Element e) {
        int length = TextMeasure.weightedLength(e.text());
        return length > 0 && length <= MOST_STAMP_LINE;
    }

    private static boolean hasProse(Element entry) {
        String text = entry.text();
        return TextMeasure.weightedLength(text) >= LEAST_PROSE && TextMeasure.endsLikeSentence(text);
    }
}
