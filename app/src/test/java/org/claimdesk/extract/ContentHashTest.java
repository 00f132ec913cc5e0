package org.claimdesk.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTest {

    @Test
    void isHexSha256OfTheNormalisedText() {
        // sha256("hello world")
        assertThat(ContentHash.of("Hello   World\n"))
                .isEqualTo("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
    }

    @Test
    void ignoresCaseWhitespaceAndCompatibilityForms() {
        String a = ContentHash.of("The Minister said:\n\n  \"No comment.\"");
        assertThat(ContentHash.of("the minister said: \"no comment.\"")).isEqualTo(a);
        assertThat(ContentHash.of("THE\u00A0MINISTER\tSAID: \"NO COMMENT.\"")).isEqualTo(a);
        // full-width Latin and the "ﬁ" ligature fold to ASCII under NFKC
        assertThat(ContentHash.of("ＡＢＣ ﬁle")).isEqualTo(ContentHash.of("abc file"));
    }

    @Test
    void differentWordsGiveDifferentHashes() {
        assertThat(ContentHash.of("the minister said yes")).isNotEqualTo(ContentHash.of("the minister said no"));
        assertThat(ContentHash.of("قال الوزير")).isNotEqualTo(ContentHash.of("قالت الوزيرة"));
        assertThat(ContentHash.of("x")).hasSize(64).matches("[0-9a-f]{64}");
    }
}
