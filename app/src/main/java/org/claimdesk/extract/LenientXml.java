package org.claimdesk.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The second attempt for documents a strict parse refused. Only repairs that cannot change what a
 * well-meant feed says and cannot make a hostile one dangerous:
 * <ul>
 *   <li>junk before the prolog (PHP warnings, stray text) is dropped;</li>
 *   <li>a DOCTYPE without an internal subset (e.g. Netscape's RSS 0.91 DTD) is dropped: the DTD
 *       would never be loaded anyway, and Rome's XmlFixerReader already turns the HTML entities
 *       it would declare into characters. A DOCTYPE with an internal subset is never repaired;</li>
 *   <li>characters XML forbids (C0 controls except tab/CR/LF, U+FFFE/U+FFFF) are removed;</li>
 *   <li>a {@code <feed>} root without namespace gets the Atom 1.0 one, an {@code <rss>} root
 *       without version gets version="2.0", so Rome recognises them.</li>
 * </ul>
 * Rome itself (XmlFixerReader, on by default) already handles unescaped '&amp;' and HTML named
 * entities, so those need nothing here. Removed text is replaced by its line breaks so that line
 * numbers in later error messages still match the original document.
 */
final class LenientXml {

    /** The repaired text and what was done, for the log. */
    record Repair(String text, List<String> changes) {
    }

    private static final Pattern FORBIDDEN_CHARS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
    private static final Pattern XMLNS_ATTR = Pattern.compile("\\sxmlns\\s*=");
    private static final Pattern VERSION_ATTR = Pattern.compile("\\sversion\\s*=");

    private LenientXml() {
    }

    /** The repaired document, or null when no repair applies (or the DOCTYPE is hostile). */
    static Repair repair(String text, XmlProlog prolog) {
        if (prolog.internalSubset()) {
            return null;
        }
        List<String> changes = new ArrayList<>();
        List<Edit> edits = new ArrayList<>();
        int rootStart = prolog.rootStart();

        if (rootStart >= 0) {
            String rootTag = rootTag(text, rootStart);
            if ("feed".equals(prolog.rootName()) && !XMLNS_ATTR.matcher(rootTag).find()) {
                edits.add(new Edit(rootStart, rootStart + 5, "<feed xmlns=\"http://www.w3.org/2005/Atom\""));
                changes.add("added the Atom namespace to <feed>");
            } else if ("rss".equals(prolog.rootName()) && !VERSION_ATTR.matcher(rootTag).find()) {
                edits.add(new Edit(rootStart, rootStart + 4, "<rss version=\"2.0\""));
                changes.add("added version=\"2.0\" to <rss>");
            }
        }
        boolean declAfterJunk = prolog.junkStart() >= 0 && prolog.declStart() >= 0;
        if (declAfterJunk) {
            // Nothing may precede the XML declaration, not even line breaks: drop all of it.
            edits.add(new Edit(0, prolog.declStart(), ""));
            changes.add("removed text before the XML prolog");
        } else if (prolog.junkStart() >= 0 && rootStart > prolog.junkStart()) {
            int junkEnd = firstMarkupAfter(text, prolog.junkStart());
            edits.add(new Edit(prolog.junkStart(), Math.min(junkEnd, rootStart), null));
            changes.add("removed text before the root element");
        }
        if (prolog.hasDoctype() && prolog.doctypeEnd() > 0
                && !(declAfterJunk && prolog.doctypeEnd() <= prolog.declStart())) {
            edits.add(new Edit(prolog.doctypeStart(), prolog.doctypeEnd(), null));
            changes.add("removed the DOCTYPE declaration");
        }
        // Apply from the end so earlier positions stay valid.
        edits.sort((a, b) -> Integer.compare(b.start, a.start));
        StringBuilder out = new StringBuilder(text);
        for (Edit edit : edits) {
            String replacement = edit.replacement != null ? edit.replacement : lineBreaks(text, edit.start, edit.end);
            out.replace(edit.start, edit.end, replacement);
        }
        String repaired = out.toString();
        String withoutForbidden = FORBIDDEN_CHARS.matcher(repaired).replaceAll("");
        if (withoutForbidden.length() != repaired.length()) {
            changes.add("removed characters XML does not allow");
            repaired = withoutForbidden;
        }
        return changes.isEmpty() ? null : new Repair(repaired, changes);
    }

    private static String rootTag(String text, int rootStart) {
        int end = text.indexOf('>', rootStart);
        return end < 0 ? text.substring(rootStart) : text.substring(rootStart, end + 1);
    }

    private static int firstMarkupAfter(String text, int from) {
        int lt = text.indexOf('<', from);
        return lt < 0 ? text.length() : lt;
    }

    /** The line breaks in [from, to), which stand in for removed text to keep line numbers. */
    private static String lineBreaks(String text, int from, int to) {
        return "\n".repeat((int) text.substring(from, to).chars().filter(c -> c == '\n').count());
    }

    private record Edit(int start, int end, String replacement) {
    }
}
