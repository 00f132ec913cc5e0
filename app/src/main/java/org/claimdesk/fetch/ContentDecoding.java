package org.claimdesk.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes the Content-Encoding of a body (gzip, deflate), stopping as soon as the decoded size
 * passes the limit so that a small compressed body cannot expand into gigabytes.
 */
final class ContentDecoding {

    /** An encoding we did not ask for and cannot undo. */
    static final class Unsupported extends IOException {
        Unsupported(String coding) {
            super(coding);
        }
    }

    private ContentDecoding() {
    }

    /**
     * @param contentEncodings the Content-Encoding header values, in the order they were applied
     * @throws BoundedBody.TooLarge when the decoded body exceeds {@code limit}
     * @throws Unsupported          for an encoding other than gzip, deflate or identity
     * @throws IOException          for corrupt compressed data
     */
    static byte[] decode(byte[] body, List<String> contentEncodings, long limit) throws IOException {
        List<String> codings = new ArrayList<>();
        for (String header : contentEncodings) {
            for (String token : header.split(",")) {
                String coding = token.trim().toLowerCase(Locale.ROOT);
                if (!coding.isEmpty() && !coding.equals("identity")) {
                    codings.add(coding);
                }
            }
        }
        if (codings.isEmpty() || body.length == 0) {
            return body;
        }
        // Encodings are listed in the order applied, so they are undone last to first.
        Collections.reverse(codings);
        byte[] data = body;
        for (String coding : codings) {
            data = switch (coding) {
                case "gzip", "x-gzip" -> readBounded(new GZIPInputStream(new ByteArrayInputStream(data), 8192), limit);
                case "deflate" -> inflate(data, limit);
                default -> throw new Unsupported(coding);
            };
        }
        return data;
    }

    /** HTTP "deflate" should be zlib-wrapped, but many servers send a raw deflate stream. */
    private static byte[] inflate(byte[] data, long limit) throws IOException {
        Inflater inflater = new Inflater(!looksLikeZlib(data));
        try {
            return readBounded(new InflaterInputStream(new ByteArrayInputStream(data), inflater, 8192), limit);
        } finally {
            inflater.end();
        }
    }

    private static boolean looksLikeZlib(byte[] data) {
        if (data.length < 2) {
            return false;
        }
        int cmf = data[0] & 0xff;
        int flg = data[1] & 0xff;
        return (cmf & 0x0f) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;
    }

    private static byte[] readBounded(InputStream in, long limit) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(chunk)) != -1) {
                total += n;
                if (total > limit) {
                    throw new BoundedBody.TooLarge("decoded body exceeds " + limit + " bytes");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        }
    }
}
