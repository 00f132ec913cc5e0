package org.claimdesk.extract;

import org.claimdesk.testing.SharedFixtures;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test corpus of Python's feedparser (../shared/fixtures/feeds/feedparser-tests): over 2,000
 * small documents, many deliberately broken or hostile. Every one must be parsed or refused with
 * an ExtractException within a time limit, nothing else. Each file's header comment says what a
 * parser should find ({@code Expect: not bozo and feed['title'] == u'(backslash)u...'}); we check the
 * simple field comparisons that map onto ParsedFeed/FeedEntry.
 *
 * <p>Not checked (categories): bozo/encoding/version flags (we have no such outputs), *_detail,
 * tags, enclosures, contributors, itunes/psc/geo/media extensions, dates as Python tuples, feed
 * fields we do not keep (tagline, copyright, info, rights, generator...), expressions with
 * "or"/"!="/"not"/chained comparisons. Run with -Dfeedparser.verbose to list every refusal.
 */
class FeedparserSuiteTest {

    private static final long SECONDS_PER_FILE = 5;
    private static final Pattern HEADER_BLOCK = Pattern.compile("<!--(.*?)-->", Pattern.DOTALL);
    /** A comparison of one field with a string literal, standing alone between "and"s. */
    private static final Pattern CLAUSE = Pattern.compile(
            "(?<!== )(?<!not )(feed|entries\\[0\\])\\['(\\w+)'\\]\\s*==\\s*(u?'(?:[^'\\\\]|\\\\.)*'|u?\"(?:[^\"\\\\]|\\\\.)*\")(?=\\s*(?:$|and\\b|\\)))");

    private final FeedParser parser = new FeedParser();

    @Test
    void everyFileIsParsedOrRefusedCleanlyAndStatedExpectationsHold() throws Exception {
        Path tests = SharedFixtures.require("feeds/feedparser-tests").resolve("tests");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tests)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        Map<String, Stats> byDir = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<String> failedExpectations = new ArrayList<>();
        ExecutorService worker = newWorker();
        try {
            for (Path file : files) {
                String rel = tests.relativize(file).toString();
                Stats stats = byDir.computeIfAbsent(rel.substring(0, rel.indexOf('/')), d -> new Stats());
                byte[] body = Files.readAllBytes(file);
                Header header = Header.of(body);
                URI base = header.contentLocation != null ? URI.create(header.contentLocation)
                        : URI.create("http://127.0.0.1:8097/tests/" + rel);
                Future<ParsedFeed> result = worker.submit(() -> parser.parse(body, header.contentType, base));
                ParsedFeed feed = null;
                try {
                    feed = result.get(SECONDS_PER_FILE, TimeUnit.SECONDS);
                    stats.parsed++;
                } catch (TimeoutException hung) {
                    result.cancel(true);
                    problems.add(rel + ": no answer within " + SECONDS_PER_FILE + " s");
                    worker.shutdownNow();
                    worker = newWorker();
                    continue;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ExtractException refused) {
                        stats.refused++;
                        if (System.getProperty("feedparser.verbose") != null) {
                            System.out.println("  refused " + rel + ": " + refused.getMessage());
                        }
                        assertThat(refused.getMessage()).as(rel).isNotBlank();
                    } else {
                        problems.add(rel + ": " + e.getCause());
                        continue;
                    }
                }
                for (Clause clause : header.clauses) {
                    Object actual = clause.actual(feed);
                    if (actual == Clause.NOT_CHECKED) {
                        continue;
                    }
                    stats.checked++;
                    if (clause.agrees(actual)) {
                        stats.passed++;
                    } else {
                        failedExpectations.add(rel + ": " + clause + " but got "
                                + (feed == null ? "refused" : "'" + actual + "'"));
                    }
                }
            }
        } finally {
            worker.shutdownNow();
        }

        Stats total = new Stats();
        byDir.forEach((dir, s) -> {
            System.out.printf("feedparser %-10s %s%n", dir, s);
            total.add(s);
        });
        System.out.printf("feedparser total      %s%n", total);
        failedExpectations.forEach(f -> System.out.println("  expectation failed: " + f));

        assertThat(problems).isEmpty();
        assertThat(total.parsed + total.refused).isEqualTo(files.size()).isGreaterThan(2000);
        Stats encoding = byDir.get("encoding");
        // Every text expectation a file with a stated or detectable encoding makes holds: no mojibake.
        assertThat(encoding.checked).isGreaterThanOrEqualTo(8);
        assertThat(encoding.passed).isEqualTo(encoding.checked);
        Stats entities = byDir.get("entities");
        assertThat(entities.passed).isGreaterThanOrEqualTo(243);
        // Measured 927 of 1020 (90.9 %). Known categories of failure: truncated files in entities/
        // ("</rss" without '>', refused as malformed); Atom base64 content (Rome does not decode
        // it, and fails on Atom 0.3's); feeds in foreign namespaces or CDF (refused: not RSS/Atom);
        // feedparser-only mappings (itunes:*, media:*, dc:creator as author with an author
        // present, "name (email)" authors, Content-Language header); relative ids (we keep ids
        // as the feed gives them); summary vs description precedence; MathML/SVG-only content.
        assertThat(total.checked).isGreaterThanOrEqualTo(1000);
        assertThat(total.passed).isGreaterThanOrEqualTo(925);
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "feedparser-suite");
            t.setDaemon(true); // a hung parse must not keep the test JVM alive
            return t;
        });
    }

    private static final class Stats {
        int parsed;
        int refused;
        int checked;
        int passed;

        void add(Stats other) {
            parsed += other.parsed;
            refused += other.refused;
            checked += other.checked;
            passed += other.passed;
        }

        @Override
        public String toString() {
            return String.format("%4d parsed, %3d refused; expectations passed %d of %d checked",
                    parsed, refused, passed, checked);
        }
    }

    /** What the file's leading comment says: HTTP headers to simulate and the expectations. */
    private record Header(String contentType, String contentLocation, List<Clause> clauses) {
        static Header of(byte[] body) {
            String text = commentText(body);
            Matcher block = HEADER_BLOCK.matcher(text);
            if (!block.find()) {
                return new Header(null, null, List.of());
            }
            String contentType = null;
            String contentLocation = null;
            List<Clause> clauses = new ArrayList<>();
            for (String line : block.group(1).split("\\R")) {
                String l = line.strip();
                if (l.regionMatches(true, 0, "Header:", 0, 7)) {
                    String h = l.substring(7).strip();
                    if (h.regionMatches(true, 0, "Content-type:", 0, 13)) {
                        contentType = h.substring(13).strip();
                    } else if (h.regionMatches(true, 0, "Content-Location:", 0, 17)) {
                        contentLocation = h.substring(17).strip();
                    }
                } else if (l.startsWith("Expect:") && !l.contains(" or ")) {
                    Matcher m = CLAUSE.matcher(l.substring(7).strip());
                    while (m.find()) {
                        clauses.add(new Clause(m.group(1), m.group(2), pythonString(m.group(3))));
                    }
                }
            }
            return new Header(contentType, contentLocation, clauses);
        }

        /** The comment is ASCII in every encoding family we meet; UTF-16/32 need decoding first. */
        private static String commentText(byte[] body) {
            int zeros = 0;
            for (int i = 0; i < Math.min(body.length, 64); i++) {
                if (body[i] == 0) {
                    zeros++;
                }
            }
            if (zeros == 0) {
                return new String(body, StandardCharsets.ISO_8859_1);
            }
            String[] candidates = {"UTF-32BE", "UTF-32LE", "UTF-16BE", "UTF-16LE"};
            for (String name : candidates) {
                String text = new String(body, Charset.forName(name));
                if (text.contains("Expect:")) {
                    return text;
                }
            }
            return "";
        }
    }

    /** One {@code feed['x'] == '...'} comparison. */
    private record Clause(String scope, String field, String expected) {
        static final Object NOT_CHECKED = new Object();

        /** Our value for the field, or NOT_CHECKED when we keep no such field. */
        Object actual(ParsedFeed feed) {
            boolean entry = scope.startsWith("entries");
            if (feed == null) {
                return isChecked(entry) ? "<refused>" : NOT_CHECKED;
            }
            if (entry && feed.entries().isEmpty()) {
                return isChecked(true) ? "<no entries>" : NOT_CHECKED;
            }
            if (!entry) {
                return switch (field) {
                    case "title" -> feed.title();
                    case "link" -> Objects.toString(feed.link(), null);
                    case "language" -> feed.language();
                    default -> NOT_CHECKED;
                };
            }
            FeedEntry e = feed.entries().getFirst();
            return switch (field) {
                case "title" -> e.title();
                case "description", "summary" -> e.summary() != null ? e.summary() : e.content();
                case "link" -> Objects.toString(e.link(), null);
                case "id" -> e.id();
                case "author" -> e.author();
                default -> NOT_CHECKED;
            };
        }

        private boolean isChecked(boolean entry) {
            return entry ? List.of("title", "description", "summary", "link", "id", "author").contains(field)
                    : List.of("title", "link", "language").contains(field);
        }

        /**
         * feedparser keeps sanitised HTML in text fields; we keep plain text. Compare the plain text
         * of its value (markup removed, entities decoded, whitespace collapsed), or its exact value
         * for fields that are not text.
         */
        String expectedPlain() {
            if (List.of("link", "id", "language").contains(field)) {
                return expected;
            }
            String plain = Jsoup.parseBodyFragment(expected).body().text().strip();
            return plain.isEmpty() ? null : plain;
        }

        /**
         * Plain text of feedparser's value; or its exact value, which is right where the feed
         * marks the text as plain (Atom type="text" keeps "&lt;blink&gt;" as text). Languages
         * compare case-insensitively ("en-us" is "en-US"). NBSP is compared as a space because
         * jsoup's text() turns it into one.
         */
        boolean agrees(Object actual) {
            if (!(actual instanceof String ours)) {
                return actual == null && expectedPlain() == null;
            }
            if (field.equals("language")) {
                return ours.equalsIgnoreCase(expected);
            }
            String nbspAsSpace = ours.replace('\u00A0', ' ');
            return ours.equals(expected) || nbspAsSpace.equals(expectedPlain())
                    || nbspAsSpace.equals(expected.replace('\u00A0', ' ').strip());
        }

        @Override
        public String toString() {
            return scope + "['" + field + "'] == '" + expected + "'";
        }
    }

    /** A Python string literal: quotes removed, backslash-u, backslash-x and the usual escapes decoded. */
    static String pythonString(String literal) {
        String body = literal.startsWith("u") ? literal.substring(1) : literal;
        body = body.substring(1, body.length() - 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                continue;
            }
            char next = body.charAt(++i);
            switch (next) {
                case 'u' -> {
                    out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'U' -> {
                    out.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 9), 16));
                    i += 8;
                }
                case 'x' -> {
                    out.append((char) Integer.parseInt(body.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
