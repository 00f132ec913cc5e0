package org.claimdesk.rebuttals;

import org.claimdesk.store.ItemSummary;
import org.claimdesk.store.ItemText;
import org.claimdesk.store.StoredRebuttal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What happened to a claim after the team's answer to it was published: the cluster's items before
 * and after, by source; whether the claim slowed down; and the items that link to the answer or
 * quote its short answer.
 *
 * @param publishedAt  when the rebuttal was first published
 * @param publishedUrl where, when the team said so; null otherwise (no link can be recognised then)
 * @param asOf         when this was worked out
 * @param spread       the cluster's items before and after the publication, by source
 * @param pace         items per hour just before and just after the publication
 * @param links        items since the publication whose text links to the published address, newest first
 * @param quotes       items since the publication that quote the short answer, newest first
 * @param itemsRead    how many items since the publication were read for links and quotes
 *                     (at most {@link #MOST_ITEMS_READ}: the newest ones)
 */
public record AfterPublication(long rebuttalId, long clusterId, Instant publishedAt, URI publishedUrl, Instant asOf,
                               PublicationSpread spread, Pace pace, List<Mention> links, List<Mention> quotes,
                               int itemsRead) {
    /** Items since the publication read for links and quotes, newest first: beyond them, older mentions are not looked for. */
    public static final int MOST_ITEMS_READ = 5_000;
    /** The span compared on each side of the publication. */
    public static final Duration PACE_WINDOW = Duration.ofHours(6);
    /** Less time than this since the publication says nothing yet about its pace. */
    public static final Duration TOO_EARLY = Duration.ofHours(1);

    public AfterPublication {
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(spread, "spread");
        Objects.requireNonNull(pace, "pace");
        links = List.copyOf(links);
        quotes = List.copyOf(quotes);
    }

    /** What the pace of the claim did after the answer. */
    public enum Trend {
        /** At most half as many items per hour after as before. */
        SLOWED,
        /** Between half and one and a half times the pace before. */
        STEADY,
        /** At least one and a half times as many items per hour after (or some after none). */
        GREW,
        /** Under an hour since the publication: too early to tell. */
        TOO_EARLY
    }

    /**
     * Items per hour in the {@link #PACE_WINDOW} before the publication, and in the same span after
     * it (or as much of it as has passed).
     *
     * @param before     items in the window before the publication
     * @param after      items in the span after it
     * @param afterSpan  how long the span after is: the window, or the time since the publication when shorter
     */
    public record Pace(Duration window, int before, int after, Duration afterSpan, Trend trend) {
        public double perHourBefore() {
            return before / hours(window);
        }

        /** Items per hour after; NaN while it is too early. */
        public double perHourAfter() {
            return trend == Trend.TOO_EARLY ? Double.NaN : after / hours(afterSpan);
        }

        /** In plain words, with the window it compares: "slowed down: 3.0 items/h in the 6 h before, 0.5 items/h in the 6 h after". */
        public String inWords() {
            long windowHours = window.toHours();
            if (trend == Trend.TOO_EARLY) {
                return String.format(Locale.ROOT, "too early to tell (under %d min since publication); %.1f items/h in the %d h before",
                        TOO_EARLY.toMinutes(), perHourBefore(), windowHours);
            }
            String word = switch (trend) {
                case SLOWED -> "slowed down";
                case GREW -> "spread faster";
                default -> "kept its pace";
            };
            return String.format(Locale.ROOT, "%s: %.1f items/h in the %d h before publication, %.1f items/h in the %s after",
                    word, perHourBefore(), windowHours, perHourAfter(), span(afterSpan));
        }

        private static String span(Duration span) {
            return span.toMinutes() % 60 == 0 ? span.toHours() + " h" : String.format(Locale.ROOT, "%.1f h", hours(span));
        }

        private static double hours(Duration span) {
            return Math.max(1, span.toSeconds()) / 3600.0;
        }
    }

    /**
     * An item that links to or quotes the answer.
     *
     * @param inCluster whether it is one of the answered cluster's items (else it was clustered elsewhere)
     * @param evidence  the link as the item writes it, or the words it quotes
     */
    public record Mention(long itemId, String title, String source, Instant time, boolean inCluster, String evidence) {
    }

    /**
     * Works it out for a published rebuttal.
     *
     * @param clusterItems the answered cluster's items (with those of clusters merged into it)
     * @param since        items since the publication, newest first (the cluster's and all others)
     */
    public static AfterPublication of(StoredRebuttal rebuttal, Collection<ItemSummary> clusterItems,
                                      List<ItemText> since, Instant now) {
        Instant published = rebuttal.publishedAt();
        if (published == null) {
            throw new IllegalArgumentException("rebuttal " + rebuttal.id() + " was never published");
        }
        Set<Long> inCluster = new HashSet<>();
        clusterItems.forEach(item -> inCluster.add(item.id()));
        PublishedAddress address = rebuttal.publishedUrl() == null ? null : PublishedAddress.of(rebuttal.publishedUrl());
        QuoteFinder quotes = new QuoteFinder(rebuttal.text().shortAnswer(), rebuttal.text().claim());
        List<Mention> linking = new ArrayList<>();
        List<Mention> quoting = new ArrayList<>();
        for (ItemText item : since) {
            if (address != null && address.isSameAs(item.url())) {
                continue; // the published answer itself, stored as an item
            }
            String text = item.titleAndText();
            Optional<String> link = address == null ? Optional.empty() : address.linkIn(text);
            link.ifPresent(l -> linking.add(mention(item, inCluster, l)));
            quotes.in(text).ifPresent(q -> quoting.add(mention(item, inCluster, q.text())));
        }
        return new AfterPublication(rebuttal.id(), rebuttal.clusterId(), published, rebuttal.publishedUrl(), now,
                PublicationSpread.of(published, clusterItems), pace(published, clusterItems, now), linking, quoting,
                since.size());
    }

    static Pace pace(Instant published, Collection<ItemSummary> items, Instant now) {
        Instant windowStart = published.minus(PACE_WINDOW);
        Duration sincePublished = Duration.between(published, now);
        Duration afterSpan = sincePublished.compareTo(PACE_WINDOW) < 0 ? sincePublished : PACE_WINDOW;
        if (afterSpan.isNegative()) {
            afterSpan = Duration.ZERO;
        }
        Instant afterEnd = published.plus(afterSpan);
        int before = 0;
        int after = 0;
        for (ItemSummary item : items) {
            Instant t = item.time();
            if (!t.isBefore(windowStart) && t.isBefore(published)) {
                before++;
            } else if (!t.isBefore(published) && !t.isAfter(afterEnd)) {
                after++;
            }
        }
        Trend trend;
        if (afterSpan.compareTo(TOO_EARLY) < 0) {
            trend = Trend.TOO_EARLY;
        } else {
            double perHourBefore = before / (double) PACE_WINDOW.toSeconds();
            double perHourAfter = after / (double) afterSpan.toSeconds();
            if (perHourAfter <= perHourBefore * 0.5 && before > 0) {
                trend = Trend.SLOWED;
            } else if (perHourAfter >= perHourBefore * 1.5 && after > 0) {
                trend = Trend.GREW;
            } else {
                trend = Trend.STEADY;
            }
        }
        return new Pace(PACE_WINDOW, before, after, afterSpan, trend);
    }

    private static Mention mention(ItemText item, Set<Long> inCluster, String evidence) {
        return new Mention(item.id(), item.title(), item.sourceName(), item.time(), inCluster.contains(item.id()), evidence);
    }
}
