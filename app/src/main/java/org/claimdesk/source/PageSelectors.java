package org.claimdesk.source;

/**
 * CSS selectors (jsoup syntax) for sites that automatic extraction does not handle well.
 * Every field is optional (null): what is not given is found automatically.
 *
 * @param articleLinks on a section page, the links to follow to articles
 * @param title        on an article page, the headline
 * @param byline       on an article page, the author line
 * @param date         on an article page, the publication date (a {@code datetime} attribute or text)
 * @param body         on an article page, the element(s) holding the article text
 */
public record PageSelectors(String articleLinks, String title, String byline, String date, String body) {
    public static final PageSelectors NONE = new PageSelectors(null, null, null, null, null);

    public boolean isEmpty() {
        return articleLinks == null && title == null && byline == null && date == null && body == null;
    }
}
