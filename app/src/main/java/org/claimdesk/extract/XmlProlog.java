package org.claimdesk.extract;

/**
 * What comes before and at the root element of a document, found by a plain scan (no XML parser
 * involved): enough to tell "not a feed" from "broken feed", and to locate a DOCTYPE or junk that
 * the lenient retry may remove.
 *
 * @param rootName      qualified name of the first element, or null when none was found
 * @param rootStart     index of the root's '&lt;', or -1
 * @param doctypeStart  index of "&lt;!DOCTYPE", or -1
 * @param doctypeEnd    index just after the DOCTYPE's closing '&gt;', or -1
 * @param internalSubset whether the DOCTYPE has a [...] internal subset (entity declarations)
 * @param junkStart     index of the first text that is not markup before the root, or -1
 * @param declStart     index of "&lt;?xml " when it comes after junk, or -1
 */
record XmlProlog(String rootName, int rootStart, int doctypeStart, int doctypeEnd,
                 boolean internalSubset, int junkStart, int declStart) {

    /** Local part of the root name, e.g. "RDF" for rdf:RDF. */
    String rootLocalName() {
        if (rootName == null) {
            return null;
        }
        int colon = rootName.indexOf(':');
        return colon < 0 ? rootName : rootName.substring(colon + 1);
    }

    boolean hasDoctype() {
        return doctypeStart >= 0;
    }

    /** Line (1-based) of a position, for messages. */
    static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static XmlProlog scan(String text) {
        int i = 0;
        int n = text.length();
        int doctypeStart = -1;
        int doctypeEnd = -1;
        boolean internalSubset = false;
        int junkStart = -1;
        int declStart = -1;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (text.startsWith("<?", i)) {
                if (junkStart >= 0 && declStart < 0 && text.startsWith("<?xml", i)) {
                    declStart = i;
                }
                i = after(text, "?>", i + 2);
            } else if (text.startsWith("<!--", i)) {
                i = after(text, "-->", i + 4);
            } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                doctypeStart = i;
                int[] end = doctypeEnd(text, i + 9);
                doctypeEnd = end[0];
                internalSubset = end[1] == 1;
                i = doctypeEnd;
            } else if (c == '<' && i + 1 < n && isNameStart(text.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && !Character.isWhitespace(text.charAt(j)) && text.charAt(j) != '>'
                        && text.charAt(j) != '/') {
                    j++;
                }
                return new XmlProlog(text.substring(i + 1, j), i, doctypeStart, doctypeEnd, internalSubset,
                        junkStart, declStart);
            } else {
                if (junkStart < 0) {
                    junkStart = i;
                }
                i++;
            }
            if (i < 0) {
                break; // unterminated construct
            }
        }
        return new XmlProlog(null, -1, doctypeStart, doctypeEnd, internalSubset, junkStart, declStart);
    }

    private static int after(String text, String terminator, int from) {
        int at = text.indexOf(terminator, from);
        return at < 0 ? -1 : at + terminator.length();
    }

    /** {end index, 1 if an internal subset was seen}; quotes and [...] may contain '>'. */
    private static int[] doctypeEnd(String text, int from) {
        boolean subset = false;
        int depth = 0;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                subset = true;
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return new int[]{i + 1, subset ? 1 : 0};
            }
        }
        return new int[]{-1, subset ? 1 : 0};
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }
}
