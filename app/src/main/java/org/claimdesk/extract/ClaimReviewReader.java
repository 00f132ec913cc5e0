package org.claimdesk.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.claimdesk.extract.ClaimReviewFile.Found;
import org.claimdesk.extract.ClaimReviewFile.Problem;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads ClaimReview records (schema.org) from a file in any of the shapes fact-checkers publish:
 * a JSON-LD object or an array of them, a {@code @graph}, JSON lines (one record a line), or a
 * saved web page that embeds them in {@code <script type="application/ld+json">}. One bad record
 * never costs the others: each refused record is named (record or line number) with the reason.
 *
 * <p>What varies in the wild and is accepted: {@code @type} as a string or an array, with or
 * without a schema.org prefix; {@code author} as an object, an array or a name, or an {@code @id}
 * pointing elsewhere in the graph; {@code itemReviewed} as a Claim (with appearance and
 * firstAppearance) or a CreativeWork (the older shape, its url the appearance); a reviewRating with
 * only alternateName; dates in ISO and the other shapes {@link LenientDates} reads. Refused: a
 * record without url or claimReviewed, a record over {@link #MAX_RECORD_BYTES}, a file over
 * {@link #MAX_FILE_BYTES}.
 */
public final class ClaimReviewReader {
    /** A file bigger than this is refused whole: bulk exports are split long before (a 2020 Google dump is ~150 MB). */
    public static final long MAX_FILE_BYTES = 200L * 1024 * 1024;
    /** A record bigger than this is not a fact-check but something pasted into one (a page, an image as data). */
    public static final int MAX_RECORD_BYTES = 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    private static final Pattern LANGUAGE_TAG = Pattern.compile("(?i)^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$");
    /** How many of the first lines are tried to tell JSON lines from one pretty-printed value. */
    private static final int LINES_SNIFFED = 5;

    private final long maxFileBytes;
    private final int maxRecordBytes;

    public ClaimReviewReader() {
        this(MAX_FILE_BYTES, MAX_RECORD_BYTES);
    }

    /** With other limits (tests). */
    public ClaimReviewReader(long maxFileBytes, int maxRecordBytes) {
        this.maxFileBytes = maxFileBytes;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Reads one file; throws only when it cannot be read at all (missing, unreadable). */
    public ClaimReviewFile read(Path file) throws IOException {
        Reading reading = new Reading();
        long size = Files.size(file);
        if (size > maxFileBytes) {
            reading.refuse("file", "is " + megabytes(size) + ", over the " + megabytes(maxFileBytes)
                    + " a file may have; nothing was read from it (split it)");
            return reading.result(file);
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String start = text.stripLeading();
        if (start.isEmpty()) {
            reading.refuse("file", "is empty");
        } else if (start.startsWith("<")) {
            readPage(text, reading);
        } else if (looksLikeJsonLines(text)) {
            readLines(text, reading);
        } else {
            readJson(text, reading);
        }
        return reading.result(file);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
    }

    /** Records found so far, refusals and warnings. */
    private final class Reading {
        final List<Found> records = new ArrayList<>();
        final List<Problem> refused = new ArrayList<>();
        final List<Problem> warnings = new ArrayList<>();

        void refuse(String where, String message) {
            refused.add(new Problem(where, message));
        }

        ClaimReviewFile result(Path file) {
            return new ClaimReviewFile(file, records, refused, warnings);
        }

        /** One record's node; a record too big, or not a ClaimReview, or without url or claim, is refused. */
        void record(String where, JsonNode node, Map<String, JsonNode> graph, URI pageAddress, boolean othersAllowed) {
            int bytes = node.toString().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxRecordBytes) {
                refuse(where, "is " + (bytes / 1024) + " KB, over the " + (maxRecordBytes / 1024) + " KB a record may have");
                return;
            }
            JsonNode review = claimReviewIn(node);
            if (review == null) {
                if (!othersAllowed) {
                    refuse(where, "is " + describeType(node) + ", not a ClaimReview");
                }
                return;
            }
            List<String> notes = new ArrayList<>();
            try {
                records.add(new Found(where, toClaimReview(review, graph, pageAddress, notes)));
                notes.forEach(note -> warnings.add(new Problem(where, note)));
            } catch (RefusedRecord e) {
                refuse(where, e.getMessage());
            }
        }
    }

    // ---- the shapes of a file

    /**
     * JSON lines when the first line is a whole object and more follows; or, when the text is not
     * one JSON value (a broken first line), when one of the first lines is a whole object.
     */
    private static boolean looksLikeJsonLines(String text) {
        List<String> first = text.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(LINES_SNIFFED).toList();
        if (first.size() < 2 || !first.getFirst().startsWith("{")) {
            return false;
        }
        if (parsesAsObject(first.getFirst())) {
            return true;
        }
        try {
            JSON.readTree(text);
            return false;
        } catch (JsonProcessingException e) {
            return first.stream().anyMatch(ClaimReviewReader::parsesAsObject);
        }
    }

    private static boolean parsesAsObject(String line) {
        try {
            return JSON.readTree(line).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private void readLines(String text, Reading reading) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = "line " + (i + 1);
            if (line.isEmpty()) {
                continue;
            }
            if (line.getBytes(StandardCharsets.UTF_8).length > maxRecordBytes) {
                reading.refuse(where, "is over the " + (maxRecordBytes / 1024) + " KB a record may have");
                continue;
            }
            try {
                collect(JSON.readTree(line), where, reading, null);
            } catch (JsonProcessingException e) {
                reading.refuse(where, "not valid JSON (" + e.getOriginalMessage() + " at column "
                        + e.getLocation().getColumnNr() + ")");
            }
        }
    }

    /**
     * One JSON value: an array is read element by element, so a bulk export is never held twice
     * and a syntax error part-way keeps the records before it.
     */
    private void readJson(String text, Reading reading) {
        int number = 0; // the array's element being read, from 1; 0 before the array
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                JsonNode value = JSON.readTree(parser);
                if (parser.nextToken() != null) {
                    reading.refuse("file", "has more after its first JSON value at line "
                            + parser.currentTokenLocation().getLineNr() + " (one record a line? then each must fit on its line)");
                }
                collect(value, null, reading, null);
                return;
            }
            number = 1;
            for (JsonToken t = parser.nextToken(); t != null && t != JsonToken.END_ARRAY; t = parser.nextToken(), number++) {
                JsonNode element = JSON.readTree(parser);
                reading.record("record " + number, element, Map.of(), null, false);
            }
        } catch (JsonProcessingException e) {
            String where = number == 0 ? "file" : "record " + number + " and after";
            reading.refuse(where, "not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage() + ")"
                    + (reading.records.isEmpty() ? "" : "; the " + reading.records.size() + " records before it were read"));
        } catch (IOException e) {
            reading.refuse("file", "cannot be read: " + e.getMessage());
        }
    }

    private void readPage(String html, Reading reading) {
        JsonLdScripts.SavedPage page = JsonLdScripts.SavedPage.parse(html);
        int before = reading.records.size() + reading.refused.size();
        for (int i = 0; i < page.scripts().size(); i++) {
            String where = "script " + (i + 1);
            try {
                collect(JSON.readTree(page.scripts().get(i)), where, reading, page.canonical());
            } catch (JsonProcessingException e) {
                reading.refuse(where, "not valid JSON at line " + e.getLocation().getLineNr() + " of the script ("
                        + e.getOriginalMessage() + ")");
            }
        }
        if (reading.records.size() + reading.refused.size() == before) {
            reading.refuse("file", page.scripts().isEmpty() ? "is a web page without JSON-LD (no <script type=\"application/ld+json\">)"
                    : "is a web page whose JSON-LD holds no ClaimReview");
        }
    }

    /**
     * The records in one JSON value: itself, the elements of an array, or the ClaimReviews of a
     * {@code @graph} (where other things, the organisation and the page, are expected and skipped).
     *
     * @param where "line 7" or "script 2" when the value came from one; null for the file's one value
     */
    private void collect(JsonNode value, String where, Reading reading, URI pageAddress) {
        String prefix = where == null ? "" : where + ", ";
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                reading.record(prefix + "record " + (i + 1), value.get(i), Map.of(), pageAddress, pageAddress != null);
            }
        } else if (value.isObject() && value.get("@graph") != null && value.get("@graph").isArray()) {
            JsonNode entries = value.get("@graph");
            Map<String, JsonNode> graph = new HashMap<>();
            entries.forEach(entry -> {
                if (entry.hasNonNull("@id")) graph.put(entry.get("@id").asText(), entry);
            });
            int before = reading.records.size() + reading.refused.size();
            for (int i = 0; i < entries.size(); i++) {
                reading.record(prefix + "record " + (i + 1), entries.get(i), graph, pageAddress, true);
            }
            if (reading.records.size() + reading.refused.size() == before && pageAddress == null) {
                reading.refuse(where == null ? "file" : where, "its @graph holds no ClaimReview");
            }
        } else if (value.isObject()) {
            reading.record(where == null ? "record 1" : where, value, Map.of(), pageAddress, pageAddress != null);
        } else {
            reading.refuse(where == null ? "file" : where, "is a JSON " + value.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", not a ClaimReview object");
        }
    }

    // ---- one record

    /** Thrown for a record that cannot be kept; its message says why. */
    private static final class RefusedRecord extends Exception {
        RefusedRecord(String message) {
            super(message, null, false, false);
        }
    }

    /** The node itself when it is a ClaimReview, or one it names as its main entity or review (a page's shape). */
    private static JsonNode claimReviewIn(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        if (isClaimReview(node)) {
            return node;
        }
        for (String field : List.of("mainEntity", "review")) {
            JsonNode inner = node.get(field);
            if (inner != null && inner.isArray() && !inner.isEmpty()) {
                inner = inner.get(0);
            }
            if (inner != null && inner.isObject() && isClaimReview(inner)) {
                return inner;
            }
        }
        return null;
    }

    /** {@code @type} names ClaimReview (alone, in an array, with a prefix); or no type but a claimReviewed. */
    private static boolean isClaimReview(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return node.hasNonNull("claimReviewed");
        }
        for (JsonNode t : type.isArray() ? type : List.of(type)) {
            if (t.asText().endsWith("ClaimReview")) {
                return true;
            }
        }
        return false;
    }

    private static String describeType(JsonNode node) {
        if (!node.isObject()) {
            return "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        }
        JsonNode type = node.get("@type");
        return type == null ? "an object without @type or claimReviewed" : "a " + (type.isArray() ? type.toString() : type.asText());
    }

    private static ClaimReview toClaimReview(JsonNode node, Map<String, JsonNode> graph, URI pageAddress, List<String> notes)
            throws RefusedRecord {
        String url = address(node.get("url"));
        if (url == null && node.hasNonNull("@id") && node.get("@id").asText().matches("(?i)^https?://.*")) {
            url = node.get("@id").asText();
        }
        if (url == null && pageAddress != null) {
            url = pageAddress.toString();
        }
        if (url == null) {
            throw new RefusedRecord("has no url: a fact-check is known by its address, so it cannot be kept");
        }
        url = url.strip();
        if (!isWebAddress(url)) {
            throw new RefusedRecord("url '" + url + "' is not a web address (http or https)");
        }
        String claim = text(node.get("claimReviewed"));
        if (claim == null) {
            throw new RefusedRecord("has no claimReviewed: there is no claim to match new ones against");
        }
        JsonNode item = first(node.get("itemReviewed"));
        List<String> appearances = new ArrayList<>();
        String firstAppearance = null;
        String claimant = null;
        if (item != null && item.isObject()) {
            claimant = names(item.get("author"), graph);
            JsonNode appearance = item.get("appearance");
            if (appearance != null) {
                for (JsonNode a : appearance.isArray() ? appearance : List.of(appearance)) {
                    String address = address(a);
                    if (address != null) appearances.add(address);
                }
            }
            firstAppearance = address(item.get("firstAppearance"));
            // the older shape: the claim as a CreativeWork, its own address where it appeared
            String own = address(item.get("url"));
            if (own != null && !appearances.contains(own)) appearances.add(own);
        }
        return new ClaimReview(url, claim, firstText(node, "headline", "name"), firstText(node, "reviewBody", "description", "text"),
                rating(node.get("reviewRating"), notes), names(node.get("author"), graph), names(node.get("publisher"), graph),
                date(node, "datePublished", notes), date(node, "dateModified", notes), language(node.get("inLanguage"), notes),
                claimant, appearances, firstAppearance, node.toString());
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).matches("https?") && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * The rating as given. Numbers that do not make one scale (a word in ratingValue, a value
     * outside best and worst, worst not below best) are kept as written with a warning: the words
     * (alternateName) are what an analyst reads anyway.
     */
    private static ClaimReview.Rating rating(JsonNode node, List<String> notes) {
        node = first(node);
        if (node == null || !node.isObject()) {
            notes.add("has no reviewRating: kept without a verdict");
            return null;
        }
        String value = text(node.get("ratingValue"));
        String best = text(node.get("bestRating"));
        String worst = text(node.get("worstRating"));
        String words = text(first(node.get("alternateName")));
        if (words == null) {
            words = text(node.get("name"));
        }
        boolean known = value == null || scaleMakesSense(value, best, worst);
        if (!known) {
            notes.add("rating scale not understood (ratingValue " + quoted(value) + ", bestRating " + quoted(best)
                    + ", worstRating " + quoted(worst) + "): kept as given" + (words == null ? ", without words" : ", with its words \"" + words + "\""));
        } else if (value == null && words == null) {
            notes.add("its reviewRating has neither ratingValue nor alternateName: kept without a verdict");
        }
        return new ClaimReview.Rating(value, best, worst, words, known);
    }

    private static String quoted(String value) {
        return value == null ? "missing" : "\"" + value + "\"";
    }

    /** schema.org: best 5 and worst 1 unless given. */
    private static boolean scaleMakesSense(String value, String best, String worst) {
        Double v = number(value);
        Double b = best == null ? Double.valueOf(5) : number(best);
        Double w = worst == null ? Double.valueOf(1) : number(worst);
        return v != null && b != null && w != null && w < b && v >= w && v <= b;
    }

    private static Double number(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant date(JsonNode node, String field, List<String> notes) {
        String text = text(node.get(field));
        if (text == null) {
            return null;
        }
        Instant date = LenientDates.parse(text);
        if (date == null) {
            notes.add(field + " \"" + text + "\" is not a date we can read: kept without it");
        }
        return date;
    }

    private static String language(JsonNode node, List<String> notes) {
        node = first(node);
        if (node == null) {
            return null;
        }
        String tag = node.isObject() ? firstText(node, "alternateName", "identifier", "name") : text(node);
        if (tag == null) {
            return null;
        }
        if (!LANGUAGE_TAG.matcher(tag).matches()) {
            notes.add("inLanguage \"" + tag + "\" is not a language tag: the language is detected from the claim");
            return null;
        }
        return tag.replace('_', '-').toLowerCase(Locale.ROOT);
    }

    /** Names of an author or publisher: an object, an array of them, a plain name, or an @id into the graph. */
    private static String names(JsonNode node, Map<String, JsonNode> graph) {
        if (node == null || node.isNull()) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode one : node.isArray() ? node : List.of(node)) {
            if (one.isObject() && !one.hasNonNull("name") && one.hasNonNull("@id")) {
                one = graph.getOrDefault(one.get("@id").asText(), one);
            }
            String name = one.isObject() ? text(one.get("name")) : text(one);
            if (name != null) names.add(name);
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    /** An address: a string, or an object with url or @id. */
    private static String address(JsonNode node) {
        node = first(node);
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            return firstText(node, "url", "@id");
        }
        return text(node);
    }

    private static JsonNode first(JsonNode node) {
        if (node != null && node.isArray()) {
            return node.isEmpty() ? null : node.get(0);
        }
        return node;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String text = text(first(node.get(field)));
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** A scalar as text, blank as null; objects and arrays are not text. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
