package org.claimdesk.rebuttals;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An item that quotes the short answer is recognised in English, Arabic and Japanese; a near miss is not. */
class QuoteFinderTest {
    static final String CLAIM = "The dam at Millbrook burst overnight";
    static final QuoteFinder ENGLISH = new QuoteFinder(
            "False: the dam at Millbrook did not burst. Engineers inspected every gate at 6 am and found no damage at all.", CLAIM);

    @Test
    void eightWordsInARowAreAQuoteWhateverTheCaseAndPunctuation() {
        var quote = ENGLISH.in("Officials now say ENGINEERS inspected every gate, at 6am?? No: at 6 am and found no damage. Good news.");
        assertThat(quote).isEmpty(); // "6am" is not "6 am": the run breaks after five words

        quote = ENGLISH.in("Officials now say: “Engineers inspected every gate at 6 am and found no damage” — relief in town.");
        assertThat(quote).hasValueSatisfying(q -> {
            assertThat(q.text()).isEqualTo("Engineers inspected every gate at 6 am and found no damage");
            assertThat(q.words()).isEqualTo(11);
        });
    }

    @Test
    void aNearMissOfSevenWordsIsNotAQuote() {
        assertThat(ENGLISH.in("We hear engineers inspected every gate at 6 am yesterday.")).isEmpty();
        assertThat(ENGLISH.in("engineers inspected every gate at 6 am and")).isPresent();
    }

    @Test
    void repeatingTheClaimIsNotQuotingTheAnswer() {
        QuoteFinder restating = new QuoteFinder("No, the dam at Millbrook burst overnight is not true at all", CLAIM);
        assertThat(restating.in("BREAKING: the dam at Millbrook burst overnight, residents flee")).isEmpty();
        assertThat(restating.in("Short answers are too short to tell")).isEmpty();
        assertThat(new QuoteFinder("This is false.", null).in("This is false. Everything is false.")).isEmpty();
    }

    @Test
    void arabicIsComparedWithoutDiacriticsOrSpellingVariants() {
        QuoteFinder arabic = new QuoteFinder(
                "غير صحيح: السد في ميلبروك لم ينهار، وقد فحص المهندسون جميع البوابات في السادسة صباحاً ولم يجدوا أي ضرر.",
                "انهيار سد ميلبروك الليلة الماضية");
        // harakat, hamza on alef, ta marbuta and tatweel differ; the words are the answer's
        assertThat(arabic.in("قالت البلدية: وَقَدْ فحص المهندسـون جميع البوابات فى السادسة صباحا ولم يجدوا أي ضرر"))
                .hasValueSatisfying(q -> assertThat(q.words()).isGreaterThanOrEqualTo(8));
        assertThat(arabic.in("فحص المهندسون جميع البوابات في السادسة")).isEmpty();
    }

    @Test
    void japaneseIsReadACharacterAtATimeSixteenMakingAQuote() {
        QuoteFinder japanese = new QuoteFinder("誤りです。ミルブルックのダムは決壊していません。技術者が午前6時にすべての水門を点検し、損傷は見つかりませんでした。",
                "ミルブルックのダムが夜のうちに決壊した");
        assertThat(japanese.in("市によると、技術者が午前６時にすべての水門を点検し損傷は見つかりませんでしたとのこと。"))
                .hasValueSatisfying(q -> assertThat(q.text()).startsWith("技術者が午前６時に"));
        // 13 characters and a number (a word): 7.5 words, a near miss; one character more makes it
        assertThat(japanese.in("技術者が午前6時にすべての水")).isEmpty();
        assertThat(japanese.in("技術者が午前6時にすべての水門")).isPresent();
        // the claim's own words in the answer prove nothing
        assertThat(japanese.in("速報：ミルブルックのダムは決壊していません")).isEmpty();
    }
}
