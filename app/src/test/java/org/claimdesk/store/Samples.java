package org.claimdesk.store;

import org.claimdesk.source.PageSelectors;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Sources and items for store tests. */
final class Samples {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private Samples() {
    }

    static Source feed(String id) {
        return new Source(id, "Feed " + id, URI.create("https://" + id + ".example.org/feed.xml"), SourceKind.FEED,
                "en", List.of("news"), Duration.ofMinutes(30), true, PageSelectors.NONE, false);
    }

    /** An item whose text is long enough to be matched by its hash. */
    static NewItem item(String sourceId, String url, String text) {
        URI uri = url == null ? null : URI.create(url);
        return new NewItem(sourceId, uri, uri, "guid:" + url, "Title of " + url, "A. Writer", text, "en",
                T0, T0.plusSeconds(60), hash(text));
    }

    static String longText(String topic) {
        return ("Report about " + topic + ". ").repeat(20);
    }

    /** Stands in for ContentHash.of: SHA-256 of the text. */
    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
