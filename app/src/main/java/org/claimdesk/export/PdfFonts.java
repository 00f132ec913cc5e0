package org.claimdesk.export;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.claimdesk.script.WritingSystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the TrueType fonts a pack's PDF embeds, per script: in the {@code fonts/} folder bundled
 * beside the app first, then in the system's font folders. Only TrueType-outline files are named:
 * PDFBox cannot embed the CFF-based .ttc/.otf files most CJK packages ship (Noto Sans CJK), so
 * Japanese comes from IPA Gothic. Every font named here is under the SIL Open Font Licence or
 * a similar free licence (DejaVu: Bitstream Vera; IPA: IPA Font Licence; Droid: Apache-2.0), so
 * they may be bundled (decision 0022).
 */
public final class PdfFonts {
    /** A font file to register under a CSS family name. */
    public record Face(String family, Path file, int weight) {
    }

    /** One font family that can serve a role, with its file names as the font packages install them. */
    private record Candidate(String family, String regular, String bold) {
    }

    /** The kinds of text the page needs a font for; each names the fonts that serve it, best first. */
    private enum Role {
        LATIN("Latin, Cyrillic and Greek", 'A', "fonts-noto-core (Noto Sans) or fonts-dejavu-core (DejaVu Sans)",
                new Candidate("Noto Sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
                new Candidate("DejaVu Sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf")),
        // The page's Arabic is shaped by ICU into presentation forms, so a font must map them (sample: lam-alef).
        ARABIC("Arabic", 0xFEFB, "fonts-hosny-amiri (Amiri) or fonts-noto-core (Noto Naskh Arabic)",
                new Candidate("Amiri", "Amiri-Regular.ttf", "Amiri-Bold.ttf"),
                new Candidate("Noto Naskh Arabic", "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"),
                new Candidate("DejaVu Sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf")),
        HEBREW("Hebrew", 0x05D0, "fonts-noto-core (Noto Sans Hebrew) or fonts-dejavu-core (DejaVu Sans)",
                new Candidate("Noto Sans Hebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
                new Candidate("DejaVu Sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf")),
        // the proportional IPA Gothic first: the fixed-width one sets Latin words like a typewriter
        JAPANESE("Japanese (kana and kanji)", 0x3042, "fonts-ipafont-gothic (IPAPGothic) or fonts-ipaexfont-gothic (IPAexGothic)",
                new Candidate("IPAPGothic", "ipagp.ttf", null),
                new Candidate("IPAGothic", "ipag.ttf", null),
                new Candidate("IPAexGothic", "ipaexg.ttf", null)),
        CJK("Chinese and Korean (Han and Hangul)", 0xD55C, "fonts-droid-fallback (Droid Sans Fallback)",
                new Candidate("Droid Sans Fallback", "DroidSansFallbackFull.ttf", null));

        final String script;
        final int sample;
        final String remedy;
        final List<Candidate> candidates;

        Role(String script, int sample, String remedy, Candidate... candidates) {
            this.script = script;
            this.sample = sample;
            this.remedy = remedy;
            this.candidates = List.of(candidates);
        }

        static Role of(int codePoint) {
            return switch (Character.UnicodeScript.of(codePoint)) {
                case ARABIC -> ARABIC;
                case HEBREW -> HEBREW;
                case HIRAGANA, KATAKANA, HAN -> JAPANESE;
                case HANGUL, BOPOMOFO -> CJK;
                default -> LATIN;
            };
        }

        static Role of(WritingSystem system) {
            return switch (system) {
                case ARABIC -> ARABIC;
                case HEBREW -> HEBREW;
                case JAPANESE -> JAPANESE;
                case CHINESE_SIMPLIFIED, CHINESE_TRADITIONAL, KOREAN -> CJK;
                case DEFAULT -> LATIN;
            };
        }
    }

    private final List<Path> folders;
    private Map<String, Path> filesByName;
    private final Map<Path, Coverage> coverage = new HashMap<>();

    /** @param folders where to look, first match wins (the bundled folder, then the system's) */
    public PdfFonts(List<Path> folders) {
        this.folders = List.copyOf(folders);
    }

    /** The bundled {@link #bundledFolder()} first, then this system's font folders. */
    public static PdfFonts onThisMachine() {
        List<Path> folders = new ArrayList<>();
        bundledFolder().ifPresent(folders::add);
        folders.addAll(systemFolders());
        return new PdfFonts(folders);
    }

    /**
     * The {@code fonts/} folder beside the app's jar (in an installed app, {@code lib/app/fonts/}), where
     * packaging puts the fonts it ships; empty when the code is not run from a jar's folder.
     */
    public static Optional<Path> bundledFolder() {
        try {
            var source = PdfFonts.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            Path dir = Files.isDirectory(location) ? location : location.getParent();
            return Optional.ofNullable(dir).map(d -> d.resolve("fonts"));
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The usual font folders of Linux, macOS and Windows, the user's own first. */
    public static List<Path> systemFolders() {
        List<Path> folders = new ArrayList<>();
        String home = System.getProperty("user.home");
        if (home != null) {
            folders.add(Path.of(home, ".local", "share", "fonts"));
            folders.add(Path.of(home, ".fonts"));
            folders.add(Path.of(home, "Library", "Fonts"));
        }
        folders.add(Path.of("/usr/local/share/fonts"));
        folders.add(Path.of("/usr/share/fonts"));
        folders.add(Path.of("/Library/Fonts"));
        folders.add(Path.of("/System/Library/Fonts"));
        String windows = System.getenv("WINDIR");
        if (windows != null) {
            folders.add(Path.of(windows, "Fonts"));
        }
        String localAppData = System.getenv("LOCALAPPDATA");
        if (localAppData != null) {
            folders.add(Path.of(localAppData, "Microsoft", "Windows", "Fonts"));
        }
        return folders;
    }

    /**
     * The CSS {@code font-family} list for text in a writing system: its own fonts first, then all
     * the others, so a word in another script (a Latin name in Arabic) still finds a font that has it.
     * The same names serve a browser showing the page and the PDF, which registers what it found
     * under them.
     */
    public static String cssFamilies(WritingSystem system) {
        Set<String> families = new LinkedHashSet<>();
        Role first = Role.of(system);
        Stream.concat(Stream.of(first), Stream.of(Role.values()).filter(r -> r != first))
                .flatMap(role -> role.candidates.stream())
                .forEach(candidate -> families.add(candidate.family()));
        return families.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", ")) + ", sans-serif";
    }

    /**
     * The faces to embed for a text: a font for Latin always, then one for each other script the
     * text uses, and more where a letter is still uncovered.
     *
     * @throws MissingFontException when some letter of the text is in no font found, naming its script
     */
    public List<Face> facesFor(String text) {
        Set<Integer> needed = new TreeSet<>();
        text.codePoints().filter(PdfFonts::needsGlyph).forEach(needed::add);
        Set<Role> roles = EnumSet.of(Role.LATIN);
        needed.forEach(cp -> roles.add(Role.of(cp)));

        Map<Candidate, Path> chosen = new LinkedHashMap<>();
        for (Role role : roles) {
            Candidate candidate = role.candidates.stream()
                    .filter(c -> find(c.regular()) != null && covers(find(c.regular()), role.sample))
                    .findFirst()
                    .orElseThrow(() -> missing(role.script, role.remedy));
            chosen.putIfAbsent(candidate, find(candidate.regular()));
        }
        for (int cp : needed) {
            if (chosen.values().stream().anyMatch(file -> covers(file, cp))) {
                continue;
            }
            // a rare letter: any other known font that has it
            Candidate extra = Stream.of(Role.values()).flatMap(r -> r.candidates.stream())
                    .filter(c -> !chosen.containsKey(c) && find(c.regular()) != null && covers(find(c.regular()), cp))
                    .findFirst()
                    .orElseThrow(() -> missingLetter(cp));
            chosen.put(extra, find(extra.regular()));
        }

        List<Face> faces = new ArrayList<>();
        chosen.forEach((candidate, regular) -> {
            faces.add(new Face(candidate.family(), regular, 400));
            Path bold = candidate.bold() == null ? null : find(candidate.bold());
            if (bold != null) {
                faces.add(new Face(candidate.family(), bold, 700));
            }
        });
        return List.copyOf(faces);
    }

    /** Spaces, controls and invisible marks (bidi marks, joiners) need no glyph. */
    private static boolean needsGlyph(int cp) {
        int type = Character.getType(cp);
        return !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)
                && type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED;
    }

    private MissingFontException missingLetter(int cp) {
        Role role = Role.of(cp);
        String script = Character.UnicodeScript.of(cp).name().replace('_', ' ').toLowerCase(Locale.ROOT);
        script = Character.toUpperCase(script.charAt(0)) + script.substring(1);
        String remedy = role == Role.LATIN && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN
                ? "a TrueType (.ttf) font that covers " + script + " (e.g. fonts-noto-core)"
                : role.remedy;
        return missing(script + " (" + new String(Character.toChars(cp)) + ", U+"
                + String.format(Locale.ROOT, "%04X", cp) + ")", remedy);
    }

    private MissingFontException missing(String script, String remedy) {
        String bundled = bundledFolder().map(p -> ", or put its .ttf files in " + p).orElse("");
        return new MissingFontException(script, "The PDF needs a font for " + script + " text and none was found. Install "
                + remedy + bundled + ". Looked in: "
                + folders.stream().map(Path::toString).collect(Collectors.joining(", ")) + ".");
    }

    private synchronized Path find(String fileName) {
        if (filesByName == null) {
            filesByName = indexFolders();
        }
        return filesByName.get(fileName.toLowerCase(Locale.ROOT));
    }

    /** Every .ttf file under the folders by its name in lower case (Windows names them in capitals), first folder wins. */
    private Map<String, Path> indexFolders() {
        Map<String, Path> byName = new HashMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder, 8, FileVisitOption.FOLLOW_LINKS)) {
                files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttf"))
                        .filter(Files::isRegularFile)
                        .forEach(f -> byName.putIfAbsent(f.getFileName().toString().toLowerCase(Locale.ROOT), f));
            } catch (IOException | UncheckedIOException e) {
                // an unreadable folder holds no font we can use; the others still count
            }
        }
        return byName;
    }

    private synchronized boolean covers(Path file, int cp) {
        return coverage.computeIfAbsent(file, Coverage::read).has(cp);
    }

    /** Which code points a font file maps to a glyph; an unreadable file maps none. */
    private record Coverage(Map<Integer, Boolean> known, CmapLookup cmap) {
        static Coverage read(Path file) {
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()))) {
                CmapLookup cmap = font.getUnicodeCmapLookup(false);
                // the cmap table is read eagerly by the lookup; keep only it past the font's closing
                return new Coverage(new HashMap<>(), cmap);
            } catch (IOException | RuntimeException e) {
                return new Coverage(new HashMap<>(), null);
            }
        }

        boolean has(int cp) {
            return cmap != null && known.computeIfAbsent(cp, c -> cmap.getGlyphId(c) > 0);
        }
    }
}
