package org.claimdesk.rebuttals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A link to the published answer, however a post writes it, and nothing that only looks like one. */
class PublishedAddressTest {
    static final PublishedAddress ANSWER = PublishedAddress.of(URI.create("https://factcheck.example.org/2026/dam-holds/"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Read this: https://factcheck.example.org/2026/dam-holds/ before sharing | https://factcheck.example.org/2026/dam-holds/",
            "http://factcheck.example.org/2026/dam-holds?utm_source=x&utm_medium=social. | http://factcheck.example.org/2026/dam-holds?utm_source=x&utm_medium=social",
            "(see HTTPS://WWW.FactCheck.example.org/2026/dam-holds) | HTTPS://WWW.FactCheck.example.org/2026/dam-holds",
            "factcheck.example.org/2026/dam-holds#top, they say | factcheck.example.org/2026/dam-holds#top",
            "السد سليم، انظر https://factcheck.example.org/2026/dam-holds/، والمهندسون | https://factcheck.example.org/2026/dam-holds/",
            "ダムは無事です→https://factcheck.example.org/2026/dam-holdsをご覧ください | https://factcheck.example.org/2026/dam-holds"})
    void aLinkIsFoundAsWritten(String text, String link) {
        assertThat(ANSWER.linkIn(text)).contains(link);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://factcheck.example.org/2026/dam-holds-not",
            "https://factcheck.example.org/2026/",
            "https://notfactcheck.example.org/2026/dam-holds",
            "https://mirror.factcheck.example.org/2026/dam-holds",
            "https://factcheck.example.org/2026/dam-holds?page=2",
            "The dam holds, says factcheck.example.org"})
    void otherAddressesAreNotIt(String text) {
        assertThat(ANSWER.linkIn(text)).isEmpty();
    }

    @Test
    void onlyWebAddressesArePublishedAddresses() {
        assertThat(PublishedAddress.parse(" https://example.org/a ")).isEqualTo(URI.create("https://example.org/a"));
        assertThatThrownBy(() -> PublishedAddress.parse("mailto:desk@example.org")).hasMessageContaining("not a web address");
        assertThatThrownBy(() -> PublishedAddress.parse("example.org/a")).hasMessageContaining("not a web address");
        assertThat(ANSWER.isSameAs(URI.create("http://www.factcheck.example.org/2026/dam-holds?utm_campaign=z"))).isTrue();
    }
}
