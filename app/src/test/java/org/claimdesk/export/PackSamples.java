package org.claimdesk.export;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Rebuttals as a pack carries them, in Arabic (digits and a Latin name inside) and Japanese. */
final class PackSamples {
    static final String ARABIC_CLAIM = "قال وزير الصحة John Smith إن 40% من اللقاحات فاسدة";
    static final String ARABIC_ANSWER = "لم يقل الوزير ذلك، والرقم الصحيح هو 4% فقط.";
    static final String JAPANESE_CLAIM = "厚生労働省は新しいワクチンが危険だと発表した。";
    static final String JAPANESE_ANSWER = "厚生労働省はそのような発表をしていません。";
    static final Instant AT = Instant.parse("2026-12-01T09:30:00Z");

    private PackSamples() {
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

    static PackRebuttal japanese() {
        return new PackRebuttal(13, "ja", JAPANESE_CLAIM, "false", "誤り", 1, 1, 5, JAPANESE_ANSWER,
                "厚生労働省の発表資料を確認しました。\n\n1. 公式発表\n2. 記者会見\n", "Yuki", "Ken", AT, AT,
                List.of(new PackRebuttal.Appearance(URI.create("https://news.example/ja/1"), "ワクチンの記事", "例新聞", AT)),
                List.of(new PackRebuttal.Evidence(1, URI.create("https://mhlw.example/press"), null, "発表資料", null, AT,
                        null, null, "the page did not answer", null)),
                12L);
    }
}
