package org.claimdesk.rebuttals;

import org.claimdesk.extract.ClaimReview;
import org.claimdesk.extract.ClaimReviewFile;
import org.claimdesk.extract.ClaimReviewReader;
import org.claimdesk.nlp.DetectedLanguage;
import org.claimdesk.nlp.LanguageDetector;
import org.claimdesk.store.FactCheckStore;
import org.claimdesk.store.StoreException;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Imports fact-checks published by others (ClaimReview files, decision 0018): reads a file with
 * {@link ClaimReviewReader}, gives a record without inLanguage the language of its claim, and saves
 * the good records {@value #BATCH} to a transaction. A refused record never stops the others; a
 * batch the database refuses is refused whole (each of its records named), so nothing stays half
 * imported. Re-importing changes nothing unless a record is newer ({@link FactCheckStore}).
 */
public final class FactCheckImport {
    static final int BATCH = 1_000;

    private final FactCheckStore store;
    private final ClaimReviewReader reader;
    private final LanguageDetector languages;
    private final Clock clock;

    public FactCheckImport(FactCheckStore store, ClaimReviewReader reader, LanguageDetector languages, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.languages = Objects.requireNonNull(languages, "languages");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Imports one file; a file that cannot be read at all is reported as refused, never thrown. */
    public FactCheckImportReport importFile(Path file) {
        ClaimReviewFile read;
        try {
            read = reader.read(file);
        } catch (NoSuchFileException e) {
            return refusedWhole(file, "no such file");
        } catch (IOException e) {
            return refusedWhole(file, "cannot be read: " + e.getMessage());
        }
        List<String> refused = new ArrayList<>(read.refused().stream().map(p -> p.describe(file)).toList());
        List<String> warnings = new ArrayList<>(read.warnings().stream().map(p -> p.describe(file)).toList());
        int[] counts = new int[FactCheckStore.Outcome.values().length];
        List<ClaimReviewFile.Found> records = read.records();
        for (int start = 0; start < records.size(); start += BATCH) {
            List<ClaimReviewFile.Found> batch = records.subList(start, Math.min(records.size(), start + BATCH));
            try {
                List<FactCheckStore.Outcome> outcomes = store.save(batch.stream().map(f -> withLanguage(f.review())).toList(),
                        file.toString(), clock.instant());
                outcomes.forEach(outcome -> counts[outcome.ordinal()]++);
            } catch (StoreException e) {
                // the transaction rolled back: none of the batch is kept, and each record says so
                for (ClaimReviewFile.Found found : batch) {
                    refused.add(file + ": " + found.where() + ": could not be saved: " + e.getMessage());
                }
            }
        }
        return new FactCheckImportReport(file, counts[FactCheckStore.Outcome.IMPORTED.ordinal()],
                counts[FactCheckStore.Outcome.UPDATED.ordinal()], counts[FactCheckStore.Outcome.UNCHANGED.ordinal()],
                refused, warnings);
    }

    private static FactCheckImportReport refusedWhole(Path file, String why) {
        return new FactCheckImportReport(file, 0, 0, 0, List.of(file + ": " + why), List.of());
    }

    /** inLanguage when the record gave one; else the claim's language as detected, "und" when too short to tell. */
    private ClaimReview withLanguage(ClaimReview review) {
        if (review.language() != null) {
            return review;
        }
        DetectedLanguage detected = languages.detect(review.claimReviewed()
                + (review.reviewText() == null ? "" : "\n" + review.reviewText()), null);
        return review.withLanguage(detected.tag());
    }
}
