package org.claimdesk.rebuttals;

import java.nio.file.Path;
import java.util.List;

/**
 * What importing one file of ClaimReview records did.
 *
 * @param refused  one line per refused record (or for the whole file), naming the file, the record
 *                 or line, and what is wrong
 * @param warnings one line per record kept with a caveat (an unknown rating scale, an unreadable date)
 */
public record FactCheckImportReport(Path file, int imported, int updated, int unchanged, List<String> refused,
                                    List<String> warnings) {
    public FactCheckImportReport {
        refused = List.copyOf(refused);
        warnings = List.copyOf(warnings);
    }

    /** "12 imported, 1 updated, 0 unchanged, 2 refused". */
    public String summary() {
        return imported + " imported, " + updated + " updated, " + unchanged + " unchanged, " + refused.size() + " refused";
    }
}
