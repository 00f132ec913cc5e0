package org.claimdesk.nlp;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells the language of a text with Lingua, restricted to the languages ClaimDesk's users watch
 * (a detector for every language costs ~1.1 GB of heap; this set costs a few hundred MB at most).
 *
 * <p>Pages mix languages: an Arabic article comes wrapped in English menu items and share
 * buttons. The body wins: first the script with the most letters is found and only the lines
 * written mainly in it are kept (the script-consistent portion); then each of those lines is
 * classified on its own and the languages vote, weighted by each line's letter count, so a
 * long paragraph outweighs many short menu lines in the same script.
 *
 * <p>Thread-safe. The Lingua detector is built on first use (or by {@link #warmUp()}); call that
 * off the UI thread.
 */
public final class LanguageDetector {
    private static final Logger log = LoggerFactory.getLogger(LanguageDetector.class);

    /** The languages told apart. Urdu, Hebrew, Ukrainian, Dutch, Polish and Korean are there so
     *  that text in them is not forced onto a near neighbour (Persian, Russian, German...). */
    static final Set<Language> LANGUAGES = Set.of(
            Language.ARABIC, Language.ENGLISH, Language.GERMAN, Language.JAPANESE, Language.FRENCH,
            Language.SPANISH, Language.RUSSIAN, Language.PERSIAN, Language.TURKISH, Language.CHINESE,
            Language.ITALIAN, Language.PORTUGUESE,
            Language.URDU, Language.HEBREW, Language.UKRAINIAN, Language.DUTCH, Language.POLISH, Language.KOREAN);

    /** Fewer letters than this in the body: too short to tell, the hint decides. */
    static final int TOO_SHORT_LETTERS = 20;
    /** Lines shorter than this take part only when the body has no longer line. */
    private static final int MIN_VOTING_LINE_LETTERS = 20;
    /** Enough body text has been read to decide once this many letters have voted. */
    private static final int ENOUGH_LETTERS = 4000;
    /** A detection is called reliable when the body has this many letters... */
    private static final int RELIABLE_LETTERS = 60;
    /** A long paragraph's letters: a longer line weighs as much as this in {@link #scriptConsistentBody}. */
    private static final long PARAGRAPH_LETTERS = 400;
    /** ...and the winning language has at least this share of the vote. */
    private static final double RELIABLE_SHARE = 0.6;

    private final Object buildLock = new Object();
    private volatile com.github.pemistahl.lingua.api.LanguageDetector lingua;

    /** Builds the detector now (0.5–1 s); otherwise the first {@link #detect} does. */
    public void warmUp() {
        detector();
    }

    /**
     * The language of {@code text}; {@code hint} (the feed's or source's language, may be null or
     * blank, "en-GB" and "ar_EG" forms accepted) is used only when the text is too short to tell.
     */
    public DetectedLanguage detect(String text, String hint) {
        String hintTag = normalizeHint(hint);
        String body = scriptConsistentBody(text == null ? "" : text);
        int bodyLetters = countLetters(body);
        if (bodyLetters < TOO_SHORT_LETTERS) {
            return fallback(hintTag);
        }
        Map<Language, Integer> votes = vote(body);
        if (votes.isEmpty()) {
            return fallback(hintTag);
        }
        Map.Entry<Language, Integer> best = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        int total = votes.values().stream().mapToInt(Integer::intValue).sum();
        boolean reliable = bodyLetters >= RELIABLE_LETTERS && best.getValue() >= RELIABLE_SHARE * total;
        return new DetectedLanguage(tagOf(best.getKey()), reliable, DetectedLanguage.Basis.TEXT);
    }

    private Map<Language, Integer> vote(String body) {
        List<String> lines = body.lines().filter(l -> countLetters(l) > 0).toList();
        boolean anyLongLine = lines.stream().anyMatch(l -> countLetters(l) >= MIN_VOTING_LINE_LETTERS);
        Map<Language, Integer> votes = new EnumMap<>(Language.class);
        if (!anyLongLine) {
            // Only short lines (a headline and a caption, say): judge them together.
            addVote(votes, String.join(" ", lines));
            return votes;
        }
        int counted = 0;
        for (String line : lines) {
            int letters = countLetters(line);
            if (letters < MIN_VOTING_LINE_LETTERS) {
                continue;
            }
            addVote(votes, line);
            counted += letters;
            if (counted >= ENOUGH_LETTERS) {
                break;
            }
        }
        return votes;
    }

    private void addVote(Map<Language, Integer> votes, String text) {
        Language language = detector().detectLanguageOf(text);
        if (language != Language.UNKNOWN) {
            votes.merge(language, countLetters(text), Integer::sum);
        }
    }

    /**
     * The lines written mainly in the body's script. Each line weighs its letters squared: an
     * article is a few long paragraphs, boilerplate (menus, cookie notices, footers) many short
     * lines, so a short Arabic article still outweighs more English letters spread over a page's
     * navigation. Past a paragraph's length a line weighs no more, so one long quotation in
     * another script does not outweigh an article of many paragraphs.
     */
    static String scriptConsistentBody(String text) {
        Map<ScriptGroup, Long> weight = new EnumMap<>(ScriptGroup.class);
        text.lines().forEach(line -> {
            ScriptGroup script = dominantScript(line);
            if (script != null) {
                long letters = Math.min(countLetters(line), PARAGRAPH_LETTERS);
                weight.merge(script, letters * letters, Long::sum);
            }
        });
        if (weight.size() <= 1) {
            return text;
        }
        ScriptGroup bodyScript = weight.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        StringBuilder body = new StringBuilder(text.length());
        text.lines().filter(line -> dominantScript(line) == bodyScript).forEach(line -> body.append(line).append('\n'));
        return body.toString();
    }

    private static ScriptGroup dominantScript(String line) {
        Map<ScriptGroup, Integer> letters = new EnumMap<>(ScriptGroup.class);
        line.codePoints().filter(Character::isLetter).forEach(cp -> letters.merge(ScriptGroup.of(cp), 1, Integer::sum));
        return letters.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    static int countLetters(String text) {
        return (int) text.codePoints().filter(Character::isLetter).count();
    }

    private static DetectedLanguage fallback(String hintTag) {
        return hintTag == null ? DetectedLanguage.undetermined()
                : new DetectedLanguage(hintTag, false, DetectedLanguage.Basis.HINT);
    }

    static String normalizeHint(String hint) {
        if (hint == null || hint.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(hint.strip().replace('_', '-')).getLanguage();
        return language.isEmpty() ? null : language;
    }

    private static String tagOf(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    private com.github.pemistahl.lingua.api.LanguageDetector detector() {
        var built = lingua;
        if (built == null) {
            synchronized (buildLock) {
                built = lingua;
                if (built == null) {
                    long started = System.nanoTime();
                    built = LanguageDetectorBuilder.fromLanguages(LANGUAGES.toArray(Language[]::new))
                            .withMinimumRelativeDistance(0.05)
                            .build();
                    lingua = built;
                    log.info("Language detector for {} languages built in {} ms", LANGUAGES.size(),
                            (System.nanoTime() - started) / 1_000_000);
                }
            }
        }
        return built;
    }

    /** Scripts that separate the candidate languages; Han and kana count as one (Japanese mixes them). */
    enum ScriptGroup {
        LATIN, ARABIC, CYRILLIC, CJK, HANGUL, HEBREW, OTHER;

        static ScriptGroup of(int codePoint) {
            return switch (Character.UnicodeScript.of(codePoint)) {
                case LATIN -> LATIN;
                case ARABIC -> ARABIC;
                case CYRILLIC -> CYRILLIC;
                case HAN, HIRAGANA, KATAKANA -> CJK;
                case HANGUL -> HANGUL;
                case HEBREW -> HEBREW;
                default -> OTHER;
            };
        }
    }
}
