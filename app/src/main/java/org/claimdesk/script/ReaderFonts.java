package org.claimdesk.script;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which installed font family to name explicitly for text in a writing system: the window uses
 * it, and so will anything that lays text out itself (a PDF export). JavaFX's own
 * fallback gets two things wrong (docs: shared STACK.md): Arabic drawn through a fallback font
 * comes out with punctuation and Latin runs in the wrong order, and CJK fonts shipped as CFF
 * .ttc files are skipped, leaving empty boxes. Naming a family that covers the script
 * <em>and</em> Latin digits and punctuation fixes both.
 */
public final class ReaderFonts {

    /** Preferred families, best first; the first one installed wins. */
    private static final Map<WritingSystem, List<String>> PREFERENCES = Map.of(
            // Both cover Arabic and Latin; Noto Sans Arabic alone still misplaces brackets.
            WritingSystem.ARABIC, List.of("DejaVu Sans", "Amiri", "Noto Naskh Arabic UI"),
            WritingSystem.HEBREW, List.of("DejaVu Sans", "Noto Sans Hebrew", "Arial"),
            WritingSystem.JAPANESE, List.of("Noto Sans CJK JP", "IPAGothic", "IPAPGothic", "Yu Gothic", "Hiragino Sans", "Meiryo"),
            WritingSystem.CHINESE_SIMPLIFIED, List.of("Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK JP"),
            WritingSystem.CHINESE_TRADITIONAL, List.of("Noto Sans CJK TC", "Microsoft JhengHei", "PingFang TC", "Noto Sans CJK JP"),
            WritingSystem.KOREAN, List.of("Noto Sans CJK KR", "Malgun Gothic", "Apple SD Gothic Neo"));

    private final Set<String> installed;

    /** @param installedFamilies what the platform has (in the window, JavaFX's {@code Font.getFamilies()}) */
    public ReaderFonts(Collection<String> installedFamilies) {
        this.installed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        this.installed.addAll(installedFamilies);
    }

    /** The family to set, or empty to keep the theme's font (Latin and friends, or nothing suitable installed). */
    public Optional<String> familyFor(WritingSystem system) {
        return PREFERENCES.getOrDefault(system, List.of()).stream()
                .filter(installed::contains)
                .findFirst();
    }
}
