package org.claimdesk.source;

import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Source ids: short, stable, file-name-safe names that items remember their source by. */
public final class SourceIds {
    /** Lower-case ASCII letters and digits, then also '.', '_' and '-'. */
    public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    public static final int MAX_LENGTH = 64;
    private static final Pattern NOT_ID = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SourceIds() {
    }

    public static boolean isValid(String id) {
        return id.length() <= MAX_LENGTH && PATTERN.matcher(id).matches();
    }

    /**
     * An id made from a title (accents dropped, e.g. "Le Monde – Les Décodeurs" gives
     * "le-monde-les-decodeurs") or, for titles with no Latin letters, from the URL's host; made
     * unique against {@code taken} by a numeric suffix. Does not add the result to {@code taken}.
     */
    public static String derive(String title, URI url, Set<String> taken) {
        String base = slug(title == null ? "" : title);
        if (base.isEmpty() && url != null && url.getHost() != null) {
            base = slug(url.getHost().replaceFirst("^www\\.", ""));
        }
        if (base.isEmpty()) {
            base = "source";
        }
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            String suffix = "-" + n;
            id = base.substring(0, Math.min(base.length(), MAX_LENGTH - suffix.length())) + suffix;
        }
        return id;
    }

    private static String slug(String text) {
        String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String s = NOT_ID.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        s = s.replaceAll("^-+|-+$", "");
        if (s.length() > 40) {
            s = s.substring(0, 40).replaceAll("-+$", "");
        }
        return s;
    }
}
