package org.claimdesk.rebuttals;

import org.claimdesk.nlp.ArabicSpelling;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds where an item quotes a rebuttal's short answer: a run of at least {@link #WORDS_FOR_A_QUOTE}
 * words of the answer, in the answer's order, in the item's text. Words are compared after
 * folding what varies in copying: case, accents and Arabic diacritics and spelling variants
 * ({@link ArabicSpelling}), full-width forms, Arabic-Indic digits, punctuation and spacing.
 * Scripts written without spaces (Chinese, Japanese, Thai …) are read a character at a time, two
 * characters counting as a word, so a Japanese quote needs 16 characters. Words the answer shares
 * with the claim it answers do not count towards a quote: repeating the claim is not quoting the
 * answer. An answer shorter than that needs all its own words quoted, and one under
 * {@link #SHORTEST_QUOTABLE} words is too short to tell a quote from chance.
 */
public final class QuoteFinder {
    /** Words in a row that make a quote. */
    public static final int WORDS_FOR_A_QUOTE = 8;
    /** An answer with fewer words of its own than this is never recognised as quoted. */
    public static final int SHORTEST_QUOTABLE = 5;
    /** Tokens that seed the search for a common run (then extended as far as it goes). */
    private static final int SEED = 4;

    /** A stretch of an item's text that quotes the answer, as written there. */
    public record Quote(String text, double words) {
    }

    private final List<Token> answer;
    private final boolean[] sharedWithClaim;
    private final double needed;
    private final Map<Long, List<Integer>> seeds = new HashMap<>();

    /**
     * @param shortAnswer the rebuttal's short answer
     * @param claim       the claim it answers (its words do not count towards a quote), or null
     */
    public QuoteFinder(String shortAnswer, String claim) {
        this.answer = tokens(shortAnswer == null ? "" : shortAnswer);
        this.sharedWithClaim = new boolean[answer.size()];
        if (claim != null && !claim.isBlank()) {
            List<Token> claimTokens = tokens(claim);
            indexSeeds(claimTokens);
            for (Run run : runs(claimTokens, answer)) {
                for (int i = run.inB; i < run.inB + run.length; i++) {
                    sharedWithClaim[i] = true;
                }
            }
            seeds.clear();
        }
        double own = 0;
        for (int i = 0; i < answer.size(); i++) {
            own += sharedWithClaim[i] ? 0 : answer.get(i).weight;
        }
        this.needed = own < SHORTEST_QUOTABLE ? Double.POSITIVE_INFINITY : Math.min(WORDS_FOR_A_QUOTE, own);
        indexSeeds(answer);
    }

    /** The longest stretch of the text that quotes the answer, if one is long enough. */
    public Optional<Quote> in(String text) {
        if (text == null || text.isEmpty() || needed == Double.POSITIVE_INFINITY) {
            return Optional.empty();
        }
        List<Token> item = tokens(text);
        Quote best = null;
        for (Run run : runs(answer, item)) {
            double words = 0;
            for (int i = run.inA; i < run.inA + run.length; i++) {
                words += sharedWithClaim[i] ? 0 : answer.get(i).weight;
            }
            if (words >= needed - 1e-9 && (best == null || words > best.words())) {
                Token first = item.get(run.inB);
                Token last = item.get(run.inB + run.length - 1);
                best = new Quote(text.substring(first.start, last.end), words);
            }
        }
        return Optional.ofNullable(best);
    }

    private record Token(String form, int start, int end, double weight) {
    }

    /** A run of equal tokens: at {@code inA} in the indexed tokens and {@code inB} in the others. */
    private record Run(int inA, int inB, int length) {
    }

    private void indexSeeds(List<Token> tokens) {
        int seed = Math.min(SEED, tokens.size());
        for (int i = 0; i + seed <= tokens.size() && seed > 0; i++) {
            seeds.computeIfAbsent(key(tokens, i, seed), k -> new ArrayList<>()).add(i);
        }
    }

    /** Every maximal run the indexed tokens {@code a} share with {@code b}, as long as a seed at least. */
    private List<Run> runs(List<Token> a, List<Token> b) {
        int seed = Math.min(SEED, a.size());
        List<Run> runs = new ArrayList<>();
        for (int j = 0; seed > 0 && j + seed <= b.size(); j++) {
            for (int i : seeds.getOrDefault(key(b, j, seed), List.of())) {
                if (i > 0 && j > 0 && a.get(i - 1).form.equals(b.get(j - 1).form)) {
                    continue; // inside a run found from an earlier start
                }
                int length = 0;
                while (length < seed && a.get(i + length).form.equals(b.get(j + length).form)) {
                    length++;
                }
                if (length < seed) {
                    continue; // the keys of two different seeds collided
                }
                while (i + length < a.size() && j + length < b.size() && a.get(i + length).form.equals(b.get(j + length).form)) {
                    length++;
                }
                runs.add(new Run(i, j, length));
            }
        }
        return runs;
    }

    /** A hash of {@code length} tokens' forms: seeds are compared by it, then word by word. */
    private static long key(List<Token> tokens, int from, int length) {
        long key = 1;
        for (int i = from; i < from + length; i++) {
            key = key * 1_000_003L + tokens.get(i).form.hashCode();
        }
        return key;
    }

    /** Words (letters, digits and the marks on them) and single characters of scripts written without spaces. */
    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (unspaced(cp)) {
                String form = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
                tokens.add(new Token(form, i, next, 0.5));
                i = next;
            } else if (wordChar(cp)) {
                int end = next;
                while (end < text.length() && wordChar(text.codePointAt(end)) && !unspaced(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                String form = fold(text.substring(i, end));
                if (!form.isEmpty()) {
                    tokens.add(new Token(form, i, end, 1));
                }
                i = end;
            } else {
                i = next;
            }
        }
        return tokens;
    }

    private static String fold(String word) {
        if (word.chars().allMatch(c -> c < 128)) {
            return word.toLowerCase(Locale.ROOT); // most words of most items: nothing else to fold
        }
        // each normalisation only when it changes something: most words need none of them
        String folded = Normalizer.isNormalized(word, Normalizer.Form.NFKC) ? word : Normalizer.normalize(word, Normalizer.Form.NFKC);
        folded = ArabicSpelling.normalise(folded);
        if (!Normalizer.isNormalized(folded, Normalizer.Form.NFD)) {
            folded = Normalizer.normalize(folded, Normalizer.Form.NFD);
        }
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                return; // accents and the like: copied text often loses or changes them
            }
            int digit = Character.isDigit(cp) ? Character.digit(cp, 10) : -1;
            if (digit >= 0) {
                out.append((char) ('0' + digit));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean wordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Scripts written without spaces between words: each character is a token. */
    private static boolean unspaced(int cp) {
        if (cp == 0x30FC || cp == 0x3005) {
            return true; // the katakana long vowel mark and the ideographic iteration mark
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, TIBETAN -> Character.isLetterOrDigit(cp)
                    || Character.getType(cp) == Character.NON_SPACING_MARK;
            default -> false;
        };
    }
}
