package org.claimdesk.extract;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ClaimReviewReader} found in one file: the records it could read, in file order,
 * each with where it was; the records it refused, each with why; and warnings about records it
 * kept (a rating scale it did not understand, a date it could not read).
 */
public record ClaimReviewFile(Path file, List<Found> records, List<Problem> refused, List<Problem> warnings) {
    public ClaimReviewFile {
        records = List.copyOf(records);
        refused = List.copyOf(refused);
        warnings = List.copyOf(warnings);
    }

    /** A record read, and where: "record 3" (in an array or @graph), "line 7" (JSON lines), "script 2". */
    public record Found(String where, ClaimReview review) {
    }

    /**
     * A problem with a record, or with the whole file ({@code where} is "file").
     *
     * @param message what is wrong, in words an analyst can act on
     */
    public record Problem(String where, String message) {
        /** "claims.jsonl: line 7: not valid JSON (…)". */
        public String describe(Path file) {
            return file + ": " + (where.equals("file") ? "" : where + ": ") + message;
        }
    }
}
