package org.claimdesk.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sentences of real articles by language, read in place from ../shared/fixtures (never copied):
 * the sample articles (en, de, ar, ja), a Russian blog feed of feedparser's suite (ru), and the
 * article texts of Readability's test pages in French (lemonde-1), Spanish (nytimes-5) and
 * Chinese (gmw, qq), plus English and German news pages of that suite. The navigation noise of the sample dumps is left behind: only runs of text that
 * end like a sentence and are long enough to be prose are kept.
 */
final class RealSentences {
    private RealSentences() {
    }

    /** Language → its distinct sentences in reading order. */
    static Map<String, List<String>> load(Path fixtures) {
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        Path samples = fixtures.resolve("sample-articles");
        Path readability = fixtures.resolve("readability-test-pages");
        byLanguage.put("en", join(fromText(read(samples.resolve("en-web-special.txt"))), fromPages(readability,
                "guardian-1", "bbc-1", "nytimes-1", "nytimes-2", "wapo-1", "seattletimes-1")));
        byLanguage.put("de", join(fromText(read(samples.resolve("de-essay.txt"))), fromPages(readability, "heise")));
        byLanguage.put("ar", fromText(read(samples.resolve("ar-news-feature.txt")) + "\n"
                + read(samples.resolve("ar-forum-reply.txt"))));
        byLanguage.put("ja", fromText(read(samples.resolve("ja-essay.txt"))));
        byLanguage.put("ru", fromAtomContent(read(fixtures.resolve(
                "feeds/feedparser-tests/tests/wellformed/sanitize/large_atom_feed_that_needs_css_sanitisation.xml"))));
        byLanguage.put("fr", fromPages(readability, "lemonde-1", "liberation-1"));
        byLanguage.put("es", fromPages(readability, "nytimes-5", "la-nacion", "cnet-svg-classes"));
        byLanguage.put("zh", fromPages(readability, "gmw", "qq"));
        return byLanguage;
    }

    private static List<String> join(List<String> first, List<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /** The paragraphs of Readability's expected article text of these test pages. */
    private static List<String> fromPages(Path readability, String... pages) {
        StringBuilder text = new StringBuilder();
        for (String page : pages) {
            for (Element p : Jsoup.parse(read(readability.resolve(page).resolve("expected.html"))).select("p")) {
                text.append(p.text()).append('\n');
            }
        }
        return fromText(text.toString());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTML inside an Atom feed's {@code <content>} elements. */
    private static List<String> fromAtomContent(String xml) {
        StringBuilder text = new StringBuilder();
        for (Element content : Jsoup.parse(xml, "", Parser.xmlParser()).select("content")) {
            text.append(Jsoup.parse(content.text()).text()).append('\n');
        }
        return fromText(text.toString());
    }

    /** Splits lines into sentences and keeps those that read as prose. */
    static List<String> fromText(String text) {
        Set<String> kept = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            for (String sentence : split(line.replace('\u3000', ' ').strip())) {
                if (isProse(sentence)) {
                    kept.add(sentence);
                }
            }
        }
        return List.copyOf(kept);
    }

    private static List<String> split(String line) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean wide = c == '。' || c == '！' || c == '？';
            boolean narrow = c == '.' || c == '!' || c == '?' || c == '؟';
            int end = i + 1;
            while (end < line.length() && "\"'”’»」』）)".indexOf(line.charAt(end)) >= 0) {
                end++;
            }
            if (wide || narrow && (end == line.length() || Character.isWhitespace(line.charAt(end)))) {
                sentences.add(line.substring(start, end).strip());
                start = end;
                i = end - 1;
            }
        }
        return sentences;
    }

    private static boolean isProse(String sentence) {
        int letters = 0;
        int cjk = 0;
        for (int i = 0; i < sentence.length(); ) {
            int cp = sentence.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                        || script == Character.UnicodeScript.KATAKANA) {
                    cjk++;
                }
            }
        }
        int shortest = cjk * 2 > letters ? 20 : 60;
        return sentence.length() >= shortest && sentence.length() <= 700 && letters * 10 >= sentence.length() * 7;
    }
}
