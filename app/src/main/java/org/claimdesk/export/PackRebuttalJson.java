package org.claimdesk.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A pack's rebuttals as another ClaimDesk reads them back ({@code rebuttals.json}): every field of
 * {@link PackRebuttal}, times as ISO-8601 instants. The ClaimReview records are for the web; this
 * file is for the importer.
 */
public final class PackRebuttalJson {
    public static final String FILE = "rebuttals.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PackRebuttalJson() {
    }

    public static ArrayNode of(List<PackRebuttal> rebuttals) {
        ArrayNode list = JSON.createArrayNode();
        for (PackRebuttal r : rebuttals) {
            ObjectNode node = list.addObject();
            node.put("id", r.id());
            node.put("language", r.language());
            node.put("claim", r.claim());
            node.put("verdictKey", r.verdictKey());
            node.put("verdictName", r.verdictName());
            node.put("ratingValue", r.ratingValue());
            node.put("worstRating", r.worstRating());
            node.put("bestRating", r.bestRating());
            node.put("shortAnswer", r.shortAnswer());
            node.put("fullText", r.fullText());
            node.put("author", r.author());
            node.put("reviewer", r.reviewer());
            node.put("publishedAt", text(r.publishedAt()));
            node.put("updatedAt", text(r.updatedAt()));
            if (r.translationOf() != null) {
                node.put("translationOf", r.translationOf());
            }
            ArrayNode appearances = node.putArray("appearances");
            for (PackRebuttal.Appearance a : r.appearances()) {
                ObjectNode entry = appearances.addObject();
                entry.put("url", a.url() == null ? null : a.url().toString());
                entry.put("title", a.title());
                entry.put("source", a.source());
                entry.put("seenAt", text(a.seenAt()));
            }
            ArrayNode evidence = node.putArray("evidence");
            for (PackRebuttal.Evidence e : r.evidence()) {
                ObjectNode entry = evidence.addObject();
                entry.put("position", e.position());
                entry.put("url", e.url() == null ? null : e.url().toString());
                if (e.itemId() != null) {
                    entry.put("itemId", e.itemId());
                }
                entry.put("title", e.title());
                entry.put("note", e.note());
                entry.put("takenAt", text(e.takenAt()));
                entry.put("sha256", e.sha256());
                entry.put("contentType", e.contentType());
                entry.put("problem", e.problem());
                entry.put("fileName", e.fileName());
            }
        }
        return list;
    }

    /**
     * The rebuttals of a pack's {@code rebuttals.json}.
     *
     * @throws IllegalArgumentException naming the rebuttal and field that is missing or malformed
     */
    public static List<PackRebuttal> read(JsonNode list) {
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(FILE + " is not a list of rebuttals");
        }
        List<PackRebuttal> read = new ArrayList<>();
        int index = 0;
        for (JsonNode node : list) {
            String where = FILE + " rebuttal " + index++ + ": ";
            try {
                List<PackRebuttal.Appearance> appearances = new ArrayList<>();
                for (JsonNode a : node.path("appearances")) {
                    appearances.add(new PackRebuttal.Appearance(uri(a.path("url")), str(a.path("title")), str(a.path("source")),
                            instant(a.path("seenAt"))));
                }
                List<PackRebuttal.Evidence> evidence = new ArrayList<>();
                for (JsonNode e : node.path("evidence")) {
                    String sha = str(e.path("sha256"));
                    if (sha != null && !sha.matches("[0-9a-f]{64}")) {
                        throw new IllegalArgumentException("evidence sha256 is not a SHA-256");
                    }
                    evidence.add(new PackRebuttal.Evidence(e.path("position").asInt(), uri(e.path("url")),
                            e.hasNonNull("itemId") ? e.get("itemId").asLong() : null, str(e.path("title")),
                            str(e.path("note")), instant(e.path("takenAt")), sha, str(e.path("contentType")),
                            str(e.path("problem")), str(e.path("fileName"))));
                }
                if (!node.path("id").canConvertToLong() || str(node.path("language")) == null || str(node.path("claim")) == null) {
                    throw new IllegalArgumentException("id, language and claim are required");
                }
                read.add(new PackRebuttal(node.get("id").asLong(), str(node.path("language")), str(node.path("claim")),
                        str(node.path("verdictKey")), str(node.path("verdictName")), node.path("ratingValue").asInt(),
                        node.path("worstRating").asInt(), node.path("bestRating").asInt(), str(node.path("shortAnswer")),
                        str(node.path("fullText")), str(node.path("author")), str(node.path("reviewer")),
                        instant(node.path("publishedAt")), instant(node.path("updatedAt")), appearances, evidence,
                        node.hasNonNull("translationOf") ? node.get("translationOf").asLong() : null));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        return read;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String str(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static Instant instant(JsonNode node) {
        String text = str(node);
        return text == null ? null : Instant.parse(text);
    }

    private static URI uri(JsonNode node) {
        String text = str(node);
        return text == null ? null : URI.create(text);
    }
}
