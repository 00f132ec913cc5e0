package org.claimdesk.workspace;

import org.claimdesk.extract.CssSelectors;
import org.claimdesk.source.FeedsFileException;
import org.claimdesk.source.FeedsFileParser;
import org.claimdesk.source.FeedsFileWatcher;
import org.claimdesk.source.FeedsFileWriter;
import org.claimdesk.source.Source;
import org.claimdesk.store.WorkspaceSettingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The starter list a new workspace gets as its feeds.yml, and the user's choice of which of its
 * sources to watch (decision 0012). Until the choice is made the window polls nothing: the user
 * never chose those sites, and contacting them tells a network observer who is watching. The
 * choice is kept in the workspace's own feeds.yml (the sources not chosen become
 * {@code enabled: false}, comments kept); that a choice is awaited is kept in the database. Blocks.
 */
public final class StarterSources {
    private static final Logger LOG = LoggerFactory.getLogger(StarterSources.class);
    static final String AWAITING_CHOICE = "starter_sources.awaiting_choice";

    private final FeedsFileWatcher watcher;
    private final WorkspaceSettingStore settings;
    private final Consumer<List<String>> chosen;

    StarterSources(FeedsFileWatcher watcher, WorkspaceSettingStore settings, Consumer<List<String>> chosen) {
        this.watcher = watcher;
        this.settings = settings;
        this.chosen = chosen;
    }

    static void markAwaitingChoice(WorkspaceSettingStore settings) {
        settings.put(AWAITING_CHOICE, "true");
    }

    /** Whether the user has yet to choose which starter sources to watch; "Not now" leaves it so. */
    public boolean awaitingChoice() {
        return settings.get(AWAITING_CHOICE).isPresent();
    }

    /** The sources to choose from: the enabled ones of the starter list, in its order. */
    public List<Source> offered() {
        return watcher.current().enabledSources();
    }

    /**
     * Watches the chosen sources from now on and no other of the starter list: the others are
     * disabled in feeds.yml, which is read again at once, so nothing polls one of them in between.
     *
     * @param ids the ids of the sources chosen among {@link #offered()}; empty watches none
     * @throws FeedsFileException when feeds.yml cannot be changed as it is (the choice is still awaited)
     */
    public void choose(Set<String> ids) throws FeedsFileException {
        Set<String> notChosen = new HashSet<>();
        for (Source source : offered()) {
            if (!ids.contains(source.id())) {
                notChosen.add(source.id());
            }
        }
        try {
            new FeedsFileWriter(new FeedsFileParser(CssSelectors.CHECK)).disable(watcher.file(), notChosen);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + watcher.file() + ": " + e.getMessage(), e);
        }
        List<String> watched = watcher.reload().enabledSources().stream().map(Source::id).toList();
        settings.remove(AWAITING_CHOICE);
        LOG.info("starter sources chosen: {} of {} watched", watched.size(), watched.size() + notChosen.size());
        chosen.accept(watched);
    }
}
