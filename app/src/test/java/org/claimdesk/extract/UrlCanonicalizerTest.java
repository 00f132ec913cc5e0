package org.claimdesk.extract;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class UrlCanonicalizerTest {

    private static String canonical(String url) {
        return UrlCanonicalizer.canonical(URI.create(url)).toString();
    }

    @Test
    void lowerCasesSchemeAndHostButNotPath() {
        assertThat(canonical("HTTPS://News.Example.COM/World/Story")).isEqualTo("https://news.example.com/World/Story");
    }

    @Test
    void dropsUserNameAndPassword() {
        assertThat(canonical("http://user:password@Example.com/a")).isEqualTo("http://example.com/a");
        assertThat(canonical("https://token@example.com:8443/a?b=1")).isEqualTo("https://example.com:8443/a?b=1");
        assertThat(canonical("http://user:pw@under_score.example/a")).isEqualTo("http://under_score.example/a");
    }

    @Test
    void dropsDefaultPortsKeepsOthers() {
        assertThat(canonical("http://example.com:80/a")).isEqualTo("http://example.com/a");
        assertThat(canonical("https://example.com:443/a")).isEqualTo("https://example.com/a");
        assertThat(canonical("http://example.com:8080/a")).isEqualTo("http://example.com:8080/a");
        assertThat(canonical("https://example.com:80/a")).isEqualTo("https://example.com:80/a");
    }

    @Test
    void dropsFragmentAndTrackingParametersKeepsOthersInOrder() {
        assertThat(canonical("https://e.com/a?utm_source=tw&b=2&fbclid=XYZ&a=1&gclid=1&UTM_Medium=x&mc_cid=3&igshid=4#top"))
                .isEqualTo("https://e.com/a?b=2&a=1");
        assertThat(canonical("https://e.com/a?dclid=1&msclkid=2&mc_eid=3&_ga=4&ref_src=twsrc&yclid=5"))
                .isEqualTo("https://e.com/a");
        assertThat(canonical("https://e.com/a?")).isEqualTo("https://e.com/a");
        assertThat(canonical("https://e.com/a?x=1&&y=2")).isEqualTo("https://e.com/a?x=1&y=2");
        assertThat(canonical("https://e.com/search?q=a%26b&page=2")).isEqualTo("https://e.com/search?q=a%26b&page=2");
    }

    @Test
    void emptyPathBecomesSlashAndDotSegmentsGo() {
        assertThat(canonical("https://e.com")).isEqualTo("https://e.com/");
        assertThat(canonical("https://e.com?id=3")).isEqualTo("https://e.com/?id=3");
        assertThat(canonical("https://e.com/a/./b/../c")).isEqualTo("https://e.com/a/c");
    }

    @Test
    void percentEncodingIsMadeConsistent() {
        assertThat(canonical("https://e.com/%7euser/caf%c3%a9")).isEqualTo("https://e.com/~user/caf%C3%A9");
        assertThat(canonical("https://e.com/a%2Fb")).isEqualTo("https://e.com/a%2Fb");
        // Arabic path: encoded form kept, hex upper-cased, so two spellings of one link compare equal
        assertThat(UrlCanonicalizer.canonical(URI.create("https://e.com/%d8%a7%d9%84")))
                .isEqualTo(UrlCanonicalizer.canonical(URI.create("https://E.com/%D8%A7%D9%84#x")));
    }

    @Test
    void sameArticleThroughDifferentLinksIsOneUrl() {
        assertThat(canonical("HTTP://WWW.Example.org:80/news/2024/story.html?utm_campaign=x#comments"))
                .isEqualTo(canonical("http://www.example.org/news/2024/story.html"));
    }

    @Test
    void leavesNonWebAndRelativeUrlsAlone() {
        assertThat(canonical("mailto:desk@example.org")).isEqualTo("mailto:desk@example.org");
        assertThat(canonical("/relative/path?utm_source=x")).isEqualTo("/relative/path?utm_source=x");
    }
}
