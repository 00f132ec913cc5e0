package org.claimdesk.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A whole, validated feeds.yml: global settings and the sources, in file order. */
public record SourcesConfig(Path file, FetchSettings settings, List<Source> sources) {
    public SourcesConfig {
        sources = List.copyOf(sources);
    }

    public Optional<Source> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<Source> enabledSources() {
        return sources.stream().filter(Source::enabled).toList();
    }
}
