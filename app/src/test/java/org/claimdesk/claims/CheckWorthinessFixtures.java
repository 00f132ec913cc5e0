package org.claimdesk.claims;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the labelled check-worthiness data in ../shared/fixtures/checkworthiness (never copied
 * into the repository): the CLEF 2019 debates ({@code line, speaker, text, label}) and the CT24
 * splits ({@code id<TAB>text<TAB>label} with csv-style quoting, see its README).
 */
final class CheckWorthinessFixtures {
    static final Map<String, String> CT24_FOLDERS = Map.of("en", "english", "ar", "arabic", "nl", "dutch", "es", "spanish");

    private CheckWorthinessFixtures() {
    }

    /** Every sentence of the 2019 debates, each in the group named after its debate's file. */
    static List<LabelledSentence> clef2019(Path checkworthiness) throws IOException {
        List<LabelledSentence> sentences = new ArrayList<>();
        try (Stream<Path> files = Files.list(checkworthiness.resolve("clef2019-train"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                String debate = file.getFileName().toString().replace(".tsv", "");
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] cells = line.split("\t", 4);
                    if (cells.length == 4 && !cells[2].isBlank()) {
                        sentences.add(new LabelledSentence(cells[2].strip(), "en", cells[3].strip().equals("1"), debate));
                    }
                }
            }
        }
        return sentences;
    }

    /** One CT24 split ("train", "dev", "dev-test") of a language, or an empty list when it is not there. */
    static List<LabelledSentence> ct24(Path checkworthiness, String language, String split) throws IOException {
        Path file = checkworthiness.resolve("ct24").resolve(CT24_FOLDERS.get(language)).resolve(split + ".tsv");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<List<String>> rows = tabSeparatedRows(Files.readString(file, StandardCharsets.UTF_8));
        List<LabelledSentence> sentences = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() >= 3 && !row.get(1).isBlank()) {
                sentences.add(new LabelledSentence(row.get(1).strip(), language, row.get(2).strip().equals("1"),
                        "ct24-" + language + "-" + split));
            }
        }
        return sentences;
    }

    /** Rows of a tab-separated file with csv-style minimal quoting (quoted cells may hold tabs, newlines, "" for "). */
    static List<List<String>> tabSeparatedRows(String content) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStart = true;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
                continue;
            }
            if (c == '"' && cellStart) {
                quoted = true;
                cellStart = false;
            } else if (c == '\t') {
                row.add(cell.toString());
                cell.setLength(0);
                cellStart = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                cellStart = true;
            } else {
                cell.append(c);
                cellStart = false;
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
