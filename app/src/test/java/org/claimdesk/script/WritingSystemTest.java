package org.claimdesk.script;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WritingSystemTest {

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "ar     | Hello                       | ARABIC",
            "ar-EG  | NULL                        | ARABIC",
            "fa     | NULL                        | ARABIC",
            "ur     | NULL                        | ARABIC",
            "he     | NULL                        | HEBREW",
            "iw     | NULL                        | HEBREW",
            "ja     | NULL                        | JAPANESE",
            "zh     | NULL                        | CHINESE_SIMPLIFIED",
            "zh-TW  | NULL                        | CHINESE_TRADITIONAL",
            "zh-Hant| NULL                        | CHINESE_TRADITIONAL",
            "ko     | NULL                        | KOREAN",
            "de     | مرحبا                        | DEFAULT",
            "en_GB  | NULL                        | DEFAULT",
    })
    void languageTagDecidesWhenPresent(String tag, String sample, WritingSystem expected) {
        assertThat(WritingSystem.of(tag, sample)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "«2024» الحكومة تنفي الشائعات           | ARABIC",
            "123 - שלום עולם                        | HEBREW",
            "政府は噂を否定した                      | JAPANESE",
            "政府否认了谣言                          | CHINESE_SIMPLIFIED",
            "정부는 소문을 부인했다                   | KOREAN",
            "(1) Regierung dementiert               | DEFAULT",
            "Правительство опровергло               | DEFAULT",
    })
    void firstStrongCharacterDecidesWhenLanguageIsMissing(String sample, WritingSystem expected) {
        assertThat(WritingSystem.of(null, sample)).isEqualTo(expected);
        assertThat(WritingSystem.of("und", sample)).isEqualTo(expected);
        assertThat(WritingSystem.of(" ", sample)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"ARABIC,true", "HEBREW,true", "JAPANESE,false", "DEFAULT,false"})
    void onlyArabicAndHebrewScriptRunRightToLeft(WritingSystem system, boolean rightToLeft) {
        assertThat(system.rightToLeft()).isEqualTo(rightToLeft);
    }

    @org.junit.jupiter.api.Test
    void noTextAtAllIsDefault() {
        assertThat(WritingSystem.of(null, null)).isEqualTo(WritingSystem.DEFAULT);
        assertThat(WritingSystem.of(null, "  123 !? ")).isEqualTo(WritingSystem.DEFAULT);
    }
}
