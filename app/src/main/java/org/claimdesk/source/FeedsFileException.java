package org.claimdesk.source;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * feeds.yml could not be used. Carries every problem found (not only the first), each with its
 * line and column, so the user can fix them all in one go.
 */
public final class FeedsFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final List<FileProblem> problems;

    public FeedsFileException(Path file, List<FileProblem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a FeedsFileException needs at least one problem");
        }
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** The file that was read. */
    public Path file() {
        return file;
    }

    /** Every problem found, in file order. */
    public List<FileProblem> problems() {
        return problems;
    }

    /** The problems formatted one per line ({@code feeds.yml:LINE:COL: what is wrong}). */
    public List<String> lines() {
        return problems.stream().map(FileProblem::toString).toList();
    }

    private static String describe(List<FileProblem> problems) {
        return problems.stream().map(FileProblem::toString).collect(Collectors.joining("\n"));
    }
}
