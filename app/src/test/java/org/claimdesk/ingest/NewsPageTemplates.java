package org.claimdesk.ingest;

import org.claimdesk.ingest.LoopbackNewsWorld.NewsArticle;
import org.claimdesk.ingest.LoopbackNewsWorld.Site;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/**
 * Article pages as six kinds of real news sites build them, with the furniture those sites put
 * around and inside the article: menus, cookie banners, share bars, figures with captions,
 * "read also" links and advertisement slots between paragraphs, related and most-read lists,
 * reader comments, newsletter boxes, inline scripts, JSON-LD and footers. Class names vary per
 * site, and one template has only hashed class names, so no extractor can lean on a fixed name.
 */
final class NewsPageTemplates {
    private NewsPageTemplates() {
    }

    /** The kinds of site; each renders the same article in its own markup. */
    enum Template {
        /** header/nav, main > article, aside lists, comments section, footer */
        SEMANTIC,
        /** bootstrap-like grid of divs, ad slots and "read also" inside the story */
        DIV_GRID,
        /** an old CMS: table layout, paragraphs separated by line breaks, no p elements */
        TABLE_LAYOUT,
        /** generated class names only (css-1x2y3z), a newsletter box in the middle of the text */
        HASHED_CLASSES,
        /** a WordPress theme: share and related-posts plugins inside entry-content, a comment list */
        WORDPRESS,
        /** a portal: ranking lists, recommendation grid with teaser sentences, editor's line, pagination */
        PORTAL
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    static String page(Site site, NewsArticle article, List<NewsArticle> others, List<String> commentSentences, Random random) {
        Html html = new Html();
        html.raw("<!DOCTYPE html>\n<html lang=\"").text(site.language()).raw("\"")
                .raw(site.language().equals("ar") ? " dir=\"rtl\"" : "").raw("><head>");
        html.raw(site.charsetInMeta() ? "<meta charset=\"" + site.charset().name() + "\">" : "")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<title>").text(article.title()).raw(site.titleSeparator()).text(site.name()).raw("</title>")
                .raw("<link rel=\"canonical\" href=\"").text(article.url().toString()).raw("\">")
                .raw("<meta property=\"og:title\" content=\"").text(article.title()).raw("\">")
                .raw("<meta property=\"og:description\" content=\"").text(article.summary()).raw("\">")
                .raw("<meta property=\"og:site_name\" content=\"").text(site.name()).raw("\">")
                .raw("<link rel=\"stylesheet\" href=\"/static/main.").raw(Integer.toHexString(random.nextInt())).raw(".css\">")
                .raw("<style>").raw(style(site, random)).raw("</style>")
                .raw("<script type=\"application/ld+json\">").raw(jsonLd(site, article)).raw("</script>")
                .raw("<script>").raw(script(random, 40 + random.nextInt(80))).raw("</script>")
                .raw("</head><body class=\"").raw(site.cls("page")).raw("\">");
        switch (site.template()) {
            case SEMANTIC -> semantic(html, site, article, others, commentSentences, random);
            case DIV_GRID -> divGrid(html, site, article, others, commentSentences, random);
            case TABLE_LAYOUT -> tableLayout(html, site, article, others, commentSentences, random);
            case HASHED_CLASSES -> hashed(html, site, article, others, random);
            case WORDPRESS -> wordpress(html, site, article, others, commentSentences, random);
            case PORTAL -> portal(html, site, article, others, commentSentences, random);
        }
        html.raw("<script src=\"/static/vendor.").raw(Integer.toHexString(random.nextInt())).raw(".js\" defer></script>")
                .raw("<script>").raw(script(random, 20 + random.nextInt(60))).raw("</script>")
                .raw("<noscript><iframe src=\"https://www.googletagmanager.com/ns.html?id=GTM-")
                .raw(Integer.toString(random.nextInt(1 << 20), 36).toUpperCase()).raw("\" height=\"0\" width=\"0\"></iframe></noscript>")
                .raw("</body></html>\n");
        return html.toString();
    }

    // ---------------------------------------------------------------- the six kinds of site

    private static void semantic(Html h, Site site, NewsArticle a, List<NewsArticle> others, List<String> comments, Random r) {
        PageFurniture f = site.furniture();
        cookieBanner(h, site, "cookie-banner", r);
        h.raw("<header class=\"site-header\"><a class=\"logo\" href=\"/\">").text(site.name()).raw("</a><nav class=\"")
                .raw(site.cls("main-nav")).raw("\" aria-label=\"Main\">");
        menu(h, site, r);
        h.raw("</nav><form class=\"search\" action=\"/search\"><input name=\"q\" type=\"search\"><button>🔍</button></form></header>");
        h.raw("<main id=\"main\"><article class=\"").raw(site.cls("article")).raw("\">");
        h.raw("<nav class=\"breadcrumb\"><a href=\"/\">").text(f.menu().getFirst()).raw("</a> › <a href=\"/")
                .raw(a.section()).raw("/\">").text(f.menu().get(1 + r.nextInt(f.menu().size() - 1))).raw("</a></nav>");
        h.raw("<h1>").text(a.title()).raw("</h1>");
        h.raw("<p class=\"byline\">").text(f.by()).raw(" <a rel=\"author\" href=\"/authors/").raw(Integer.toString(r.nextInt(90)))
                .raw("\">").text(a.byline()).raw("</a> · <time datetime=\"").raw(a.published().toString()).raw("\">")
                .text(SHOWN.format(a.published())).raw("</time></p>");
        figure(h, a, r);
        shareBar(h, site, "share-tools");
        h.raw("<div class=\"").raw(site.cls("article-body")).raw("\">");
        for (int i = 0; i < a.body().size(); i++) {
            block(h, a.body().get(i));
            if (i == 2 && a.body().size() > 5) {
                h.raw("<aside class=\"inline-related\"><h3>").text(f.readAlso()).raw("</h3><ul>");
                links(h, others, 2, r);
                h.raw("</ul></aside>");
            }
        }
        h.raw("</div><footer class=\"article-tags\">");
        for (int i = 0; i < 3; i++) {
            h.raw("<a class=\"tag\" href=\"/tag/").raw(Integer.toString(r.nextInt(500))).raw("\">")
                    .text(f.menu().get(r.nextInt(f.menu().size()))).raw("</a> ");
        }
        h.raw("</footer><aside class=\"related\"><h2>").text(f.related()).raw("</h2><ul>");
        links(h, others, 5, r);
        h.raw("</ul></aside></article>");
        h.raw("<aside class=\"sidebar\"><section class=\"most-read\"><h2>").text(f.mostRead()).raw("</h2><ol>");
        links(h, others, 8, r);
        h.raw("</ol></section><div class=\"ad\" data-slot=\"sidebar\">").text(f.advertisement()).raw("</div></aside>");
        if (site.comments()) {
            h.raw("<section id=\"comments\" class=\"comments\"><h2>").text(f.comments()).raw(" (")
                    .raw(Integer.toString(3 + r.nextInt(40))).raw(")</h2>");
            for (int i = 0, n = 3 + r.nextInt(8); i < n; i++) {
                h.raw("<article class=\"comment\"><header><b>").text(handle(r)).raw("</b> <time>")
                        .text(SHOWN.format(a.published().plusSeconds(600L * (i + 1)))).raw("</time></header><p>")
                        .text(prose(comments, 1 + r.nextInt(3), r)).raw("</p><a class=\"reply\" href=\"#\">↩</a></article>");
            }
            h.raw("</section>");
        }
        h.raw("</main>");
        siteFooter(h, site, "site-footer", r);
    }

    private static void divGrid(Html h, Site site, NewsArticle a, List<NewsArticle> others, List<String> comments, Random r) {
        PageFurniture f = site.furniture();
        h.raw("<div id=\"wrapper\"><div class=\"top-bar\"><div class=\"container\"><ul class=\"").raw(site.cls("menu")).raw("\">");
        for (String item : f.menu()) {
            h.raw("<li class=\"menu-item\"><a href=\"/").raw(Integer.toString(r.nextInt(100))).raw("\">").text(item).raw("</a></li>");
        }
        h.raw("</ul></div></div>");
        h.raw("<div class=\"breaking-ticker\"><span>●</span> <a href=\"").text(others.getFirst().url().getPath()).raw("\">")
                .text(others.getFirst().title()).raw("</a></div>");
        h.raw("<div class=\"container\"><div class=\"row\"><div class=\"col-md-8\"><div class=\"").raw(site.cls("story")).raw("\">");
        h.raw("<h1 class=\"headline\">").text(a.title()).raw("</h1><div class=\"meta\"><span class=\"author\">")
                .text(a.byline()).raw("</span> <span class=\"date\">").text(SHOWN.format(a.published())).raw("</span></div>");
        figure(h, a, r);
        h.raw("<div class=\"").raw(site.cls("text")).raw("\">");
        for (int i = 0; i < a.body().size(); i++) {
            block(h, a.body().get(i));
            if (i == 1) {
                h.raw("<div class=\"ad-slot\"><span class=\"ad-label\">").text(f.advertisement())
                        .raw("</span><div id=\"div-gpt-ad-").raw(Integer.toString(r.nextInt(1_000_000))).raw("\"></div></div>");
            }
            if (i == 3 && a.body().size() > 5) {
                NewsArticle other = others.get(r.nextInt(others.size()));
                h.raw("<p class=\"read-also\"><strong>").text(f.readAlso()).raw(":</strong> <a href=\"")
                        .text(other.url().getPath()).raw("\">").text(other.title()).raw("</a></p>");
            }
        }
        h.raw("</div>");
        shareBar(h, site, "social");
        h.raw("</div>");
        if (site.comments()) {
            h.raw("<div class=\"comments-area\"><h3>").text(f.comments()).raw("</h3>");
            for (int i = 0, n = 2 + r.nextInt(7); i < n; i++) {
                h.raw("<div class=\"comment-body\"><div class=\"comment-author\">").text(handle(r))
                        .raw("</div><p>").text(prose(comments, 1 + r.nextInt(2), r)).raw("</p></div>");
            }
            h.raw("<form class=\"comment-form\"><textarea name=\"comment\"></textarea><button>").text(f.comments())
                    .raw("</button></form></div>");
        }
        h.raw("</div><div class=\"col-md-4\"><div class=\"widget\"><h4>").text(f.mostRead()).raw("</h4><ol class=\"popular\">");
        links(h, others, 10, r);
        h.raw("</ol></div><div class=\"widget\"><h4>").text(f.related()).raw("</h4><ul>");
        links(h, others, 6, r);
        h.raw("</ul></div></div></div></div>");
        siteFooter(h, site, "footer", r);
        cookieBanner(h, site, "cc-window", r);
        h.raw("</div>");
    }

    private static void tableLayout(Html h, Site site, NewsArticle a, List<NewsArticle> others, List<String> comments, Random r) {
        PageFurniture f = site.furniture();
        cookieBanner(h, site, "cookiebar", r);
        h.raw("<table width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"><tr><td colspan=\"3\" class=\"banner\"><img src=\"/img/logo.gif\" alt=\"")
                .text(site.name()).raw("\"><br>");
        for (String item : f.menu()) {
            h.raw("<a href=\"/cat/").raw(Integer.toString(r.nextInt(50))).raw("\">").text(item).raw("</a> | ");
        }
        h.raw("</td></tr><tr><td width=\"180\" valign=\"top\" class=\"left\">");
        for (NewsArticle other : pick(others, 12, r)) {
            h.raw("<a href=\"").text(other.url().getPath()).raw("\">").text(other.title()).raw("</a><br>");
        }
        h.raw("</td><td valign=\"top\" class=\"").raw(site.cls("main")).raw("\"><font size=\"4\"><b>").text(a.title())
                .raw("</b></font><br><span class=\"date\">").text(SHOWN.format(a.published())).raw(" ").text(a.byline())
                .raw("</span><br><a href=\"#\" onclick=\"window.print()\">print</a> | <a href=\"mailto:?subject=x\">email</a> | A+ A-<br><br>");
        for (LoopbackNewsWorld.Block block : a.body()) {
            if (block.heading()) {
                h.raw("<b>").text(block.text()).raw("</b><br><br>");
            } else {
                h.text(block.text()).raw("<br><br>\n");
            }
        }
        h.raw("<br><table class=\"rel\"><tr><td><b>").text(f.related()).raw("</b></td></tr>");
        for (NewsArticle other : pick(others, 5, r)) {
            h.raw("<tr><td>· <a href=\"").text(other.url().getPath()).raw("\">").text(other.title()).raw("</a></td></tr>");
        }
        h.raw("</table>");
        if (site.comments()) {
            h.raw("<br><table class=\"comments\" width=\"100%\"><tr><th>").text(f.comments()).raw("</th></tr>");
            for (int i = 0, n = 2 + r.nextInt(10); i < n; i++) {
                h.raw("<tr><td class=\"c-head\">").text(handle(r)).raw(" - ").text(SHOWN.format(a.published().plusSeconds(900L * i)))
                        .raw("</td></tr><tr><td class=\"c-text\">").text(prose(comments, 1 + r.nextInt(3), r)).raw("</td></tr>");
            }
            h.raw("</table>");
        }
        h.raw("</td><td width=\"200\" valign=\"top\" class=\"right\"><b>").text(f.mostRead()).raw("</b><br>");
        for (NewsArticle other : pick(others, 10, r)) {
            h.raw("<a href=\"").text(other.url().getPath()).raw("\">").text(other.title()).raw("</a><br>");
        }
        h.raw("<div class=\"adv\">").text(f.advertisement()).raw("</div></td></tr><tr><td colspan=\"3\" class=\"copy\">")
                .text(f.footer().replace("{site}", site.name())).raw("</td></tr></table>");
    }

    private static void hashed(Html h, Site site, NewsArticle a, List<NewsArticle> others, Random r) {
        PageFurniture f = site.furniture();
        h.raw("<div id=\"app\"><div class=\"").raw(site.hash("shell")).raw("\"><div class=\"").raw(site.hash("bar")).raw("\">");
        for (String item : f.menu()) {
            h.raw("<a class=\"").raw(site.hash("bar-link")).raw("\" href=\"/s/").raw(Integer.toString(r.nextInt(40))).raw("\">")
                    .text(item).raw("</a>");
        }
        h.raw("</div><div class=\"").raw(site.hash("col")).raw("\"><div class=\"").raw(site.hash("head")).raw("\"><h1 class=\"")
                .raw(site.hash("h1")).raw("\">").text(a.title()).raw("</h1><p class=\"").raw(site.hash("dek")).raw("\">")
                .text(a.summary()).raw("</p><div class=\"").raw(site.hash("by")).raw("\"><span>").text(f.by()).raw(" ")
                .text(a.byline()).raw("</span><span>").text(SHOWN.format(a.published())).raw("</span></div></div>");
        figure(h, a, r);
        h.raw("<div class=\"").raw(site.hash("body")).raw("\">");
        int middle = a.body().size() / 2;
        for (int i = 0; i < a.body().size(); i++) {
            LoopbackNewsWorld.Block block = a.body().get(i);
            h.raw("<div class=\"").raw(site.hash("block")).raw("\">");
            if (block.heading()) {
                h.raw("<h2 class=\"").raw(site.hash("h2")).raw("\">").text(block.text()).raw("</h2>");
            } else {
                h.raw("<p class=\"").raw(site.hash("p")).raw("\">").text(block.text()).raw("</p>");
            }
            h.raw("</div>");
            if (i == middle) {
                h.raw("<div class=\"").raw(site.hash("promo")).raw("\"><p>").text(f.newsletter()).raw("</p><form><input type=\"email\" placeholder=\"Email\"><button>")
                        .text(f.cookieButtons().getFirst()).raw("</button></form></div>");
                h.raw("<div class=\"").raw(site.hash("ad")).raw("\"><p>").text(f.advertisement()).raw("</p></div>");
            }
        }
        h.raw("</div><div class=\"").raw(site.hash("more")).raw("\"><h2>").text(f.related()).raw("</h2><ul>");
        links(h, others, 6, r);
        h.raw("</ul></div><button class=\"").raw(site.hash("comments")).raw("\">").text(f.comments()).raw(" (")
                .raw(Integer.toString(r.nextInt(300))).raw(")</button></div>");
        h.raw("<div class=\"").raw(site.hash("foot")).raw("\"><p>").text(f.footer().replace("{site}", site.name())).raw("</p></div></div>");
        h.raw("<div class=\"").raw(site.hash("consent")).raw("\" role=\"dialog\" aria-label=\"Cookie consent\"><p>").text(f.cookieText())
                .raw("</p><button>").text(f.cookieButtons().getFirst()).raw("</button></div></div>");
    }

    private static void wordpress(Html h, Site site, NewsArticle a, List<NewsArticle> others, List<String> comments, Random r) {
        PageFurniture f = site.furniture();
        h.raw("<div id=\"page\" class=\"site\"><a class=\"skip-link screen-reader-text\" href=\"#content\">Skip to content</a>")
                .raw("<header id=\"masthead\" class=\"site-header\"><p class=\"site-title\"><a href=\"/\">").text(site.name())
                .raw("</a></p><nav id=\"site-navigation\" class=\"main-navigation\">");
        menu(h, site, r);
        h.raw("</nav></header><div id=\"content\" class=\"site-content\"><div id=\"primary\" class=\"content-area\"><main id=\"main\" class=\"site-main\">")
                .raw("<article id=\"post-").raw(Integer.toString(a.number())).raw("\" class=\"post type-post status-publish format-standard hentry\">")
                .raw("<header class=\"entry-header\"><h1 class=\"entry-title\">").text(a.title()).raw("</h1><div class=\"entry-meta\">")
                .raw("<span class=\"posted-on\"><time class=\"entry-date published\" datetime=\"").raw(a.published().toString()).raw("\">")
                .text(SHOWN.format(a.published())).raw("</time></span> <span class=\"byline\"><span class=\"author vcard\">")
                .text(a.byline()).raw("</span></span></div></header><div class=\"").raw(site.cls("entry-content")).raw("\">");
        for (LoopbackNewsWorld.Block block : a.body()) {
            block(h, block);
        }
        h.raw("<div class=\"sharedaddy sd-sharing-enabled\"><h3 class=\"sd-title\">").text(f.share().getFirst()).raw(":</h3><ul>");
        for (String button : f.share().subList(1, f.share().size())) {
            h.raw("<li><a class=\"share-button\" href=\"#\"><span>").text(button).raw("</span></a></li>");
        }
        h.raw("</ul></div><div id=\"jp-relatedposts\" class=\"jp-relatedposts\"><h3 class=\"jp-relatedposts-headline\"><em>")
                .text(f.related()).raw("</em></h3>");
        for (NewsArticle other : pick(others, 3, r)) {
            h.raw("<div class=\"jp-relatedposts-post\"><h4><a href=\"").text(other.url().getPath()).raw("\">").text(other.title())
                    .raw("</a></h4><time>").text(SHOWN.format(other.published())).raw("</time></div>");
        }
        h.raw("</div></div><footer class=\"entry-footer\"><span class=\"cat-links\"><a href=\"/category/").raw(a.section()).raw("\">")
                .text(f.menu().get(2)).raw("</a></span></footer></article>");
        if (site.comments()) {
            h.raw("<div id=\"comments\" class=\"comments-area\"><h2 class=\"comments-title\">").text(f.comments())
                    .raw("</h2><ol class=\"comment-list\">");
            for (int i = 0, n = 2 + r.nextInt(9); i < n; i++) {
                h.raw("<li class=\"comment\"><article class=\"comment-body\"><footer class=\"comment-meta\"><b class=\"fn\">")
                        .text(handle(r)).raw("</b></footer><div class=\"comment-content\"><p>").text(prose(comments, 1 + r.nextInt(3), r))
                        .raw("</p></div><div class=\"reply\"><a class=\"comment-reply-link\" href=\"#\">Reply</a></div></article></li>");
            }
            h.raw("</ol></div>");
        }
        h.raw("</main></div><aside id=\"secondary\" class=\"widget-area\"><section class=\"widget widget_recent_entries\"><h2 class=\"widget-title\">")
                .text(f.mostRead()).raw("</h2><ul>");
        links(h, others, 8, r);
        h.raw("</ul></section><section class=\"widget widget_text\"><div class=\"textwidget\"><p>").text(f.newsletter())
                .raw("</p></div></section></aside></div>");
        siteFooter(h, site, "site-footer", r);
        cookieBanner(h, site, "cookie-notice-container", r);
        h.raw("</div>");
    }

    private static void portal(Html h, Site site, NewsArticle a, List<NewsArticle> others, List<String> comments, Random r) {
        PageFurniture f = site.furniture();
        h.raw("<div id=\"header\"><div class=\"top-links\"><a href=\"/login\">Login</a> | <a href=\"/app\">App</a></div><div class=\"channel-nav\">");
        for (String item : f.menu()) {
            h.raw("<a href=\"/").raw(Integer.toString(r.nextInt(30))).raw("/\">").text(item).raw("</a>");
        }
        h.raw("</div></div><div id=\"main\" class=\"clearfix\"><div class=\"").raw(site.cls("article-wrap")).raw("\"><div class=\"hd\"><h1>")
                .text(a.title()).raw("</h1><div class=\"source\"><span class=\"time\">").text(SHOWN.format(a.published()))
                .raw("</span> <span>").text(site.name()).raw("</span> <span class=\"author\">").text(f.by()).raw(" ").text(a.byline())
                .raw("</span></div></div><div class=\"bd\" id=\"").raw(site.cls("articleText")).raw("\">");
        figure(h, a, r);
        for (LoopbackNewsWorld.Block block : a.body()) {
            block(h, block);
        }
        h.raw("<p class=\"editor\">(").text(f.by()).raw(": ").text(f.names().get(r.nextInt(f.names().size()))).raw(")</p>")
                .raw("</div><div class=\"pages\"><span>1</span> <a href=\"?page=2\">2</a> <a href=\"?page=2\">›</a></div>");
        shareBar(h, site, "share-box");
        h.raw("<div class=\"rel-news\"><h3>").text(f.related()).raw("</h3><ul>");
        links(h, others, 6, r);
        h.raw("</ul></div><div class=\"recommend\">");
        for (NewsArticle other : pick(others, 6, r)) {
            // a teaser is the other article's opening sentence: prose outside the article, as portals show it
            h.raw("<div class=\"rec-item\"><a href=\"").text(other.url().getPath()).raw("\"><img src=\"/thumb/")
                    .raw(Integer.toString(other.number())).raw(".jpg\" alt=\"\"><h4>").text(other.title()).raw("</h4></a><p class=\"teaser\">")
                    .text(other.summary()).raw("</p></div>");
        }
        h.raw("</div>");
        if (site.comments()) {
            h.raw("<div class=\"comment-box\"><h3>").text(f.comments()).raw("</h3><textarea></textarea><ul class=\"cmt-list\">");
            for (int i = 0, n = 2 + r.nextInt(6); i < n; i++) {
                h.raw("<li><span class=\"user\">").text(handle(r)).raw("</span><div class=\"cmt\">").text(prose(comments, 1, r))
                        .raw("</div><span class=\"like\">👍 ").raw(Integer.toString(r.nextInt(999))).raw("</span></li>");
            }
            h.raw("</ul></div>");
        }
        h.raw("</div><div class=\"side\"><div class=\"ranking\"><h3>").text(f.mostRead()).raw("</h3><ol>");
        int rank = 1;
        for (NewsArticle other : pick(others, 10, r)) {
            h.raw("<li><em>").raw(Integer.toString(rank++)).raw("</em><a href=\"").text(other.url().getPath()).raw("\">")
                    .text(other.title()).raw("</a></li>");
        }
        h.raw("</ol></div><div class=\"ad-box\">").text(f.advertisement()).raw("</div></div></div>");
        siteFooter(h, site, "footer", r);
        cookieBanner(h, site, "privacy-layer", r);
    }

    // ---------------------------------------------------------------- shared pieces

    private static void block(Html h, LoopbackNewsWorld.Block block) {
        if (block.heading()) {
            h.raw("<h2>").text(block.text()).raw("</h2>\n");
        } else {
            h.raw("<p>").text(block.text()).raw("</p>\n");
        }
    }

    private static void menu(Html h, Site site, Random r) {
        h.raw("<ul>");
        for (String item : site.furniture().menu()) {
            h.raw("<li><a href=\"/").raw(Integer.toString(r.nextInt(60))).raw("/\">").text(item).raw("</a></li>");
        }
        h.raw("</ul>");
    }

    private static void figure(Html h, NewsArticle a, Random r) {
        if (a.caption() == null) {
            return;
        }
        h.raw("<figure class=\"lead-image\"><img src=\"/images/").raw(Integer.toString(a.number())).raw("-")
                .raw(Integer.toHexString(r.nextInt())).raw(".jpg\" alt=\"\" width=\"1200\" height=\"675\"><figcaption>")
                .text(a.caption()).raw(" <span class=\"credit\">Photo: Agency</span></figcaption></figure>");
    }

    private static void shareBar(Html h, Site site, String cls) {
        h.raw("<div class=\"").raw(cls).raw("\"><span>").text(site.furniture().share().getFirst()).raw("</span>");
        for (String button : site.furniture().share().subList(1, site.furniture().share().size())) {
            h.raw("<a class=\"share\" href=\"#\" aria-label=\"").text(button).raw("\">").text(button).raw("</a>");
        }
        h.raw("</div>");
    }

    private static void cookieBanner(Html h, Site site, String cls, Random r) {
        if (!site.cookieBanner()) {
            return;
        }
        PageFurniture f = site.furniture();
        h.raw("<div id=\"").raw(cls).raw("\" class=\"").raw(cls).raw("\" role=\"dialog\" aria-live=\"polite\"><p>")
                .text(f.cookieText()).raw(" <a href=\"/privacy\">").text(f.cookieButtons().getLast()).raw("</a></p>");
        for (String button : f.cookieButtons()) {
            h.raw("<button type=\"button\">").text(button).raw("</button>");
        }
        h.raw("</div>");
    }

    private static void siteFooter(Html h, Site site, String cls, Random r) {
        PageFurniture f = site.furniture();
        h.raw("<footer class=\"").raw(cls).raw("\"><div class=\"footer-links\">");
        for (String item : f.menu()) {
            h.raw("<a href=\"/").raw(Integer.toString(r.nextInt(60))).raw("/\">").text(item).raw("</a> ");
        }
        h.raw("</div><div class=\"newsletter\"><p>").text(f.newsletter()).raw("</p><form><input type=\"email\"><button>OK</button></form></div><p class=\"copyright\">")
                .text(f.footer().replace("{site}", site.name())).raw("</p></footer>");
    }

    private static void links(Html h, List<NewsArticle> others, int count, Random r) {
        for (NewsArticle other : pick(others, count, r)) {
            h.raw("<li><a href=\"").text(other.url().getPath()).raw("\">").text(other.title()).raw("</a></li>");
        }
    }

    private static List<NewsArticle> pick(List<NewsArticle> others, int count, Random r) {
        int start = r.nextInt(others.size());
        return java.util.stream.IntStream.range(0, Math.min(count, others.size()))
                .mapToObj(i -> others.get((start + i * 7) % others.size())).toList();
    }

    private static String prose(List<String> sentences, int count, Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(i == 0 ? "" : " ").append(sentences.get(r.nextInt(sentences.size())));
        }
        return sb.toString();
    }

    private static String handle(Random r) {
        String[] parts = {"reader", "citizen", "observer", "anon", "kiwi", "nomad", "pixel", "falcon"};
        return parts[r.nextInt(parts.length)] + "_" + r.nextInt(10_000);
    }

    private static String style(Site site, Random r) {
        StringBuilder css = new StringBuilder();
        for (int i = 0, n = 20 + r.nextInt(40); i < n; i++) {
            css.append('.').append(site.cls("c" + i)).append("{margin:").append(r.nextInt(24)).append("px;color:#")
                    .append(Integer.toHexString(0x100000 + r.nextInt(0xEFFFFF))).append(";font-size:").append(12 + r.nextInt(10))
                    .append("px}");
        }
        return css.toString();
    }

    /** Minified-looking JavaScript of some kilobytes: analytics, consent manager, ad loader. */
    private static String script(Random r, int functions) {
        StringBuilder js = new StringBuilder("window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}")
                .append("gtag('js',new Date());gtag('config','G-").append(Integer.toString(r.nextInt(1 << 30), 36).toUpperCase()).append("');");
        for (int i = 0; i < functions; i++) {
            String name = Integer.toString(r.nextInt(1 << 16), 36);
            js.append("var _").append(name).append("=function(e,t){if(!e)return t;var n=document.querySelectorAll('[data-")
                    .append(name).append("]');for(var o=0;o<n.length;o++){n[o].setAttribute('data-i',o+t)}return e.length>")
                    .append(r.nextInt(100)).append("?\"<p>\"+e+\"</p>\":null};");
        }
        return js.toString();
    }

    private static String jsonLd(Site site, NewsArticle a) {
        return "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":" + json(a.title())
                + ",\"description\":" + json(a.summary()) + ",\"datePublished\":\"" + a.published() + "\",\"author\":{\"@type\":\"Person\",\"name\":"
                + json(a.byline()) + "},\"publisher\":{\"@type\":\"Organization\",\"name\":" + json(site.name()) + "},\"mainEntityOfPage\":\""
                + a.url() + "\"}";
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '<' -> sb.append("\\u003c");
                default -> sb.append(c < 0x20 ? " " : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }

    /** Builds markup; {@link #text} escapes, {@link #raw} does not. */
    static final class Html {
        private final StringBuilder sb = new StringBuilder(64 * 1024);

        Html raw(String markup) {
            sb.append(markup);
            return this;
        }

        Html text(String text) {
            sb.append(escape(text));
            return this;
        }

        /** Text as HTML or XML character data or attribute value. */
        static String escape(String text) {
            StringBuilder out = new StringBuilder(text.length() + 16);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '&' -> out.append("&amp;");
                    case '"' -> out.append("&quot;");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
