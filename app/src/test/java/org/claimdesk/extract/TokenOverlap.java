package org.claimdesk.extract;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;

/**
 * The one definition of how extracted text is compared with a reference text.
 *
 * <p>Tokens: the text is NFKC-normalised and lower-cased; a token is a maximal run of letters,
 * digits and combining marks (so Arabic words keep their diacritics), except that every Han
 * ideograph and every kana is a token by itself, because Chinese and Japanese do not separate
 * words with spaces. Punctuation and whitespace separate tokens and are not tokens.
 *
 * <p>Texts are compared as bags (multisets) of tokens: overlap is the sum over tokens of the
 * smaller of the two counts; precision = overlap / extracted tokens, recall = overlap /
 * reference tokens, F1 their harmonic mean. Shared by the extraction quality test and the
 * loopback-world benchmark ({@code ingest.ArticleWorldBench}).
 */
public record TokenOverlap(double precision, double recall, double f1) {

    public static TokenOverlap of(String extracted, String reference) {
        Map<String, Integer> got = bag(tokens(extracted));
        Map<String, Integer> want = bag(tokens(reference));
        int gotTotal = got.values().stream().mapToInt(Integer::intValue).sum();
        int wantTotal = want.values().stream().mapToInt(Integer::intValue).sum();
        int overlap = 0;
        for (var entry : got.entrySet()) {
            overlap += Math.min(entry.getValue(), want.getOrDefault(entry.getKey(), 0));
        }
        double precision = gotTotal == 0 ? 0 : (double) overlap / gotTotal;
        double recall = wantTotal == 0 ? 0 : (double) overlap / wantTotal;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new TokenOverlap(precision, recall, f1);
    }

    static List<String> tokens(String text) {
        String normalised = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < normalised.length(); ) {
            int cp = normalised.codePointAt(i);
            i += Character.charCount(cp);
            if (TextMeasure.isCjk(cp)) {
                flush(word, tokens);
                tokens.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
                word.appendCodePoint(cp);
            } else {
                flush(word, tokens);
            }
        }
        flush(word, tokens);
        return tokens;
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (!word.isEmpty()) {
            tokens.add(word.toString());
            word.setLength(0);
        }
    }

    private static Map<String, Integer> bag(List<String> tokens) {
        Map<String, Integer> bag = new HashMap<>();
        for (String t : tokens) {
            bag.merge(t, 1, Integer::sum);
        }
        return bag;
    }
}
