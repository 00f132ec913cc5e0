package org.claimdesk.rebuttals;

import org.claimdesk.extract.Article;
import org.claimdesk.extract.ArticleExtractor;
import org.claimdesk.extract.ExtractException;
import org.claimdesk.fetch.FetchException;
import org.claimdesk.fetch.FetchRequest;
import org.claimdesk.fetch.FetchResult;
import org.claimdesk.store.EvidenceSnapshot;
import org.claimdesk.store.StoredItem;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;

/**
 * Takes the snapshot of a piece of evidence when it is attached: the page's raw bytes kept in the
 * workspace and its article text, so the rebuttal still stands when the page changes or vanishes
 * and when the laptop is offline. A page that cannot be fetched (offline, gone, refused) is still
 * attached, with the reason, and can be taken again later.
 */
public final class EvidenceSnapshots {
    /** Fetches one page the analyst chose to attach; the workspace's fetcher with its limits and address rules. */
    @FunctionalInterface
    public interface PageFetch {
        FetchResult fetch(FetchRequest request) throws FetchException, InterruptedException;
    }

    /** A snapshot and the title found with it. */
    public record Taken(EvidenceSnapshot snapshot, String title) {
    }

    private final SnapshotFolder folder;
    private final PageFetch fetch;
    private final ArticleExtractor extractor;
    private final Clock clock;

    public EvidenceSnapshots(SnapshotFolder folder, PageFetch fetch, ArticleExtractor extractor, Clock clock) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Fetches the page now and keeps it; blocks on the network (never call it on the window's thread). */
    public Taken ofPage(URI url) throws InterruptedException {
        FetchResult result;
        try {
            result = fetch.fetch(FetchRequest.of(url));
        } catch (FetchException e) {
            return new Taken(EvidenceSnapshot.failed("could not fetch it: " + e.getMessage(), clock.instant()), null);
        }
        if (!(result instanceof FetchResult.Body body)) {
            return new Taken(EvidenceSnapshot.failed("the site sent no page", clock.instant()), null);
        }
        String sha256 = folder.keep(body.body());
        String text;
        String title;
        String problem = null;
        try {
            Article article = extractor.extract(body.body(), body.contentType(), body.finalUri(), null);
            text = article.text();
            title = article.title();
        } catch (ExtractException e) {
            // the raw page is kept all the same: it is the evidence; only its text could not be read
            text = null;
            title = null;
            problem = "kept the page, but could not read its text: " + e.getMessage();
        }
        return new Taken(new EvidenceSnapshot(text, sha256, body.body().length, body.contentType(), clock.instant(), problem),
                title);
    }

    /** An item of the workspace as evidence: its title and text as stored, kept as a snapshot of their own. */
    public Taken ofItem(StoredItem item) {
        String title = item.title() == null ? "" : item.title();
        String text = item.text() == null ? "" : item.text();
        byte[] bytes = (title + "\n\n" + text).getBytes(StandardCharsets.UTF_8);
        String sha256 = folder.keep(bytes);
        return new Taken(new EvidenceSnapshot(text, sha256, bytes.length, "text/plain; charset=UTF-8", clock.instant(), null),
                item.title());
    }
}
