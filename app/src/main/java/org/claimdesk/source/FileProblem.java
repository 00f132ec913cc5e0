package org.claimdesk.source;

/**
 * One thing wrong with a configuration file, at a place the user can jump to.
 *
 * @param file   the file name as the user knows it (e.g. {@code feeds.yml})
 * @param line   1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong, in plain words
 */
public record FileProblem(String file, int line, int column, String message) {

    /** {@code feeds.yml:14:5: unknown key 'urll' ...}, or {@code feeds.yml: ...} without a position. */
    @Override
    public String toString() {
        if (line <= 0) {
            return file + ": " + message;
        }
        return file + ":" + line + ":" + Math.max(column, 1) + ": " + message;
    }
}
