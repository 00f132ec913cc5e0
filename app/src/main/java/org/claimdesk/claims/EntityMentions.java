package org.claimdesk.claims;

import org.claimdesk.nlp.NamedEntity;
import org.claimdesk.store.StoredEntity;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where an item's stored entities occur in its text. Analysis keeps one row per distinct
 * name, without offsets (decision 0019); the scorer needs to know which sentence names whom.
 * Every occurrence of a name counts, as a whole word and with the case it was found in: a name
 * CoreNLP tagged once is the same name in the next sentence. Where names overlap ("New York" in
 * "New York Times") the longer one takes the place.
 */
final class EntityMentions {
    private EntityMentions() {
    }

    /** The occurrences in {@code text} of the given names, in text order. */
    static List<NamedEntity> in(String text, List<StoredEntity> entities) {
        if (text == null || text.isEmpty() || entities.isEmpty()) {
            return List.of();
        }
        List<StoredEntity> longestFirst = new ArrayList<>(entities);
        longestFirst.sort(Comparator.comparingInt((StoredEntity e) -> -e.text().length()));
        BitSet taken = new BitSet(text.length());
        List<NamedEntity> found = new ArrayList<>();
        for (StoredEntity entity : longestFirst) {
            if (entity.text().isBlank()) {
                continue;
            }
            Matcher m = pattern(entity.text()).matcher(text);
            while (m.find()) {
                int overlap = taken.nextSetBit(m.start());
                if (overlap >= 0 && overlap < m.end()) {
                    continue;
                }
                taken.set(m.start(), m.end());
                found.add(new NamedEntity(m.group(), entity.type(), m.start(), m.end()));
            }
        }
        found.sort(Comparator.comparingInt(NamedEntity::start));
        return found;
    }

    /**
     * The name as stored (spaces folded to one), matching any run of white space between its
     * words; not inside a longer word, except in scripts written without spaces (Chinese, Japanese).
     */
    private static Pattern pattern(String storedName) {
        String name = storedName.strip();
        StringBuilder regex = new StringBuilder();
        if (needsBoundary(name.codePointAt(0))) {
            regex.append("(?<![\\p{L}\\p{Nd}])");
        }
        String[] words = name.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
        }
        if (needsBoundary(name.codePointBefore(name.length()))) {
            regex.append("(?![\\p{L}\\p{Nd}])");
        }
        return Pattern.compile(regex.toString());
    }

    private static boolean needsBoundary(int codePoint) {
        if (!Character.isLetterOrDigit(codePoint)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
                && script != Character.UnicodeScript.KATAKANA && script != Character.UnicodeScript.THAI;
    }
}
