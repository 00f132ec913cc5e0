package org.claimdesk.cluster;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns an item into its {@link ItemFeatures}, learning document frequencies as it goes. */
final class FeatureExtractor {
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>()\\[\\]]+", Pattern.CASE_INSENSITIVE);
    /** Words every address is made of: they say where a page sits, not what it is about. */
    private static final Set<String> ADDRESS_WORDS = Set.of("www", "http", "https", "html", "htm", "php", "aspx",
            "news", "article", "articles", "story", "stories", "index", "com", "org", "net", "blog", "item", "id");
    private static final char WORD = 'w';
    private static final char NUMBER = 'n';
    private static final char NAME = 'e';
    private static final char NAME_KEY = 'k';
    private static final char CONCEPT = 'c';
    /** A name the analysis found keys on two consonants (Gaza: ks); a word that may be one, on three. */
    private static final int NAME_KEY_CONSONANTS = 2;
    private static final int WORD_KEY_CONSONANTS = 3;

    private final ClusterTokenizer tokenizer = new ClusterTokenizer();
    private final NewsLexicon lexicon;
    private final StreamingIdf idf;
    private final ClusterSettings settings;

    FeatureExtractor(ClusterSettings settings) {
        this.settings = settings;
        this.idf = new StreamingIdf(settings.idfTableBits());
        this.lexicon = settings.conceptWeight() > 0 ? NewsLexicon.load() : null;
    }

    ItemFeatures features(ClusterItem item) {
        TermCounts counts = new TermCounts();
        String lang = item.language();
        ClusterTokenizer.Tokens title = tokenizer.tokens(item.title(), lang);
        String body = cap(item.text());
        ClusterTokenizer.Tokens text = tokenizer.tokens(body, lang);
        addWords(title.words(), lang, settings.titleWeight(), counts);
        addWords(text.words(), lang, 1.0, counts);
        for (String w : addressWords(item.url(), lang)) {
            counts.add(term(WORD, w), settings.addressWordWeight());
        }
        for (List<String> numbers : List.of(title.numbers(), text.numbers())) {
            for (String number : numbers) {
                if (number.length() >= 2) {
                    counts.add(term(NUMBER, number), settings.numberWeight());
                }
            }
        }
        for (String name : item.entities()) {
            String folded = name.strip().toLowerCase(Locale.ROOT);
            if (!folded.isEmpty()) {
                counts.add(term(NAME, folded), settings.entityWeight());
            }
        }
        crossScriptTerms(item, title, text, body, counts);
        int[] terms = counts.terms();
        idf.add(terms);
        float[] weights = new float[terms.length];
        double norm = 0;
        for (int i = 0; i < terms.length; i++) {
            double w = counts.weight(i) * Math.max(0, idf.idf(terms[i]));
            weights[i] = (float) w;
            norm += w * w;
        }
        sortByTerm(terms, weights);
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < weights.length; i++) {
                weights[i] *= inv;
            }
        }
        TermVector vector = new TermVector(terms, weights);
        int[] order = vector.heaviest(terms.length);
        int[] index = new int[Math.min(settings.lookupTerms(), order.length)];
        for (int i = 0; i < index.length; i++) {
            index[i] = terms[order[i]];
        }
        // a term no item before this one used is in no cluster: looking it up finds nothing, and the
        // rarest words of a headline are exactly those, so the look-up takes the heaviest known ones
        int[] query = new int[index.length];
        int known = 0;
        for (int i = 0; i < order.length && known < query.length; i++) {
            if (idf.frequency(terms[order[i]]) > 1) {
                query[known++] = terms[order[i]];
            }
        }
        return new ItemFeatures(item.id(), item.time(), vector, Arrays.copyOf(query, known), index, links(item));
    }

    /**
     * What the same story shares in any language and script: the keys of names (الموصل, モスル and
     * Mosul meet) from the entities and from the words of scripts where the analysis finds none, and
     * the news concepts of the lexicon (Staudamm, سد and ダム meet), title weighted as title words.
     */
    private void crossScriptTerms(ClusterItem item, ClusterTokenizer.Tokens title, ClusterTokenizer.Tokens text,
                                  String body, TermCounts counts) {
        double keyWeight = settings.nameKeyWeight();
        if (keyWeight > 0) {
            for (String name : item.entities()) {
                NameKeys.ofName(name, NAME_KEY_CONSONANTS, k -> counts.add(term(NAME_KEY, k), keyWeight));
            }
            NameKeys.ofText(item.title(), WORD_KEY_CONSONANTS,
                    k -> counts.add(term(NAME_KEY, k), keyWeight * settings.titleWeight() / 2));
            NameKeys.ofText(body, WORD_KEY_CONSONANTS, k -> counts.add(term(NAME_KEY, k), keyWeight / 2));
        }
        if (lexicon != null) {
            double conceptWeight = settings.conceptWeight();
            lexicon.phraseConcepts(item.title().toLowerCase(Locale.ROOT), item.language(),
                    c -> counts.add(term(CONCEPT, c), conceptWeight * settings.titleWeight()));
            lexicon.phraseConcepts(body.toLowerCase(Locale.ROOT), item.language(),
                    c -> counts.add(term(CONCEPT, c), conceptWeight));
        }
    }

    /**
     * A word the lexicon knows counts as its concept instead of itself: in one language that is a
     * small synonym list (killed, dead, deaths), across languages it is what meets. As an extra term
     * beside the word it weighed generic news words double and cost 0.02 pairwise F1 on the English
     * UCI stories.
     */
    private void addWords(List<String> words, String lang, double weight, TermCounts counts) {
        for (String w : words) {
            String concept = lexicon == null ? null : lexicon.conceptOf(w, lang);
            if (concept == null) {
                counts.add(term(WORD, w), weight);
            } else {
                counts.add(term(CONCEPT, concept), weight * settings.conceptWeight());
            }
        }
    }

    /** A very long text (a 100,000-character paste) would cost time and say nothing the start does not. */
    private String cap(String text) {
        return text.length() <= settings.maxTextChars() ? text : text.substring(0, settings.maxTextChars());
    }

    /** The words of an address's path ("…/chrysler-will-recall-25000-jeeps/"): often a second headline. */
    private List<String> addressWords(String url, String lang) {
        String path = pathOf(url);
        if (path == null) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String w : tokenizer.tokens(path.replace('+', ' '), lang).words()) {
            if (!ADDRESS_WORDS.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    private static String pathOf(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return URI.create(url.strip().replace(" ", "%20").replace("\\", "")).getPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The item's own address and the outside addresses in its text, as host and path. */
    static List<String> links(ClusterItem item) {
        Set<String> links = new LinkedHashSet<>();
        String own = canonicalLink(item.url());
        if (own != null) {
            links.add(own);
        }
        Matcher m = LINK.matcher(item.text());
        while (m.find() && links.size() < 20) {
            String link = canonicalLink(m.group());
            if (link != null) {
                links.add(link);
            }
        }
        return List.copyOf(links);
    }

    /** Host without "www." and path without its end slash; query and fragment off; null for a bare site. */
    static String canonicalLink(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip().replace(" ", "%20").replace("\\", ""));
            String host = uri.getHost();
            String path = uri.getPath();
            if (host == null || path == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            // a site's front page is where everything links; only a page says which story
            return path.isEmpty() ? null : host + path;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static int term(char kind, String value) {
        int h = value.hashCode() * 31 + kind;
        // spread the bits: String.hashCode of short words clusters in the low bits
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static void sortByTerm(int[] terms, float[] weights) {
        long[] packed = new long[terms.length];
        for (int i = 0; i < terms.length; i++) {
            packed[i] = ((long) terms[i] << 32) | (Float.floatToRawIntBits(weights[i]) & 0xffffffffL);
        }
        Arrays.sort(packed);
        for (int i = 0; i < terms.length; i++) {
            terms[i] = (int) (packed[i] >> 32);
            weights[i] = Float.intBitsToFloat((int) packed[i]);
        }
    }

    /** Raw weighted counts of one item's terms; a handful to a few hundred, so a linear scan is fine. */
    private static final class TermCounts {
        private int[] terms = new int[32];
        private double[] counts = new double[32];
        private int size;
        private final java.util.HashMap<Integer, Integer> slots = new java.util.HashMap<>();

        void add(int term, double weight) {
            Integer slot = slots.get(term);
            if (slot == null) {
                if (size == terms.length) {
                    terms = Arrays.copyOf(terms, size * 2);
                    counts = Arrays.copyOf(counts, size * 2);
                }
                slots.put(term, size);
                terms[size] = term;
                counts[size++] = weight;
            } else {
                counts[slot] += weight;
            }
        }

        int[] terms() {
            return Arrays.copyOf(terms, size);
        }

        /** Sub-linear: a word said five times is not five times the story. */
        double weight(int i) {
            return counts[i] <= 1 ? counts[i] : 1 + Math.log(counts[i]);
        }
    }
}
