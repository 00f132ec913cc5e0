package org.claimdesk.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A small bilingual lexicon of the words that carry news stories (dam, flood, vaccine, election,
 * killed, …) in the languages the desk analyses, so that "Staudamm", "barrage", "سد" and "ダム" give
 * one concept term. Read from {@code news-lexicon.tsv} beside this class, which says where its
 * words come from. Forms are compared with the words as {@link ClusterTokenizer} made them (stemmed,
 * Arabic folded); a form ending in * matches words that start with it, a German form also matches
 * as the end of a compound, and forms of several words or in Japanese match anywhere in the text.
 */
final class NewsLexicon {
    private static final String RESOURCE = "news-lexicon.tsv";
    private static final int MIN_AFFIX_MATCH = 4;

    /** One language's forms. */
    private static final class Forms {
        final Map<String, String> words = new HashMap<>();
        final Map<String, String> prefixes = new HashMap<>();
        final TreeSet<Integer> prefixLengths = new TreeSet<>();
        final List<String[]> phrases = new ArrayList<>();
    }

    private final Map<String, Forms> byLanguage = new HashMap<>();

    private NewsLexicon() {
    }

    /** The lexicon shipped with the clusterer. */
    static NewsLexicon load() {
        try (InputStream in = NewsLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static NewsLexicon read(BufferedReader reader) throws IOException {
        NewsLexicon lexicon = new NewsLexicon();
        ClusterTokenizer tokenizer = new ClusterTokenizer();
        String[] languages = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (languages == null) {
                languages = cells;
                continue;
            }
            for (int c = 1; c < cells.length && c < languages.length; c++) {
                Forms forms = lexicon.byLanguage.computeIfAbsent(languages[c], k -> new Forms());
                for (String form : cells[c].split("\\|")) {
                    lexicon.add(forms, form.strip().toLowerCase(Locale.ROOT), cells[0], languages[c], tokenizer);
                }
            }
        }
        return lexicon;
    }

    private void add(Forms forms, String form, String concept, String language, ClusterTokenizer tokenizer) {
        if (form.isEmpty()) {
            return;
        }
        boolean prefix = form.endsWith("*");
        String bare = prefix ? form.substring(0, form.length() - 1) : form;
        List<String> words = tokenizer.tokens(bare, language).words();
        boolean cjk = bare.codePoints().anyMatch(ClusterTokenizer::isCjk);
        if (cjk || words.size() != 1) {
            forms.phrases.add(new String[] {bare, concept});
        } else if (prefix) {
            forms.prefixes.put(words.getFirst(), concept);
            forms.prefixLengths.add(words.getFirst().length());
        } else {
            forms.words.put(words.getFirst(), concept);
        }
    }

    /** The concept a word (as {@link ClusterTokenizer} made it) names in a language; null when none. */
    String conceptOf(String word, String language) {
        Forms forms = forms(language);
        if (forms == null) {
            return null;
        }
        String concept = forms.words.get(word);
        if (concept == null && !forms.prefixLengths.isEmpty()) {
            for (int len : forms.prefixLengths) {
                if (len > word.length()) {
                    break;
                }
                concept = forms.prefixes.get(word.substring(0, len));
                if (concept != null) {
                    break;
                }
            }
        }
        // the last part of a German compound says what it is: Staudamm is a Damm
        boolean german = "de".equalsIgnoreCase(language);
        for (int k = 1; concept == null && german && word.length() - k >= MIN_AFFIX_MATCH; k++) {
            concept = forms.words.get(word.substring(k));
        }
        return concept;
    }

    /** The concepts named by forms that match anywhere in a text (several words, Japanese), lower-cased. */
    void phraseConcepts(String lowerText, String language, Consumer<String> out) {
        Forms forms = forms(language);
        if (forms == null) {
            return;
        }
        for (String[] phrase : forms.phrases) {
            if (lowerText.contains(phrase[0])) {
                out.accept(phrase[1]);
            }
        }
    }

    private Forms forms(String language) {
        return byLanguage.get(language == null ? "en" : language.toLowerCase(Locale.ROOT));
    }
}
