package org.claimdesk.export;

import org.claimdesk.source.OpmlFile;
import org.claimdesk.source.Source;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the sources a workspace watches as OPML 2.0, for feed readers and other ClaimDesks.
 * Written beside the target and moved into place, so an interrupted export never leaves half
 * a file where a good one was.
 */
public final class OpmlExport {
    private OpmlExport() {
    }

    public static void write(List<Source> sources, Path target) {
        Path absolute = target.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                OpmlFile.write(sources, out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the message below says what went wrong; a leftover .part file is harmless
            }
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
