package org.claimdesk.store;

import org.claimdesk.source.Source;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Sources as configured, their fetch history, and conditional-GET validators per URL. */
public final class SourceStore {

    /** Validators from the last 200 response for a URL, for the next conditional GET. */
    public record Validators(String etag, String lastModified) {
    }

    public SourceStore(Database database) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Upserts the configured sources; those no longer configured are kept but marked so. */
    public void sync(List<Source> configured) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Adds or updates a source that is not in feeds.yml (e.g. an imported file), leaving the others alone. */
    public void registerImported(Source source) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Records one attempt (id in the argument is ignored); returns it with its id. */
    public FetchAttempt record(FetchAttempt attempt) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Every known source with its health, in configuration order then by id. */
    public List<SourceHealth> health() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The newest failed attempts across all sources, newest first. */
    public List<FetchAttempt> recentFailures(int limit) {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<Validators> validators(URI url) {
        throw new UnsupportedOperationException("TODO");
    }

    public void saveValidators(URI url, Validators validators) {
        throw new UnsupportedOperationException("TODO");
    }
}
