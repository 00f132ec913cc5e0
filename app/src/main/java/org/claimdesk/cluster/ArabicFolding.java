package org.claimdesk.cluster;

/**
 * Arabic spelling folded the way Lucene's Arabic normaliser and light stemmer do it, in a few
 * lines so that clustering needs neither Lucene nor CoreNLP: marks and tatweel off, the alef, yeh
 * and teh marbuta variants made one, then the article and a few common prefixes and suffixes off
 * (الرئيس and رئيس, والحكومة and حكومة meet).
 */
final class ArabicFolding {
    private static final String[] PREFIXES = {"وال", "بال", "كال", "فال", "لل", "ال"};
    private static final String[] SUFFIXES = {"ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ي"};

    private ArabicFolding() {
    }

    static String fold(CharSequence word) {
        StringBuilder b = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> b.append('ا');
                case 'ى' -> b.append('ي');
                case 'ة' -> b.append('ه');
                case 'ؤ' -> b.append('و');
                case 'ئ' -> b.append('ي');
                default -> {
                    if (!((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640)) {
                        b.append(c);
                    }
                }
            }
        }
        String w = b.toString();
        for (String p : PREFIXES) {
            if (w.length() - p.length() >= 2 && w.startsWith(p)) {
                w = w.substring(p.length());
                break;
            }
        }
        for (String s : SUFFIXES) {
            if (w.length() - s.length() >= 2 && w.endsWith(s)) {
                w = w.substring(0, w.length() - s.length());
                break;
            }
        }
        return w;
    }
}
