package org.claimdesk.rebuttals;

import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short answer's length as each platform counts it, against its limit: so the analyst sees at
 * once where it fits. Counted as the platforms document it: X weighs characters (up to U+10FF —
 * Latin, Greek, Cyrillic, Hebrew, Arabic… — once, Japanese, Chinese, emoji and the rest twice;
 * twitter-text's configuration v3) and any link as 23; Mastodon counts
 * characters with a link as 23; Bluesky counts graphemes (what a reader sees as one character).
 */
public final class ShortAnswerLength {
    /** One platform's count of the text, and its limit. */
    public record Fit(String platform, int length, int limit) {
        public boolean fits() {
            return length <= limit;
        }
    }

    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final int LINK_LENGTH = 23;

    private ShortAnswerLength() {
    }

    /** X (280 weighted), Bluesky (300 graphemes), Mastodon (500), Threads (500 characters). */
    public static List<Fit> of(String text) {
        String value = text == null ? "" : text.strip();
        return List.of(
                new Fit("X", xWeighted(value), 280),
                new Fit("Bluesky", graphemes(value), 300),
                new Fit("Mastodon", withLinksAs23(value), 500),
                new Fit("Threads", graphemes(value), 500));
    }

    /** Characters as readers see them: an emoji with its modifiers, a letter with its accents, is one. */
    static int graphemes(String text) {
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        int count = 0;
        while (characters.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }

    static int withLinksAs23(String text) {
        Matcher links = LINK.matcher(text);
        int length = 0;
        int last = 0;
        while (links.find()) {
            length += text.codePointCount(last, links.start()) + LINK_LENGTH;
            last = links.end();
        }
        return length + text.codePointCount(last, text.length());
    }

    /**
     * X's weighted length: code points in the ranges its configuration lists (U+0000–U+10FF and
     * some general punctuation) weigh 1, all others (CJK, emoji…) 2; a link weighs 23.
     */
    static int xWeighted(String text) {
        Matcher links = LINK.matcher(text);
        int weight = 0;
        int last = 0;
        while (links.find()) {
            weight += weigh(text.substring(last, links.start())) + LINK_LENGTH;
            last = links.end();
        }
        return weight + weigh(text.substring(last));
    }

    private static int weigh(String part) {
        return part.codePoints().map(cp -> (cp <= 0x10FF || (cp >= 0x2000 && cp <= 0x200D) || (cp >= 0x2010 && cp <= 0x201F)
                || (cp >= 0x2032 && cp <= 0x2037)) ? 1 : 2).sum();
    }
}
