package org.claimdesk.source;

import java.util.List;
import java.util.stream.Collectors;

/** An OPML file could not be imported; carries every problem found, each with line and column. */
public final class OpmlFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<FileProblem> problems;

    public OpmlFileException(List<FileProblem> problems) {
        super(problems.stream().map(FileProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an OpmlFileException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<FileProblem> problems() {
        return problems;
    }

    /** The problems formatted one per line ({@code subscriptions.opml:LINE:COL: what is wrong}). */
    public List<String> lines() {
        return problems.stream().map(FileProblem::toString).toList();
    }
}
