package org.claimdesk.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw bytes of an XML document into text. We decode ourselves (instead of letting the
 * XML parser or Rome's XmlReader do it) because Rome's XmlReader follows RFC 3023, which makes
 * text/xml without a charset US-ASCII and turns every non-ASCII byte into U+FFFD, and because it
 * throws on a BOM that contradicts the declaration. The rules here:
 * <ol>
 *   <li>A byte order mark is decisive: nothing can be both a BOM and valid text in the label a
 *       server or declaration gives (WHATWG puts BOM sniffing first for the same reason).</li>
 *   <li>Otherwise the Content-Type charset, then the XML declaration (read in the byte family the
 *       first bytes reveal, so UTF-16/32 without BOM works), then UTF-8.</li>
 *   <li>Each label is tried strictly; a label the bytes are not valid in is skipped for the next
 *       one, ending with windows-1252, which accepts almost anything.</li>
 *   <li>Legacy labels map to the superset browsers use (ISO-8859-1 to windows-1252, Shift_JIS to
 *       windows-31j, GB2312 to GB18030...), so real-world files labelled with the subset decode.</li>
 *   <li>A Latin-1 family label on bytes that are non-ASCII valid UTF-8 yields UTF-8: Latin-1
 *       text practically never forms valid multi-byte UTF-8, while servers that add a default
 *       ISO-8859-1 header to UTF-8 feeds are common.</li>
 * </ol>
 */
final class FeedCharset {

    /** The decoded text (BOM removed) and the charset that produced it. */
    record Decoded(String text, Charset charset) {
    }

    private static final Pattern HEADER_CHARSET =
            Pattern.compile("(?i)(?:^|;)\\s*charset\\s*=\\s*[\"']?([^\"';\\s]+)");
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:+-]+)[\"']");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Labels whose real-world use is the browsers' superset. */
    private static final Map<String, String> SUPERSETS = Map.ofEntries(
            Map.entry("iso-8859-1", "windows-1252"), Map.entry("iso8859-1", "windows-1252"),
            Map.entry("latin1", "windows-1252"), Map.entry("latin-1", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"), Map.entry("ascii", "windows-1252"),
            Map.entry("iso-8859-9", "windows-1254"), Map.entry("iso-8859-11", "x-windows-874"),
            Map.entry("tis-620", "x-windows-874"), Map.entry("gb2312", "GB18030"),
            Map.entry("gbk", "GB18030"), Map.entry("shift_jis", "windows-31j"),
            Map.entry("shift-jis", "windows-31j"), Map.entry("sjis", "windows-31j"),
            Map.entry("x-sjis", "windows-31j"), Map.entry("euc-kr", "x-windows-949"),
            Map.entry("big5", "Big5-HKSCS"));

    private FeedCharset() {
    }

    static Decoded decode(byte[] body, String contentType) {
        Bom bom = Bom.of(body);
        if (bom != null) {
            return new Decoded(lenient(body, bom.length, bom.charset), bom.charset);
        }
        List<Charset> candidates = new ArrayList<>();
        addIfKnown(candidates, headerCharset(contentType));
        Charset family = byteFamily(body);
        addIfKnown(candidates, declaredCharset(body, family));
        candidates.add(family);
        candidates.add(WINDOWS_1252);
        for (Charset candidate : candidates) {
            Charset charset = preferUtf8OverLatin(candidate, body);
            String text = strict(body, charset);
            if (text != null) {
                return new Decoded(stripBomChar(text), charset);
            }
        }
        Charset first = candidates.getFirst();
        return new Decoded(stripBomChar(lenient(body, 0, first)), first);
    }

    /** The charset parameter of a Content-Type header, or null. Tolerates spaces around '='. */
    static String headerCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    /** The encoding named in the XML declaration, adjusted to the byte family, or null. */
    private static String declaredCharset(byte[] body, Charset family) {
        int unit = family.name().startsWith("UTF-32") ? 4 : family.name().startsWith("UTF-16") ? 2 : 1;
        int len = Math.min(body.length, 512 * unit);
        String head = new String(body, 0, len, unit == 1 ? StandardCharsets.ISO_8859_1 : family);
        Matcher m = DECLARED_ENCODING.matcher(head);
        if (!m.find()) {
            return null;
        }
        String declared = m.group(1);
        if (unit > 1) {
            // A 16/32-bit document read as such is what it is; "utf-16" without endianness means
            // the endianness the bytes show, and an ASCII-family label cannot be right.
            return family.name();
        }
        String lower = declared.toLowerCase(Locale.ROOT);
        if (lower.startsWith("utf-16") || lower.startsWith("utf-32")) {
            return null; // claims 16/32-bit but the bytes are 8-bit: the declaration is wrong
        }
        return declared;
    }

    /** UTF-16/32 by the pattern of "<?" or "<" in the first bytes, else UTF-8. */
    private static Charset byteFamily(byte[] b) {
        if (b.length >= 4) {
            if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == '<') {
                return Charset.forName("UTF-32BE");
            }
            if (b[0] == '<' && b[1] == 0 && b[2] == 0 && b[3] == 0) {
                return Charset.forName("UTF-32LE");
            }
        }
        if (b.length >= 2) {
            if (b[0] == 0 && b[1] == '<') {
                return StandardCharsets.UTF_16BE;
            }
            if (b[0] == '<' && b[1] == 0) {
                return StandardCharsets.UTF_16LE;
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static void addIfKnown(List<Charset> into, String label) {
        if (label == null) {
            return;
        }
        String name = SUPERSETS.getOrDefault(label.toLowerCase(Locale.ROOT), label);
        try {
            Charset charset = Charset.forName(name);
            if (!into.contains(charset)) {
                into.add(charset);
            }
        } catch (IllegalArgumentException unknownOrUnsupported) {
            // A bogus label says nothing; the next source decides.
        }
    }

    private static Charset preferUtf8OverLatin(Charset charset, byte[] body) {
        if (charset.equals(WINDOWS_1252) && !isAscii(body) && strict(body, StandardCharsets.UTF_8) != null) {
            return StandardCharsets.UTF_8;
        }
        return charset;
    }

    private static boolean isAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String strict(byte[] body, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return chars.toString();
        } catch (CharacterCodingException notThisCharset) {
            return null;
        }
    }

    private static String lenient(byte[] body, int offset, Charset charset) {
        return new String(body, offset, body.length - offset, charset);
    }

    private static String stripBomChar(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private record Bom(Charset charset, int length) {
        static Bom of(byte[] b) {
            // UTF-32LE's BOM starts like UTF-16LE's, so test it first.
            if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
                return new Bom(Charset.forName("UTF-32BE"), 4);
            }
            if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
                return new Bom(Charset.forName("UTF-32LE"), 4);
            }
            if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
                return new Bom(StandardCharsets.UTF_8, 3);
            }
            if (startsWith(b, 0xFE, 0xFF)) {
                return new Bom(StandardCharsets.UTF_16BE, 2);
            }
            if (startsWith(b, 0xFF, 0xFE)) {
                return new Bom(StandardCharsets.UTF_16LE, 2);
            }
            return null;
        }

        private static boolean startsWith(byte[] b, int... prefix) {
            if (b.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if ((b[i] & 0xFF) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
