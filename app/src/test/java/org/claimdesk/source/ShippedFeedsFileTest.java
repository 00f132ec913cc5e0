package org.claimdesk.source;

import org.claimdesk.extract.CssSelectors;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The feeds.yml shipped at the repository root is what new users start with: it must be valid and useful. */
class ShippedFeedsFileTest {
    private static final Set<String> LANGUAGES = Set.of("ar", "en", "de", "ja", "fr", "es");

    /** Tests run in the app module; the shipped file is at the repository root beside it. */
    private static Path shippedFile() {
        Path file = Path.of("..", "feeds.yml").toAbsolutePath().normalize();
        assertThat(file).as("the shipped feeds.yml at the repository root").isRegularFile();
        return file;
    }

    private static Set<String> primaryLanguages(SourcesConfig config, boolean enabledOnly) {
        return (enabledOnly ? config.enabledSources() : config.sources()).stream()
                .map(Source::languageHint)
                .map(tag -> Locale.forLanguageTag(tag).getLanguage())
                .collect(Collectors.toSet());
    }

    @Test
    void parsesAndCoversTheSixLanguagesWithWorkingSources() throws Exception {
        SourcesConfig config = new FeedsFileParser(CssSelectors.CHECK).parse(shippedFile());

        assertThat(config.sources()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(config.sources()).allSatisfy(s -> assertThat(s.languageHint()).as(s.id()).isNotNull());
        // Every language has enabled sources, not only ones waiting for a URL check.
        assertThat(primaryLanguages(config, true)).containsAll(LANGUAGES);
        // And each language has a fact-checker listed.
        for (String language : LANGUAGES) {
            assertThat(config.sources()).as("fact-checkers in " + language)
                    .anySatisfy(s -> {
                        assertThat(Locale.forLanguageTag(s.languageHint()).getLanguage()).isEqualTo(language);
                        assertThat(s.tags()).contains("fact-check");
                    });
        }
        assertThat(config.sources()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(SourceKind.PAGE);
            assertThat(s.selectors().articleLinks()).isNotNull();
        });
    }

    @Test
    void pollsPolitelyAndUsesHttps() throws Exception {
        SourcesConfig config = new FeedsFileParser(CssSelectors.CHECK).parse(shippedFile());
        assertThat(config.sources()).allSatisfy(s -> {
            assertThat(s.pollInterval()).as(s.id()).isBetween(Duration.ofMinutes(15), Duration.ofMinutes(60));
            assertThat(s.url().getScheme()).as(s.id()).isEqualTo("https");
        });
        assertThat(config.settings().politenessDelay()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void everyUncertainAddressIsDisabled() throws Exception {
        Path file = shippedFile();
        SourcesConfig config = new FeedsFileParser(CssSelectors.CHECK).parse(file);
        // An entry whose lines say "check URL" must not be polled until someone has checked it.
        String text = Files.readString(file);
        for (Source source : config.sources()) {
            int start = text.indexOf("- id: " + source.id() + "\n");
            int end = text.indexOf("- id: ", start + 1);
            String entry = text.substring(start, end < 0 ? text.length() : end);
            if (entry.contains("check URL")) {
                assertThat(source.enabled()).as(source.id() + " is marked 'check URL'").isFalse();
            }
        }
    }

    @Test
    void theCommentedSocialExamplesAreValidOnceUncommented() throws Exception {
        String text = Files.readString(shippedFile());
        String marker = "  # --- social: begin\n";
        int begin = text.indexOf(marker) + marker.length();
        int end = text.indexOf("  # --- social: end\n");
        assertThat(begin).isGreaterThan(marker.length());
        assertThat(end).isGreaterThan(begin);
        String uncommented = text.substring(0, begin) + text.substring(begin, end).lines()
                .map(line -> line.startsWith("  # ") ? "  " + line.substring(4) : line.replaceFirst("^  #$", ""))
                .collect(Collectors.joining("\n", "", "\n")) + text.substring(end);

        SourcesConfig config = new FeedsFileParser(CssSelectors.CHECK).parse(Path.of("feeds.yml"), uncommented);

        assertThat(config.sources()).extracting(Source::id)
                .contains("mastodon-example", "bluesky-example", "youtube-example", "reddit-example", "telegram-example");
        Source telegram = config.source("telegram-example").orElseThrow();
        assertThat(telegram.kind()).isEqualTo(SourceKind.PAGE);
        assertThat(telegram.url()).hasToString("https://t.me/s/CHANNEL");
        assertThat(telegram.selectors().body()).isEqualTo(".tgme_widget_message_text");
        assertThat(config.source("youtube-example").orElseThrow().url())
                .hasToString("https://www.youtube.com/feeds/videos.xml?channel_id=CHANNEL_ID");
    }
}
