package org.claimdesk.claims;

import org.claimdesk.nlp.EntityType;
import org.claimdesk.nlp.NamedEntity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the scorer sees of one sentence: which cues it shows, each with the text that showed it
 * (the window's explanation), and its distinct words for the language's word weights.
 *
 * @param language the language whose cue words were looked for ("und" when unknown)
 * @param cues     the cues present, each with the first piece of text that showed it
 * @param words    the distinct normalised words, in order of first appearance
 */
public record SentenceFeatures(String language, Map<Cue, String> cues, List<String> words) {
    /** Longer sentences are looked at up to here: past it nothing changes a score, and scoring stays cheap. */
    static final int MAX_CHARS = 2_000;
    static final int SHORT_WORDS = 5;
    static final int LONG_WORDS = 35;

    private static final Pattern NUMBER = Pattern.compile("\\p{Nd}+(?:[.,]\\p{Nd}+)*");
    private static final Pattern YEAR = Pattern.compile("(?<!\\p{Nd})(?:1[89]|20)\\p{Nd}{2}(?!\\p{Nd})");
    private static final Pattern CJK_DATE = Pattern.compile("\\p{Nd}+\\s*[年月日]");
    private static final Pattern PERCENT = Pattern.compile("[%\u066A\uFF05]");
    private static final Pattern MONEY = Pattern.compile("[$€£¥₽₹₺]|\\bUSD\\b|\\bEUR\\b");
    private static final Pattern QUOTE = Pattern.compile("[\"“”«»„「」『』]");
    private static final Pattern QUESTION_END = Pattern.compile("[?\u061F\uFF1F][\\s\"'”»」)]*$");
    private static final Pattern LINK = Pattern.compile("https?://\\S+|www\\.\\S+");
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{Nd}])@\\w+");
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{Nd}&])#[\\p{L}\\p{Nd}_]+");
    private static final Pattern CAPITALISED = Pattern.compile("(?<=[\\s(\"“])(\\p{Lu}[\\p{Ll}]+)");

    public SentenceFeatures {
        cues = Collections.unmodifiableMap(new EnumMap<>(cues.isEmpty() ? new EnumMap<>(Cue.class) : cues));
        words = List.copyOf(words);
    }

    /**
     * The features of one sentence.
     *
     * @param language the sentence's language tag ("en", "ar"...), or "und"
     * @param entities the named entities inside this sentence (any offsets), or an empty list
     *                 where the language has no entity model or none were looked for
     */
    public static SentenceFeatures of(String sentence, String language, List<NamedEntity> entities) {
        String text = sentence.length() > MAX_CHARS ? sentence.substring(0, MAX_CHARS) : sentence;
        String lang = language == null || language.isBlank() ? "und" : language;
        Map<Cue, String> cues = new EnumMap<>(Cue.class);
        List<String> allWords = SentenceWords.of(text);
        markPattern(cues, Cue.LINK, LINK, text);
        String withoutLinks = LINK.matcher(text).replaceAll(" ");
        markPattern(cues, Cue.MENTION, MENTION, withoutLinks);
        markPattern(cues, Cue.HASHTAG, HASHTAG, withoutLinks);
        markPattern(cues, Cue.PERCENT, PERCENT, withoutLinks);
        markPattern(cues, Cue.MONEY, MONEY, withoutLinks);
        markPattern(cues, Cue.DATE, YEAR, withoutLinks);
        markPattern(cues, Cue.DATE, CJK_DATE, withoutLinks);
        markPattern(cues, Cue.NUMBER, NUMBER, MENTION.matcher(withoutLinks).replaceAll(" "));
        markPattern(cues, Cue.QUOTE, QUOTE, withoutLinks);
        markPattern(cues, Cue.QUESTION, QUESTION_END, text.strip());
        if (withoutLinks.indexOf('!') >= 0 || withoutLinks.indexOf('\uFF01') >= 0) {
            cues.putIfAbsent(Cue.OPINION, "!");
        }
        for (NamedEntity entity : entities) {
            Cue cue = cueOf(entity.type());
            cues.putIfAbsent(cue, entity.text());
        }
        // always looked for, entities or not: the one stand-in for names where a language has no entity model
        Matcher capitalised = CAPITALISED.matcher(withoutLinks);
        while (capitalised.find()) {
            if (!capitalised.group(1).equals("I")) {
                cues.putIfAbsent(Cue.PROPER_NAME, capitalised.group(1));
                break;
            }
        }
        markLexicon(cues, lang, allWords, SentenceWords.normaliseText(text));
        if (cues.containsKey(Cue.QUOTE) && cues.containsKey(Cue.REPORTING)) {
            cues.put(Cue.ATTRIBUTED_QUOTE, cues.get(Cue.REPORTING));
        }
        int length = CueLexicon.matchesSubstrings(lang) ? text.codePointCount(0, text.length()) / 2 : allWords.size();
        if (length < SHORT_WORDS) {
            cues.put(Cue.SHORT, length + (length == 1 ? " word" : " words"));
        } else if (length > LONG_WORDS) {
            cues.put(Cue.LONG, length + " words");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String word : allWords) {
            if (!word.chars().allMatch(Character::isDigit)) {
                distinct.add(word);
            }
        }
        return new SentenceFeatures(lang, cues, List.copyOf(distinct));
    }

    private static Cue cueOf(EntityType type) {
        return switch (type) {
            case PERSON -> Cue.PERSON;
            case ORGANIZATION -> Cue.ORGANIZATION;
            case LOCATION -> Cue.LOCATION;
            case MISC -> Cue.OTHER_NAME;
            case DATE, TIME -> Cue.DATE;
            case MONEY -> Cue.MONEY;
            case PERCENT -> Cue.PERCENT;
        };
    }

    private static void markPattern(Map<Cue, String> cues, Cue cue, Pattern pattern, String text) {
        if (cues.containsKey(cue)) {
            return;
        }
        Matcher m = pattern.matcher(text);
        if (m.find()) {
            cues.put(cue, m.group().strip());
        }
    }

    private static void markLexicon(Map<Cue, String> cues, String language, List<String> words, String normalisedText) {
        Map<Cue, List<String>> lexicon = CueLexicon.of(language);
        if (lexicon.isEmpty()) {
            return;
        }
        boolean substrings = CueLexicon.matchesSubstrings(language);
        String padded = " " + String.join(" ", words) + " ";
        String first = words.isEmpty() ? "" : words.getFirst();
        for (Map.Entry<Cue, List<String>> entry : lexicon.entrySet()) {
            Cue cue = entry.getKey();
            if (cues.containsKey(cue)) {
                continue;
            }
            boolean atStartOnly = CueLexicon.AT_START.contains(cue) && !substrings;
            for (String phrase : entry.getValue()) {
                if (matches(phrase, substrings, atStartOnly, padded, first, words, normalisedText)) {
                    cues.put(cue, phrase.endsWith("*") ? phrase.substring(0, phrase.length() - 1) + "…" : phrase);
                    break;
                }
            }
        }
    }

    private static boolean matches(String phrase, boolean substrings, boolean atStartOnly, String padded,
                                   String first, List<String> words, String normalisedText) {
        if (phrase.isEmpty()) {
            return false;
        }
        if (substrings) {
            return normalisedText.contains(phrase);
        }
        boolean prefix = phrase.endsWith("*");
        String stem = prefix ? phrase.substring(0, phrase.length() - 1) : phrase;
        if (atStartOnly) {
            return prefix ? first.startsWith(stem) : (padded.startsWith(" " + stem + " "));
        }
        if (prefix && stem.indexOf(' ') < 0) {
            for (String word : words) {
                if (word.startsWith(stem)) {
                    return true;
                }
            }
            return false;
        }
        return padded.contains(" " + stem + " ");
    }
}
