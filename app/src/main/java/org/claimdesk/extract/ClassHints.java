package org.claimdesk.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an element's class, id and role say about it. Names are split into words ("relatedLinks",
 * "share-bar", "sidebar_ad" become related/links, share/bar, sidebar/ad) so that "ad" does not
 * match "header" or "download".
 */
final class ClassHints {
    /** Words that mark boilerplate: removed before scoring unless the element holds the article. */
    private static final Set<String> UNLIKELY_WORDS = Set.of("ad", "ads", "adv", "banner", "breadcrumb",
            "breadcrumbs", "combx", "comment", "comments", "community", "cookie", "cookies", "consent", "disqus",
            "footer", "gdpr", "masthead", "menu", "modal", "nav", "navbar", "navigation", "newsletter", "outbrain",
            "pager", "pagination", "paywall", "popup", "promo", "related", "remark", "replies", "reply", "rss",
            "share", "sharing", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "sponsored",
            "supplemental", "taboola", "toolbar", "widget", "widgets", "signup", "subscribe", "subscription",
            "recommended", "recirc", "trending", "agegate", "legends", "overlay", "jump", "skip");
    /** Word prefixes that mark boilerplate (advert..., sponsor..., recommend...). */
    private static final List<String> UNLIKELY_PREFIXES = List.of("advert", "sponsor", "recommend",
            "newsletter", "subscri", "sharebar", "socialbar", "breadcrumb", "outbrain", "taboola", "comment");
    /** Words that lower a block's score without removing it outright. */
    private static final Set<String> NEGATIVE_WORDS = Set.of("meta", "footnote", "foot", "hidden", "hid",
            "media", "scroll", "shopping", "tag", "tags", "tool", "tools", "contact", "caption", "author",
            "byline", "dateline", "credit", "credits", "print", "email", "login", "signin", "header",
            "masthead", "teaser", "teasers", "more", "rail", "aside", "disclaimer", "copyright", "ticker");
    private static final Set<String> POSITIVE_WORDS = Set.of("article", "articles", "body", "content",
            "entry", "hentry", "main", "page", "post", "text", "blog", "story", "prose", "richtext",
            "articlebody", "storybody", "postbody", "entrycontent", "column", "single", "instapaper");
    private static final Set<String> BOILERPLATE_ROLES = Set.of("navigation", "menu", "menubar",
            "complementary", "banner", "contentinfo", "alert", "alertdialog", "dialog", "search");

    private ClassHints() {
    }

    static List<String> words(Element e) {
        List<String> words = new ArrayList<>();
        split(e.className(), words);
        split(e.id(), words);
        return words;
    }

    private static void split(String name, List<String> out) {
        if (name == null || name.isEmpty()) {
            return;
        }
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary = !Character.isLetterOrDigit(c)
                    || (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1)));
            if (boundary && !word.isEmpty()) {
                out.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            out.add(word.toString().toLowerCase(Locale.ROOT));
        }
    }

    static boolean isUnlikely(Element e) {
        if (BOILERPLATE_ROLES.contains(e.attr("role").toLowerCase(Locale.ROOT))) {
            return true;
        }
        List<String> words = words(e);
        boolean unlikely = false;
        for (String w : words) {
            if (POSITIVE_WORDS.contains(w)) {
                return false;
            }
            if (UNLIKELY_WORDS.contains(w) || startsWithAny(w, UNLIKELY_PREFIXES)) {
                unlikely = true;
            }
        }
        return unlikely;
    }

    /** -25..+25 from class and id words; microdata articleBody counts as strongly positive. */
    static int weight(Element e) {
        int weight = 0;
        List<String> words = words(e);
        boolean negative = false;
        boolean positive = false;
        for (String w : words) {
            if (UNLIKELY_WORDS.contains(w) || NEGATIVE_WORDS.contains(w) || startsWithAny(w, UNLIKELY_PREFIXES)) {
                negative = true;
            }
            if (POSITIVE_WORDS.contains(w)) {
                positive = true;
            }
        }
        if (negative) weight -= 25;
        if (positive) weight += 25;
        String itemprop = e.attr("itemprop");
        if (itemprop.equalsIgnoreCase("articleBody") || itemprop.equalsIgnoreCase("text")) {
            weight += 25;
        }
        return weight;
    }

    private static boolean startsWithAny(String word, List<String> prefixes) {
        for (String p : prefixes) {
            if (word.startsWith(p)) return true;
        }
        return false;
    }
}
