package org.claimdesk.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON-LD a page embeds in {@code <script type="application/ld+json">}: the text of each
 * script, unwrapped from the comment and CDATA wrappers old XHTML habits left around it. The page's
 * own metadata ({@link PageMetadata}) and imported fact-checks ({@link ClaimReviewReader}) read it.
 */
final class JsonLdScripts {
    private JsonLdScripts() {
    }

    static List<String> texts(Document doc) {
        List<String> texts = new ArrayList<>();
        for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
            String json = script.data().strip();
            for (String wrapper : List.of("//<![CDATA[", "<![CDATA[", "<!--")) {
                if (json.startsWith(wrapper)) json = json.substring(wrapper.length()).strip();
            }
            for (String wrapper : List.of("//]]>", "]]>", "-->")) {
                if (json.endsWith(wrapper)) json = json.substring(0, json.length() - wrapper.length()).strip();
            }
            if (!json.isEmpty()) {
                texts.add(json);
            }
        }
        return texts;
    }

    /** A saved page: its JSON-LD scripts and its canonical address (null when it names none). */
    record SavedPage(List<String> scripts, URI canonical) {
        static SavedPage parse(String html) {
            Document doc = Jsoup.parse(html);
            return new SavedPage(texts(doc), PageMetadata.canonical(doc, null));
        }
    }
}
