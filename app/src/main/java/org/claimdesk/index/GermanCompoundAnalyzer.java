package org.claimdesk.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * German as {@link GermanAnalyzer} reads it (stop words, normalisation of umlauts and ß, light
 * stemming), plus dictionary decompounding: "Flüchtlingskrise" is also indexed (and queried) as
 * "flüchtling" and "krise", so a compound finds its parts and a part finds the compound.
 *
 * <p>The dictionary is a short list of frequent news nouns kept in this package's resources; a
 * word that is not in it is not split. A full German word list would split more but none ships on
 * Maven Central under a licence we can bundle.
 */
final class GermanCompoundAnalyzer extends Analyzer {
    static final String DICTIONARY = "german-compound-parts.txt";

    private final CharArraySet parts;

    GermanCompoundAnalyzer() {
        this.parts = new CharArraySet(loadParts(), false);
    }

    private static List<String> loadParts() {
        try (InputStream in = GermanCompoundAnalyzer.class.getResourceAsStream(DICTIONARY)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DICTIONARY);
            }
            List<String> words = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DICTIONARY, e);
        }
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new StopFilter(stream, GermanAnalyzer.getDefaultStopSet());
        // before stemming: the dictionary holds the plain lower-case forms; parts are then stemmed too
        stream = new DictionaryCompoundWordTokenFilter(stream, parts, 7, 4, 20, false);
        stream = new GermanNormalizationFilter(stream);
        stream = new GermanLightStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new GermanNormalizationFilter(new LowerCaseFilter(in));
    }
}
