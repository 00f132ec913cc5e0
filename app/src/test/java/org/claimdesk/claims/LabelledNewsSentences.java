package org.claimdesk.claims;

import org.jsoup.parser.Parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Our own labels on real news sentences in de, fr, ja and ru (test resources
 * {@code claims/labelled/}, with their guidelines): each row points into a file of
 * {@code ../shared/fixtures} by byte range and holds a hash of the sentence, so the text is read
 * in place, never copied, and a fixture that changed is noticed.
 */
final class LabelledNewsSentences {
    private LabelledNewsSentences() {
    }

    /** The labelled sentences of one language; fails when a row no longer matches its fixture. */
    static List<LabelledSentence> read(Path fixtures, String language) {
        List<LabelledSentence> sentences = new ArrayList<>();
        try (var in = LabelledNewsSentences.class.getResourceAsStream("labelled/" + language + ".tsv")) {
            if (in == null) {
                throw new IllegalArgumentException("no labelled set for " + language);
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (int n = 1; n < lines.size(); n++) {
                String[] cells = lines.get(n).split("\t");
                if (cells.length < 4) {
                    continue;
                }
                String text = resolve(fixtures, cells[0], cells[1]);
                if (!hashOf(text).equals(cells[2])) {
                    throw new IllegalStateException(language + ".tsv:" + (n + 1) + ": the fixture changed: " + cells[0]
                            + " " + cells[1] + " no longer holds the labelled sentence");
                }
                sentences.add(new LabelledSentence(text, language, cells[3].equals("1"), cells[0], List.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sentences;
    }

    /** The README's steps: the byte range in its charset, markup removed where the file has any, spaces collapsed. */
    static String resolve(Path fixtures, String path, String locator) throws IOException {
        String[] parts = locator.substring("bytes:".length()).split(":");
        String[] range = parts[0].split("-");
        int start = Integer.parseInt(range[0]);
        int end = Integer.parseInt(range[1]);
        Charset charset = parts.length > 1 ? Charset.forName(parts[1]) : StandardCharsets.UTF_8;
        byte[] bytes = Files.readAllBytes(fixtures.resolve(path));
        String text = new String(bytes, start, end - start, charset);
        if (path.endsWith(".html") || path.endsWith(".xml")) {
            text = text.replace("<![CDATA[", "").replace("]]>", "");
            text = text.replaceAll("(?s)<!--.*?-->", "");
            text = text.replaceAll("<[^>]*>", "");
            text = Parser.unescapeEntities(text, false);
        }
        return text.replaceAll("(?U)\\s+", " ").strip();
    }

    static String hashOf(String text) {
        StringBuilder key = new StringBuilder();
        text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != 0x85)
                .forEach(key::appendCodePoint);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
