package org.claimdesk.nlp;

/**
 * Arabic spelling variants folded to one form, for matching words whose writing varies in news
 * and social media: diacritics and tatweel dropped, alef with hamza or madda to bare alef, alef
 * maqsura to ya, ta marbuta to ha (the folding Lucene's ArabicNormalizer does, in plain Java so
 * that code outside the index can match the same way). Other text passes unchanged.
 */
public final class ArabicSpelling {
    private ArabicSpelling() {
    }

    public static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640') {
                continue; // harakat, superscript alef, tatweel
            }
            out.append(switch (c) {
                case '\u0622', '\u0623', '\u0625', '\u0671' -> '\u0627';
                case '\u0649' -> '\u064A';
                case '\u0629' -> '\u0647';
                default -> c;
            });
        }
        return out.toString();
    }
}
