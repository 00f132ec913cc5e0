package org.claimdesk.ingest;

import java.util.List;
import java.util.Map;

/**
 * The words around an article on a news site, per language: menus, the cookie banner, list
 * headings, share buttons, newsletter boxes, footers. Written like real sites write them (the
 * banners name cookies, the newsletter boxes ask to subscribe), so an extractor that keeps them
 * is caught by the article stage's own wall checks as it would be on the web.
 */
record PageFurniture(List<String> menu, String cookieText, List<String> cookieButtons, String related,
                     String mostRead, String comments, List<String> share, String footer, String newsletter,
                     String readAlso, String advertisement, String by, List<String> names) {

    static PageFurniture of(String language) {
        PageFurniture furniture = BY_LANGUAGE.get(language);
        if (furniture == null) {
            throw new IllegalArgumentException("no page furniture for " + language);
        }
        return furniture;
    }

    private static PageFurniture furniture(String menu, String cookieText, String cookieButtons, String related,
                                           String mostRead, String comments, String share, String footer,
                                           String newsletter, String readAlso, String advertisement, String by,
                                           String names) {
        return new PageFurniture(List.of(menu.split("\\|")), cookieText, List.of(cookieButtons.split("\\|")), related,
                mostRead, comments, List.of(share.split("\\|")), footer, newsletter, readAlso, advertisement, by,
                List.of(names.split("\\|")));
    }

    private static final Map<String, PageFurniture> BY_LANGUAGE = Map.of(
            "en", furniture("Home|World|Politics|Business|Technology|Science|Health|Sport|Culture|Opinion|Video",
                    "We use cookies and similar technologies to improve your experience, personalise content and ads, "
                            + "and analyse our traffic. By clicking Accept all you agree to the storing of cookies on your "
                            + "device. You can change your choice at any time in Privacy settings.",
                    "Accept all|Reject|Manage preferences", "Related stories", "Most read", "Comments",
                    "Share|Facebook|X|WhatsApp|Email",
                    "© 2026 {site}. All rights reserved. About us · Contact · Terms of use · Privacy policy · Advertise with us",
                    "Get our morning briefing in your inbox. Sign up for the newsletter, it is free and you can unsubscribe at any time.",
                    "Read also", "Advertisement", "By", "Sarah Mitchell|James O'Connor|Priya Raman|David Kim|Emma Clarke"),
            "de", furniture("Startseite|Politik|Wirtschaft|Panorama|Sport|Kultur|Wissen|Digital|Meinung|Video",
                    "Wir verwenden Cookies und ähnliche Technologien, um Inhalte und Anzeigen zu personalisieren und unsere "
                            + "Zugriffe zu analysieren. Mit Klick auf Alle akzeptieren stimmen Sie der Speicherung auf Ihrem "
                            + "Gerät zu. Ihre Auswahl können Sie jederzeit in den Datenschutz-Einstellungen ändern.",
                    "Alle akzeptieren|Ablehnen|Einstellungen", "Mehr zum Thema", "Meistgelesen", "Kommentare",
                    "Teilen|Facebook|X|WhatsApp|E-Mail",
                    "© 2026 {site}. Alle Rechte vorbehalten. Impressum · Kontakt · Nutzungsbedingungen · Datenschutz · Werben",
                    "Der Morgen-Newsletter: die wichtigsten Nachrichten des Tages jeden Morgen in Ihrem Postfach. Jetzt kostenlos abonnieren, Abmeldung jederzeit möglich.",
                    "Lesen Sie auch", "Anzeige", "Von", "Anna Schneider|Thomas Weber|Julia Becker|Markus Braun|Lena Hoffmann"),
            "ar", furniture("الرئيسية|أخبار|سياسة|اقتصاد|رياضة|ثقافة|علوم وتكنولوجيا|صحة|رأي|فيديو",
                    "نستخدم ملفات تعريف الارتباط (الكوكيز) وتقنيات مشابهة لتحسين تجربتك وتخصيص المحتوى والإعلانات وتحليل "
                            + "الزيارات. بالنقر على قبول الكل فإنك توافق على تخزينها على جهازك، ويمكنك تغيير اختيارك في أي "
                            + "وقت من إعدادات الخصوصية.",
                    "قبول الكل|رفض|الإعدادات", "أخبار ذات صلة", "الأكثر قراءة", "التعليقات", "شارك|فيسبوك|إكس|واتساب|البريد",
                    "© 2026 {site}. جميع الحقوق محفوظة. من نحن · اتصل بنا · شروط الاستخدام · سياسة الخصوصية · أعلن معنا",
                    "اشترك في نشرتنا الإخبارية اليومية لتصلك أهم الأخبار كل صباح على بريدك الإلكتروني مجانا.",
                    "اقرأ أيضا", "إعلان", "بقلم", "أحمد الخطيب|ليلى حسن|محمد العلي|سارة يوسف|عمر منصور"),
            "ja", furniture("トップ|国内|国際|政治|経済|社会|スポーツ|エンタメ|科学|動画",
                    "当サイトでは、利便性の向上、コンテンツや広告のパーソナライズ、アクセス解析のためにクッキー（Cookie）を使用しています。"
                            + "「すべて同意する」をクリックすると、クッキーの保存に同意したことになります。設定はプライバシー設定からいつでも変更できます。",
                    "すべて同意する|拒否する|設定", "関連記事", "アクセスランキング", "コメント", "シェア|Facebook|X|LINE|メール",
                    "© 2026 {site} 無断転載を禁じます。 会社概要 · お問い合わせ · 利用規約 · プライバシーポリシー · 広告掲載",
                    "毎朝のニュースレターで主要ニュースをお届けします。登録は無料、いつでも解除できます。",
                    "あわせて読みたい", "広告", "記者", "佐藤 健|鈴木 花子|高橋 誠|田中 美咲|伊藤 翔"),
            "ru", furniture("Главная|Новости|Политика|Экономика|Общество|Спорт|Культура|Наука|Технологии|Видео",
                    "Мы используем файлы cookie и похожие технологии, чтобы улучшить работу сайта, персонализировать контент "
                            + "и рекламу и анализировать трафик. Нажимая «Принять все», вы соглашаетесь на хранение cookie на "
                            + "вашем устройстве. Изменить выбор можно в любой момент в настройках конфиденциальности.",
                    "Принять все|Отклонить|Настройки", "Читайте по теме", "Самое читаемое", "Комментарии",
                    "Поделиться|ВКонтакте|Telegram|WhatsApp|Почта",
                    "© 2026 {site}. Все права защищены. О нас · Контакты · Пользовательское соглашение · Политика конфиденциальности · Реклама",
                    "Подпишитесь на нашу утреннюю рассылку: главные новости дня каждое утро на вашей почте. Бесплатно, отписаться можно в любой момент.",
                    "Читайте также", "Реклама", "Автор:", "Анна Иванова|Дмитрий Соколов|Ольга Петрова|Игорь Смирнов|Мария Козлова"),
            "fr", furniture("Accueil|International|Politique|Économie|Société|Sport|Culture|Sciences|Idées|Vidéos",
                    "Nous utilisons des cookies et des technologies similaires pour améliorer votre expérience, personnaliser "
                            + "les contenus et les publicités et mesurer notre audience. En cliquant sur Tout accepter, vous "
                            + "consentez au dépôt de cookies sur votre appareil. Vous pouvez modifier votre choix à tout moment "
                            + "dans les paramètres de confidentialité.",
                    "Tout accepter|Refuser|Paramétrer", "Sur le même sujet", "Les plus lus", "Réactions",
                    "Partager|Facebook|X|WhatsApp|E-mail",
                    "© 2026 {site}. Tous droits réservés. Qui sommes-nous · Contact · Conditions d'utilisation · Confidentialité · Publicité",
                    "Recevez chaque matin l'essentiel de l'actualité dans votre boîte mail. Inscription gratuite, désinscription à tout moment.",
                    "Lire aussi", "Publicité", "Par", "Claire Dubois|Julien Moreau|Sophie Laurent|Nicolas Petit|Camille Roux"),
            "es", furniture("Portada|Internacional|Política|Economía|Sociedad|Deportes|Cultura|Ciencia|Opinión|Vídeo",
                    "Utilizamos cookies y tecnologías similares para mejorar su experiencia, personalizar contenidos y anuncios "
                            + "y analizar nuestro tráfico. Al hacer clic en Aceptar todo, usted acepta el almacenamiento de "
                            + "cookies en su dispositivo. Puede cambiar su elección en cualquier momento en la configuración de privacidad.",
                    "Aceptar todo|Rechazar|Configurar", "Noticias relacionadas", "Lo más leído", "Comentarios",
                    "Compartir|Facebook|X|WhatsApp|Correo",
                    "© 2026 {site}. Todos los derechos reservados. Quiénes somos · Contacto · Aviso legal · Privacidad · Publicidad",
                    "Reciba cada mañana las noticias más importantes en su correo. La suscripción es gratuita y puede darse de baja cuando quiera.",
                    "Lea también", "Publicidad", "Por", "Lucía García|Javier Romero|Marta Ruiz|Carlos Navarro|Elena Torres"),
            "zh", furniture("首页|国内|国际|时政|财经|社会|体育|文化|科技|视频",
                    "本网站使用Cookie及类似技术来改善您的浏览体验、个性化内容和广告并分析网站流量。点击“全部接受”即表示您同意在您的设备上存储Cookie。"
                            + "您可以随时在隐私设置中更改您的选择。",
                    "全部接受|拒绝|设置", "相关新闻", "热门排行", "网友评论", "分享|微信|微博|QQ|邮件",
                    "© 2026 {site} 版权所有 关于我们 · 联系我们 · 使用条款 · 隐私政策 · 广告服务",
                    "订阅我们的每日新闻简报，每天早上把最重要的新闻发送到您的邮箱，免费订阅，随时退订。",
                    "延伸阅读", "广告", "记者", "王伟|李娜|张敏|刘洋|陈静"));
}
