package org.claimdesk.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What a saved file holds, told from its name and, failing that, from its first bytes. */
enum SavedFileKind {
    FEED, PAGE, OPML, OTHER;

    static SavedFileKind of(String fileName, byte[] content) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".opml")) {
            return OPML;
        }
        if (name.endsWith(".rss") || name.endsWith(".atom") || name.endsWith(".rdf") || name.endsWith(".feed")) {
            return FEED;
        }
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
            return PAGE;
        }
        return sniff(content);
    }

    /** Looks at the start of the file, past a BOM, XML declaration, comments and whitespace. */
    private static SavedFileKind sniff(byte[] content) {
        int n = Math.min(content.length, 4096);
        // UTF-16 files are rare for saved feeds; decoding as Latin-1 keeps ASCII markup readable.
        String head = new String(content, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (head.contains("<opml")) {
            return OPML;
        }
        if (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")) {
            return FEED;
        }
        if (head.contains("<html") || head.contains("<!doctype html") || head.contains("<body")) {
            return PAGE;
        }
        return OTHER;
    }
}
