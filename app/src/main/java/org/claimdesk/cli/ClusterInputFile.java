package org.claimdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.claimdesk.cluster.ClusterItem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the items of {@code claimdesk cluster FILE}: JSON lines, or CSV with a header row (told
 * apart by the first character: '{' is JSON). Columns are matched without regard to case, with the
 * names of common news datasets as aliases. A line that cannot be read is reported with its line
 * number and skipped; an item without a time takes the time of the item before it, unless a time
 * is required.
 */
final class ClusterInputFile {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("id", "id"), Map.entry("time", "time"), Map.entry("timestamp", "time"),
            Map.entry("published", "time"), Map.entry("date", "time"), Map.entry("title", "title"),
            Map.entry("text", "text"), Map.entry("body", "text"), Map.entry("language", "language"),
            Map.entry("lang", "language"), Map.entry("source", "source"), Map.entry("publisher", "source"),
            Map.entry("url", "url"), Map.entry("entities", "entities"));

    /** What reading found besides the items. */
    record Report(int badLines, int withoutTime) {
    }

    private final Consumer<String> problems;
    private final boolean timeRequired;
    private int badLines;
    private int withoutTime;
    private Instant previousTime = Instant.EPOCH;

    /** @param problems receives one message per line that was skipped, {@code FILE:LINE: …} */
    ClusterInputFile(Consumer<String> problems) {
        this(problems, false);
    }

    /** @param timeRequired whether an item without a time is a bad line (a replay cannot place it) */
    ClusterInputFile(Consumer<String> problems, boolean timeRequired) {
        this.problems = problems;
        this.timeRequired = timeRequired;
    }

    Report read(Path file, Consumer<ClusterItem> items) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        boolean json;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c;
            do {
                c = r.read();
            } while (c == '\uFEFF' || (c >= 0 && Character.isWhitespace(c)));
            json = c == '{';
        }
        if (json) {
            readJsonLines(file, items);
        } else {
            readCsv(file, items);
        }
        return new Report(badLines, withoutTime);
    }

    private void readJsonLines(Path file, Consumer<ClusterItem> items) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = mapper.readTree(line);
                    if (!node.isObject()) {
                        throw new IllegalArgumentException("not a JSON object");
                    }
                    Map<String, String> fields = new HashMap<>();
                    List<String> entities = new ArrayList<>();
                    node.properties().forEach(e -> {
                        String key = ALIASES.get(e.getKey().toLowerCase(Locale.ROOT));
                        if ("entities".equals(key) && e.getValue().isArray()) {
                            e.getValue().forEach(v -> entities.add(v.asText()));
                        } else if (key != null && !e.getValue().isNull()) {
                            fields.put(key, e.getValue().asText());
                        }
                    });
                    items.accept(item(fields, entities));
                } catch (JsonProcessingException e) {
                    skip(file, number, "not a JSON object (" + e.getOriginalMessage() + ")");
                } catch (IllegalArgumentException e) {
                    skip(file, number, e.getMessage());
                }
            }
        }
    }

    private void readCsv(Path file, Consumer<ClusterItem> items) throws IOException {
        CsvMapper mapper = CsvMapper.builder()
                .enable(CsvParser.Feature.TRIM_SPACES)
                .enable(CsvParser.Feature.IGNORE_TRAILING_UNMAPPABLE)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .build();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(r)) {
            while (true) {
                // where the reader stands after a row is where the next one starts; the first row is on line 2
                long line = rows.getCurrentLocation() == null ? 2 : Math.max(2, rows.getCurrentLocation().getLineNr());
                try {
                    if (!rows.hasNextValue()) {
                        break;
                    }
                    Map<String, String> row = rows.nextValue();
                    Map<String, String> fields = new HashMap<>();
                    row.forEach((k, v) -> {
                        String key = k == null ? null : ALIASES.get(k.strip().toLowerCase(Locale.ROOT));
                        if (key != null && v != null && !v.isBlank()) {
                            fields.put(key, v);
                        }
                    });
                    String names = fields.remove("entities");
                    items.accept(item(fields, names == null ? List.of() : List.of(names.split("\\s*;\\s*"))));
                } catch (IllegalArgumentException e) {
                    skip(file, line, e.getMessage());
                } catch (IOException | RuntimeException e) {
                    // a broken quote leaves the reader nowhere sensible to go on from
                    String why = String.valueOf(e.getMessage()).contains("quote") ? "a quote that is never closed"
                            : "not CSV the reader can follow";
                    badLines++;
                    problems.accept(file.getFileName() + ":" + line + ": " + why + "; the rest of the file is not read");
                    break;
                }
            }
        }
    }

    private ClusterItem item(Map<String, String> fields, List<String> entities) {
        String id = fields.get("id");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("no id");
        }
        Instant time = parseTime(fields.get("time"));
        if (time == null && timeRequired) {
            throw new IllegalArgumentException("no time");
        }
        if (time == null) {
            withoutTime++;
            time = previousTime;
        }
        previousTime = time;
        return new ClusterItem(id.strip(), time, fields.get("title"), fields.get("text"), fields.get("language"),
                fields.get("source"), fields.get("url"), entities);
    }

    /**
     * ISO-8601 (an instant, a date-time with offset, a date) or a number: epoch milliseconds when
     * it is large, epoch seconds otherwise. Null when absent; a time that cannot be read is a bad line.
     */
    static Instant parseTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit) && v.length() <= 15) {
            long n = Long.parseLong(v);
            return n >= 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time '" + CliText.fit(v, 40) + "' is neither ISO-8601 nor epoch seconds or milliseconds");
        }
    }

    private void skip(Path file, long line, String why) {
        badLines++;
        problems.accept(file.getFileName() + ":" + line + ": " + why + "; line skipped");
    }
}
