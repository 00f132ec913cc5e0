package org.claimdesk.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns fetched bytes into a jsoup document: refuses what is not HTML and picks the charset from
 * the Content-Type header, else the byte order mark, else {@code <meta charset>}, else UTF-8.
 * Parsing only builds a tree; nothing is run or loaded.
 */
final class HtmlPage {
    private static final Pattern CHARSET_PARAMETER =
            Pattern.compile("(?i)\\bcharset\\s*=\\s*[\"']?([^\\s;\"',]+)");
    private static final int SNIFF_BYTES = 4096;

    private HtmlPage() {
    }

    static Document parse(byte[] html, String contentType, URI url) throws ExtractException {
        String where = url == null ? "the page" : url.toString();
        if (html == null || html.length == 0) {
            throw new ExtractException(where + " is empty: no HTML to extract from");
        }
        String mime = mimeType(contentType);
        if (mime != null && !isHtmlMime(mime) && !isGenericMime(mime)) {
            throw new ExtractException(where + " is not HTML: Content-Type is " + mime);
        }
        String binary = binarySignature(html);
        if (binary != null) {
            throw new ExtractException(where + " is not HTML: its bytes look like " + binary
                    + (mime == null ? "" : " although Content-Type says " + mime));
        }
        if (mime == null || isGenericMime(mime)) {
            requireMarkup(html, where);
        }
        Charset declared = charsetFromContentType(contentType);
        if (declared == null && !hasByteOrderMark(html) && isValidUtf8WithNonAscii(html)) {
            // Legacy multi-byte text (GBK, Shift_JIS, windows-1256) is practically never valid UTF-8, so
            // valid UTF-8 beats a stale <meta charset> left behind when a page was re-encoded.
            declared = StandardCharsets.UTF_8;
        }
        String baseUri = url == null ? "" : url.toString();
        try {
            // A null charset lets jsoup look at the byte order mark, then <meta charset> / http-equiv.
            return Jsoup.parse(new ByteArrayInputStream(html), declared == null ? null : declared.name(), baseUri);
        } catch (IOException | RuntimeException e) {
            throw new ExtractException("could not read " + where + " as HTML: " + e.getMessage(), e);
        }
    }

    static String mimeType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String mime = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return mime.isEmpty() ? null : mime;
    }

    /** The charset named in a Content-Type header, or null when absent or not known to this JVM. */
    static Charset charsetFromContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET_PARAMETER.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        try {
            String name = m.group(1);
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalCharsetNameException e) {
            return null;
        }
    }

    private static boolean isHtmlMime(String mime) {
        return mime.equals("text/html") || mime.equals("application/xhtml+xml");
    }

    /** Types servers send for HTML they did not label well; the bytes decide. */
    private static boolean isGenericMime(String mime) {
        return mime.equals("text/plain") || mime.equals("application/octet-stream")
                || mime.equals("binary/octet-stream") || mime.equals("application/x-unknown")
                || mime.equals("unknown/unknown") || mime.equals("text/xml") || mime.equals("application/xml");
    }

    private static String binarySignature(byte[] b) {
        if (startsWith(b, 0x25, 0x50, 0x44, 0x46)) return "a PDF document";
        if (startsWith(b, 0x89, 0x50, 0x4E, 0x47)) return "a PNG image";
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) return "a JPEG image";
        if (startsWith(b, 0x47, 0x49, 0x46, 0x38)) return "a GIF image";
        if (startsWith(b, 0x1F, 0x8B)) return "gzip-compressed data";
        if (startsWith(b, 0x50, 0x4B, 0x03, 0x04)) return "a ZIP archive";
        if (startsWith(b, 0x52, 0x49, 0x46, 0x46)) return "a RIFF (WebP/WAV/AVI) file";
        boolean utf16 = startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE);
        if (!utf16) {
            int limit = Math.min(b.length, SNIFF_BYTES);
            int zeros = 0;
            for (int i = 0; i < limit; i++) {
                if (b[i] == 0) zeros++;
            }
            if (zeros > limit / 10) return "binary data (" + zeros + " NUL bytes in the first " + limit + ")";
        }
        return null;
    }

    /** Without an HTML Content-Type, insist on seeing tags near the start. */
    private static void requireMarkup(byte[] html, String where) throws ExtractException {
        int limit = Math.min(html.length, SNIFF_BYTES);
        String head = new String(html, 0, limit, guessSniffCharset(html)).toLowerCase(Locale.ROOT);
        String trimmed = head.replace("\uFEFF", "").stripLeading();
        boolean looksLikeFeed = trimmed.startsWith("<?xml") && (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf"));
        if (looksLikeFeed) {
            throw new ExtractException(where + " is not HTML: it is an RSS/Atom feed");
        }
        boolean hasTags = head.contains("<html") || head.contains("<!doctype html") || head.contains("<head")
                || head.contains("<body") || head.contains("<p") || head.contains("<div") || head.contains("<article")
                || head.contains("<meta") || head.contains("<title");
        if (!hasTags) {
            String start = trimmed.substring(0, Math.min(40, trimmed.length())).replaceAll("\\s+", " ");
            throw new ExtractException(where + " is not HTML: no HTML tags in the first " + limit
                    + " bytes (starts with \"" + start + "\")");
        }
    }

    private static Charset guessSniffCharset(byte[] b) {
        if (startsWith(b, 0xFE, 0xFF)) return StandardCharsets.UTF_16BE;
        if (startsWith(b, 0xFF, 0xFE)) return StandardCharsets.UTF_16LE;
        return StandardCharsets.ISO_8859_1; // tags are ASCII in every charset a web page uses
    }

    private static boolean hasByteOrderMark(byte[] b) {
        return startsWith(b, 0xEF, 0xBB, 0xBF) || startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE);
    }

    private static boolean isValidUtf8WithNonAscii(byte[] b) {
        boolean nonAscii = false;
        for (byte value : b) {
            if (value < 0) {
                nonAscii = true;
                break;
            }
        }
        if (!nonAscii) {
            return false; // pure ASCII: let the page's declaration decide
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }
}
