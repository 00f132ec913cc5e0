package org.claimdesk.export;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Rebuttals as a pack carries them, in Arabic (digits and a Latin name inside), Japanese and English. */
final class PackSamples {
    static final String ARABIC_CLAIM = "قال وزير الصحة John Smith إن 40% من اللقاحات فاسدة";
    static final String ARABIC_ANSWER = "لم يقل الوزير ذلك، والرقم الصحيح هو 4% فقط.";
    static final String JAPANESE_CLAIM = "厚生労働省は新しいワクチンが危険だと発表した。";
    static final String JAPANESE_ANSWER = "厚生労働省はそのような発表をしていません。";
    static final Instant AT = Instant.parse("2026-12-01T09:30:00Z");

    private PackSamples() {
    }

    /** The fonts of this machine when they cover Arabic and Japanese; else the calling test is skipped, saying which are missing. */
    static PdfFonts arabicAndJapaneseFonts() {
        PdfFonts fonts = PdfFonts.onThisMachine();
        String missing = null;
        try {
            fonts.facesFor(ARABIC_CLAIM + JAPANESE_CLAIM);
        } catch (MissingFontException e) {
            missing = e.getMessage();
        }
        String reason = missing;
        assumeTrue(reason == null, () -> "fonts for Arabic and Japanese are not installed here: " + reason);
        return fonts;
    }

    static PackHeader header() {
        return new PackHeader("Desk <Fact> & Co", Instant.parse("2026-12-05T13:00:00Z"));
    }

    static PackRebuttal arabic() {
        return new PackRebuttal(12, "ar", ARABIC_CLAIM, "false", "خطأ", 1, 1, 5, ARABIC_ANSWER,
                "## التفاصيل\n\nراجعنا البيان الرسمي الصادر في 2026-11-30.\n\n- النقطة الأولى\n- النقطة الثانية 25%\n",
                "Layla", "Omar", AT, AT.plusSeconds(3600),
                List.of(new PackRebuttal.Appearance(URI.create("https://news.example/ar/1"), "خبر عن اللقاحات", "صحيفة المثال", AT)),
                List.of(new PackRebuttal.Evidence(1, URI.create("https://health.example/statement?id=42"), null,
                        "البيان الرسمي", "الفقرة الثالثة", AT, "a".repeat(64), "text/html", null, "evidence/" + "a".repeat(64))),
                null);
    }

    static PackRebuttal english() {
        return new PackRebuttal(11, "en", "The river dam upstream of Millbrook has burst", "false", "False", 1, 1, 5,
                "The dam is intact; the water board inspected it this morning.", "The photo shows a dam in 2019.\n",
                "Ann", "Ben", AT, AT, List.of(),
                List.of(new PackRebuttal.Evidence(1, URI.create("https://water.example/inspection"), null, "Inspection report",
                        "page 2", AT, "b".repeat(64), "text/html", null, "evidence/" + "b".repeat(64))),
                null);
    }

    static PackRebuttal japanese() {
        return new PackRebuttal(13, "ja", JAPANESE_CLAIM, "false", "誤り", 1, 1, 5, JAPANESE_ANSWER,
                "厚生労働省の発表資料を確認しました。\n\n1. 公式発表\n2. 記者会見\n", "Yuki", "Ken", AT, AT,
                List.of(new PackRebuttal.Appearance(URI.create("https://news.example/ja/1"), "ワクチンの記事", "例新聞", AT)),
                List.of(new PackRebuttal.Evidence(1, URI.create("https://mhlw.example/press"), null, "発表資料", null, AT,
                        null, null, "the page did not answer", null)),
                12L);
    }
}
