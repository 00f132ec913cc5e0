package org.claimdesk.export;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A pack's evidence as one CSV table, a row per piece of evidence: which rebuttal, where from,
 * the note, when it was kept and under which hash (the file in the pack), or why it could not be.
 * UTF-8 with a byte order mark, so that spreadsheet programs read Arabic and Japanese right.
 */
public final class EvidenceCsv {
    static final List<String> COLUMNS = List.of("rebuttal_id", "language", "position", "title", "url", "item_id", "note",
            "kept_at", "sha256", "content_type", "file", "problem");

    private EvidenceCsv() {
    }

    public static byte[] of(List<PackRebuttal> rebuttals) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (SequenceWriter rows = new CsvMapper().writer(schema.build()).writeValues(out)) {
            for (PackRebuttal rebuttal : rebuttals) {
                for (PackRebuttal.Evidence evidence : rebuttal.evidence()) {
                    rows.write(List.of(String.valueOf(rebuttal.id()), rebuttal.language(), String.valueOf(evidence.position()),
                            text(evidence.title()), evidence.url() == null ? "" : evidence.url().toString(),
                            evidence.itemId() == null ? "" : String.valueOf(evidence.itemId()), text(evidence.note()),
                            evidence.takenAt() == null ? "" : evidence.takenAt().toString(), text(evidence.sha256()),
                            text(evidence.contentType()), text(evidence.fileName()), text(evidence.problem())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
