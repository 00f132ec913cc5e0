package org.claimdesk.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.claimdesk.rebuttals.RatingScale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's page images: page 1 of the PDF of a pack holding one Arabic rebuttal, and of one
 * holding one Japanese rebuttal (a made-up rumour of a dam that burst, with its evidence), drawn by
 * PDFBox at 100 dpi into {@code docs/images/}. Run on demand, not with the tests:
 * {@code mvn -B -q -pl app -am test -Pbench -Dtest=PackPageImages -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class PackPageImages {
    /** Where the images go: the repository's docs/images, seen from the app module the tests run in. */
    static final Path IMAGES = Path.of(System.getProperty("claimdesk.images", "../docs/images"));
    static final float DPI = 100;
    static final Instant SEEN = Instant.parse("2026-11-29T21:40:00Z");
    static final Instant PUBLISHED = Instant.parse("2026-12-01T08:15:00Z");
    static final Instant MADE = Instant.parse("2026-12-05T13:00:00Z");
    /** The verdict as the workspace's rating scale names it (the app has one scale, in English). */
    static final RatingScale.Verdict FALSE = RatingScale.DEFAULT.find("false").orElseThrow();

    @Test
    void arabicPageOne() throws IOException {
        PackRebuttal rebuttal = new PackRebuttal(41, "ar",
                "فيديو على TikTok يظهر انهيار سد الحمراء الليلة الماضية وغرق 12 قرية",
                FALSE.key(), FALSE.alternateName(), FALSE.ratingValue(), RatingScale.DEFAULT.worstRating(),
                RatingScale.DEFAULT.bestRating(),
                "السد سليم. المقطع مصور في يوليو 2019 في بلد آخر، وهيئة الموارد المائية تؤكد أن منسوب البحيرة عند 64% من السعة.",
                """
                        ## ما الذي يتداول؟

                        منذ مساء الأحد يعاد نشر مقطع مدته 38 ثانية على TikTok وX مع عبارة «انهار سد الحمراء»، وقد تجاوزت مشاهداته 250 ألفا خلال 6 ساعات.

                        ## ما الذي وجدناه؟

                        - البحث العكسي عن لقطات المقطع يعيده إلى تقرير إخباري عن فيضان في بلد آخر نشر في يوليو 2019.
                        - صور القمر الصناعي Sentinel-2 الملتقطة في 30 نوفمبر 2026 تظهر جسم السد سليما.
                        - أعلنت هيئة الموارد المائية على موقعها water.example أن السد يعمل بشكل طبيعي.

                        ## الخلاصة

                        الادعاء خطأ: لم ينهر السد، والمقطع قديم ومن مكان آخر.
                        """,
                "ليلى حسن", "عمر خليل", PUBLISHED, PUBLISHED,
                seenOnTikTokThenX("https://tiktok.example/@akhbar24/video/7281", "انهيار سد الحمراء الآن!!",
                        "https://x.example/status/1865", "عاجل: غرق قرى بعد انهيار السد"),
                List.of(evidence(1, "https://water.example/ar/statements/hamra-dam", "بيان هيئة الموارد المائية حول سد الحمراء",
                                "منسوب البحيرة 64% والسد يعمل طبيعيا"),
                        evidence(2, "https://archive.example/2019/07/flood-report", "التقرير الأصلي للمقطع، يوليو 2019",
                                "اللقطات نفسها قبل 7 سنوات"),
                        evidence(3, "https://sentinel.example/hamra/2026-11-30", "صورة Sentinel-2 للسد",
                                "التقطت في 30 نوفمبر 2026")),
                null);
        draw(new PackHeader("مرصد الحقائق", logo(), "image/png", MADE), rebuttal, "pack-arabic.png");
    }

    @Test
    void japanesePageOne() throws IOException {
        PackRebuttal rebuttal = new PackRebuttal(42, "ja", "緑川ダムが昨夜決壊し、下流の12集落が水没した",
                FALSE.key(), FALSE.alternateName(), FALSE.ratingValue(), RatingScale.DEFAULT.worstRating(),
                RatingScale.DEFAULT.bestRating(),
                "緑川ダムは決壊していません。拡散している動画は2019年に海外で撮影されたもので、県は貯水率64%で通常どおり運用中と発表しています。",
                """
                        ## 何が拡散しているか

                        日曜日の夜から「緑川ダムが決壊」という文言とともに38秒の動画がTikTokやXで共有され、6時間で25万回以上再生されました。

                        ## 確認したこと

                        - 動画の場面を画像検索すると、2019年7月に海外の洪水を伝えた報道映像と一致しました。
                        - 2026年11月30日に撮影されたSentinel-2の衛星画像では、堤体に損傷は見られません。
                        - 県河川課は12月1日の発表で、ダムは通常どおり運用中としています。

                        ダムは決壊しておらず、動画は無関係の古い映像です。
                        """,
                "佐藤 由紀", "高橋 健", PUBLISHED, PUBLISHED,
                seenOnTikTokThenX("https://tiktok.example/@news_jp/video/5530", "【速報】緑川ダム決壊",
                        "https://x.example/status/1866", "緑川ダムが決壊したらしい、下流の人は避難を"),
                List.of(evidence(1, "https://pref.example/kasen/press/20261201", "緑川ダムの運用状況について（県河川課）",
                                "貯水率64%、通常運用"),
                        evidence(2, "https://archive.example/2019/07/flood-report", "元の報道映像（2019年）", "同じ映像、7年前"),
                        evidence(3, "https://sentinel.example/midorikawa/2026-11-30", "Sentinel-2 衛星画像",
                                "2026年11月30日撮影")),
                null);
        draw(new PackHeader("ファクトチェック・デスク", logo(), "image/png", MADE), rebuttal, "pack-japanese.png");
    }

    /** Where the rumour was seen: a video first, a post half an hour later. */
    private static List<PackRebuttal.Appearance> seenOnTikTokThenX(String video, String videoTitle, String post, String postTitle) {
        return List.of(new PackRebuttal.Appearance(URI.create(video), videoTitle, "TikTok", SEEN),
                new PackRebuttal.Appearance(URI.create(post), postTitle, "X", SEEN.plusSeconds(1800)));
    }

    /** A kept page: its hash is made from its address, as good as any for a picture. */
    private static PackRebuttal.Evidence evidence(int position, String url, String title, String note) {
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8)));
            return new PackRebuttal.Evidence(position, URI.create(url), null, title, note, PUBLISHED.minusSeconds(7200), sha,
                    "text/html", null, "evidence/" + sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void draw(PackHeader header, PackRebuttal rebuttal, String fileName) throws IOException {
        Map<String, byte[]> pages = RebuttalPackWriter.pages(header, List.of(rebuttal),
                new PackPdf(PackSamples.arabicAndJapaneseFonts()));
        byte[] pdf = pages.get(RebuttalPackWriter.PDF_PAGE);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", fileName.replace(".png", ".pdf")), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.RGB);
            Files.createDirectories(IMAGES);
            Path image = IMAGES.resolve(fileName);
            ImageIO.write(page, "png", image.toFile());
            assertThat(Files.size(image)).as(image + " stays small enough for the README").isLessThan(300_000);
            System.out.printf("PackPageImages: %s, %d x %d px, %d KB%n", image.normalize(), page.getWidth(), page.getHeight(),
                    Files.size(image) / 1024);
        }
    }

    /** A made-up desk's logo: a white tick on a dark blue rounded square. */
    private static byte[] logo() throws IOException {
        BufferedImage logo = new BufferedImage(96, 96, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = logo.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x1a4f99));
        g.fillRoundRect(0, 0, 96, 96, 24, 24);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawPolyline(new int[]{24, 42, 74}, new int[]{50, 68, 30}, 3);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(logo, "png", png);
        return png.toByteArray();
    }
}
