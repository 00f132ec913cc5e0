package org.claimdesk.nlp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArabicNormalizerTest {
    private final ArabicNormalizer normalizer = new ArabicNormalizer();

    @Test
    void terrorismWithHamzaAndWithArticleMeet() {
        assertThat(normalizer.matchKey("إرهاب")).isEqualTo(normalizer.matchKey("الارهاب")).isEqualTo("ارهاب");
        assertThat(normalizer.matchKey("الإرهاب")).isEqualTo("ارهاب");
        assertThat(normalizer.matchKey("والإرهاب")).isEqualTo("ارهاب");
    }

    @Test
    void alefVariantsBecomeBareAlef() {
        assertThat(normalizer.normalize("أحمد إبراهيم آمنة ٱلله")).isEqualTo("احمد ابراهيم امنه الله");
    }

    @Test
    void yehAndTehMarbutaVariantsMeet() {
        assertThat(normalizer.normalize("مستشفى")).isEqualTo(normalizer.normalize("مستشفي"));
        assertThat(normalizer.normalize("مدرسة")).isEqualTo(normalizer.normalize("مدرسه"));
    }

    @Test
    void diacriticsAndTatweelAreRemoved() {
        assertThat(normalizer.normalize("كَتَبَ الطّالِبُ")).isEqualTo("كتب الطالب");
        assertThat(normalizer.normalize("جـــمـيل")).isEqualTo("جميل");
        assertThat(normalizer.normalize("شائعةٌ")).isEqualTo("شائعه");
    }

    @Test
    void shortWordsKeepTheirFirstLettersAndOtherScriptsPassThrough() {
        assertThat(normalizer.matchKey("الم")).isEqualTo("الم");
        assertThat(normalizer.normalize("COVID-19 كوفيد")).isEqualTo("COVID-19 كوفيد");
        assertThat(normalizer.matchKeys("  الإرهاب   والعنف ")).isEqualTo("ارهاب عنف");
    }
}
