package org.claimdesk.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes short boxes built around a form: newsletter sign-ups, "write a comment", search and
 * login boxes. Their few lines of text ask the reader to do something; they are not the article,
 * even when a site puts them between its paragraphs under class names that say nothing. Found
 * by structure (a form, or an e-mail field, with the text next to it), before the form's fields
 * are removed with the rest of what is never text.
 */
final class FormBoxes {
    /** A box asks in a sentence or two; more text than this around a form is content of its own. */
    private static final int MOST_BOX_TEXT = 320;
    private static final Set<String> NOT_FIELDS = Set.of("hidden", "submit", "button", "image", "reset", "checkbox", "radio");

    private FormBoxes() {
    }

    static void remove(Element body) {
        int pageLength = TextMeasure.weightedLength(body.text());
        List<Element> boxes = new ArrayList<>();
        for (Element form : body.select("form, input[type=email]")) {
            if (form.normalName().equals("input") && form.closest("form") != null) continue;
            if (form.normalName().equals("form") && !asksForInput(form)) continue;
            Element box = boxAround(form, pageLength);
            if (box != null) boxes.add(box);
        }
        for (Element box : boxes) {
            box.remove(); // removing one already inside a removed box is harmless
        }
    }

    /** A form with a field to type into and a way to send it; a form wrapping a whole page has neither near its text. */
    private static boolean asksForInput(Element form) {
        boolean field = !form.select("textarea").isEmpty();
        for (Element input : form.select("input")) {
            field |= !NOT_FIELDS.contains(input.attr("type").toLowerCase(Locale.ROOT));
        }
        boolean send = !form.select("button, input[type=submit], input[type=image]").isEmpty();
        return field && send;
    }

    /** The largest element around the form whose text is still a short box, or null when the form sits in content. */
    private static Element boxAround(Element form, int pageLength) {
        if (!isShortBox(form, pageLength)) return null;
        Element box = form;
        for (Element parent = form.parent(); parent != null && !parent.normalName().equals("body");
             parent = parent.parent()) {
            if (!isShortBox(parent, pageLength)) break;
            box = parent;
        }
        return box;
    }

    private static boolean isShortBox(Element e, int pageLength) {
        int length = TextMeasure.weightedLength(e.text());
        return length <= MOST_BOX_TEXT && length < pageLength * 0.4;
    }
}
