package org.claimdesk.extract;

import org.claimdesk.source.PageSelectors;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SectionPageTest {
    private static final URI PAGE = URI.create("https://www.example.org/world");
    private final SectionPage sectionPage = new SectionPage();

    private static byte[] fixture() throws IOException {
        try (InputStream in = SectionPageTest.class.getResourceAsStream("/extract/section-page.html")) {
            return in.readAllBytes();
        }
    }

    @Test
    void automaticLinksAreSameSiteArticlesInPageOrderWithoutDuplicatesOrFurniture() throws Exception {
        assertThat(sectionPage.articleLinks(fixture(), "text/html", PAGE, PageSelectors.NONE)).containsExactly(
                URI.create("https://www.example.org/world/2024/05/02/ceasefire-talks-resume-in-cairo"),
                URI.create("https://www.example.org/world/africa/drought-spreads-across-horn-of-africa-region"),
                URI.create("https://www.example.org/story/123456"),
                URI.create("https://www.example.org/%D8%A7%D9%84%D8%B9%D8%A7%D9%84%D9%85/%D9%85%D9%81%D8%A7%D9%88%D8%B6%D8%A7%D8%AA-%D9%88%D9%82%D9%81-%D8%A7%D9%84%D9%86%D8%A7%D8%B1-%D8%AA%D8%B3%D8%AA%D8%A3%D9%86%D9%81"),
                URI.create("https://www.example.org/world/2024/05/01/earlier-article-about-the-economy"));
    }

    @Test
    void selectorPicksLinksInsideMatchedElementsOrMatchedLinks() throws Exception {
        PageSelectors inside = new PageSelectors("ul.latest", null, null, null, null);
        assertThat(sectionPage.articleLinks(fixture(), null, PAGE, inside)).containsExactly(
                URI.create("https://www.example.org/world/2024/05/01/earlier-article-about-the-economy"));

        // The selector is trusted: it may pick links automatic mode would not (tag pages, other sites).
        PageSelectors anchors = new PageSelectors(".teasers h2 > a[href*=tag], .teasers a[href*=other-site]", null, null, null, null);
        assertThat(sectionPage.articleLinks(fixture(), null, PAGE, anchors)).containsExactly(
                URI.create("https://www.example.org/tag/elections"),
                URI.create("https://other-site.example.com/2024/05/02/someone-elses-article-about-things"));
    }

    @Test
    void selectorMatchingNothingFallsBackToAutomatic() throws Exception {
        PageSelectors stale = new PageSelectors(".old-layout a", null, null, null, null);
        assertThat(sectionPage.articleLinks(fixture(), null, PAGE, stale)).hasSize(5);
    }

    @Test
    void invalidSelectorAndNonHtmlAreClearErrors() {
        assertThatThrownBy(() -> sectionPage.articleLinks(fixture(), null, PAGE, new PageSelectors("a[[", null, null, null, null)))
                .isInstanceOf(ExtractException.class).hasMessageContaining("articleLinks selector \"a[[\"");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        assertThatThrownBy(() -> sectionPage.articleLinks(png, null, PAGE, PageSelectors.NONE))
                .isInstanceOf(ExtractException.class).hasMessageContaining("PNG");
    }

    @Test
    void urlHeuristicsTellArticlesFromListings() {
        assertThat(SectionPage.looksLikeArticle(URI.create("https://e.com/2024/05/02/short"))).isTrue();
        assertThat(SectionPage.looksLikeArticle(URI.create("https://e.com/news/world-leaders-meet-in-geneva"))).isTrue();
        assertThat(SectionPage.looksLikeArticle(URI.create("https://e.com/news/article-4512398.html"))).isTrue();
        assertThat(SectionPage.looksLikeArticle(URI.create("https://e.com/?p=1234"))).isTrue();
        assertThat(SectionPage.looksLikeArticle(URI.create("https://e.com/news/"))).isFalse();
        assertThat(SectionPage.looksLikeArticle(URI.create("https://e.com/category/world-news-and-more-things"))).isFalse();
        assertThat(SectionPage.looksLikeArticle(URI.create("https://e.com/"))).isFalse();
        assertThat(SectionPage.sameSite("www.example.org", "example.org")).isTrue();
        assertThat(SectionPage.sameSite("example.org", "example.org.evil.com")).isFalse();
    }
}
