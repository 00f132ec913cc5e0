package org.claimdesk.rebuttals;

import org.claimdesk.store.RebuttalTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rebuttal templates shipped with ClaimDesk, read from {@code rebuttal-templates.txt} beside
 * this class: one skeleton per common shape of false claim (a fabricated quote, an image out of
 * context, a manipulated statistic, a misleading headline, an impostor account or site, an old
 * story recirculated) in English, Arabic, Spanish and French, with blanks in [brackets].
 *
 * <p>The file is plain text so that a translator can add a language without touching code:
 * <pre>
 * === KEY LANGUAGE
 * name: the name shown
 * --- claim
 * the claim's skeleton
 * --- short answer
 * …
 * --- full text
 * … (Markdown)
 * </pre>
 */
public final class BuiltInTemplates {
    static final String RESOURCE = "rebuttal-templates.txt";

    private final List<RebuttalTemplate> templates;

    private BuiltInTemplates(List<RebuttalTemplate> templates) {
        this.templates = List.copyOf(templates);
    }

    /** The templates shipped in the jar. */
    public static BuiltInTemplates shipped() {
        try (InputStream in = BuiltInTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in rebuttal templates", e);
        }
    }

    public List<RebuttalTemplate> all() {
        return templates;
    }

    /** The shipped version of a built-in template (to restore it). */
    public Optional<RebuttalTemplate> find(String key, String language) {
        return templates.stream().filter(t -> t.builtInKey().equals(key) && t.language().equals(language)).findFirst();
    }

    static BuiltInTemplates parse(String file) {
        List<RebuttalTemplate> found = new ArrayList<>();
        String key = null;
        String language = null;
        String name = null;
        String section = null;
        StringBuilder[] parts = null;
        String[] lines = file.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.startsWith("=== ")) {
                if (key != null) {
                    found.add(template(key, language, name, parts));
                }
                String[] head = line.substring(4).strip().split("\\s+");
                if (head.length != 2) {
                    throw new IllegalStateException(RESOURCE + ":" + (n + 1) + ": expected '=== KEY LANGUAGE'");
                }
                key = head[0];
                language = head[1];
                name = null;
                section = null;
                parts = new StringBuilder[]{new StringBuilder(), new StringBuilder(), new StringBuilder()};
            } else if (key == null) {
                continue; // the comment above the first template
            } else if (line.startsWith("name: ") && section == null) {
                name = line.substring(6).strip();
            } else if (line.startsWith("--- ")) {
                section = line.substring(4).strip();
                if (!List.of("claim", "short answer", "full text").contains(section)) {
                    throw new IllegalStateException(RESOURCE + ":" + (n + 1) + ": unknown part '" + section + "'");
                }
            } else if (section != null) {
                int part = switch (section) {
                    case "claim" -> 0;
                    case "short answer" -> 1;
                    default -> 2;
                };
                parts[part].append(line).append('\n');
            }
        }
        if (key != null) {
            found.add(template(key, language, name, parts));
        }
        return new BuiltInTemplates(found);
    }

    private static RebuttalTemplate template(String key, String language, String name, StringBuilder[] parts) {
        Objects.requireNonNull(name, () -> RESOURCE + ": template " + key + " " + language + " has no name");
        return new RebuttalTemplate(null, key, name, language, parts[0].toString().strip(), parts[1].toString().strip(),
                parts[2].toString().strip(), false, null);
    }
}
