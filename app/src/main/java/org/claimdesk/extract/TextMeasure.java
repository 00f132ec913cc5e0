package org.claimdesk.extract;

/**
 * Script-aware text measures for scoring blocks. Chinese and Japanese have no spaces and use their
 * own commas and stops; Arabic has its own comma; counting only ASCII commas and characters would
 * make those pages look like boilerplate.
 */
final class TextMeasure {
    private TextMeasure() {
    }

    /** Clause and sentence separators across scripts: , ， 、 。 ، ؛ ; ． */
    static int clauseMarks(CharSequence text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case ',', '\uFF0C', '\u3001', '\u3002', '\u060C', '\u061B', '\uFF0E', '\uFF1B' -> count++;
                default -> {
                }
            }
        }
        return count;
    }

    /**
     * Length in "Latin-equivalent" characters: an ideograph or kana carries about as much as two
     * or three Latin letters, so each counts as two.
     */
    static int weightedLength(CharSequence text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            length += isCjk(c) ? 2 : 1;
        }
        return length;
    }

    static boolean isCjk(int c) {
        return (c >= 0x3040 && c <= 0x30FF)      // hiragana, katakana
                || (c >= 0x3400 && c <= 0x4DBF)  // CJK extension A
                || (c >= 0x4E00 && c <= 0x9FFF)  // CJK unified ideographs
                || (c >= 0xF900 && c <= 0xFAFF)  // compatibility ideographs
                || (c >= 0x20000 && c <= 0x2FA1F)
                || (c >= 0x31F0 && c <= 0x31FF)  // katakana extensions
                || (c >= 0xFF66 && c <= 0xFF9F); // half-width katakana
    }

    /** Whether the text ends like a sentence in any of the scripts we meet. */
    static boolean endsLikeSentence(String text) {
        String t = text.stripTrailing();
        if (t.isEmpty()) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        return switch (last) {
            case '.', '!', '?', '\u3002', '\uFF01', '\uFF1F', '\u061F', '\u06D4', '"', '\u201D', '\u300D', ')' -> true;
            default -> false;
        };
    }
}
