package org.claimdesk.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One item as the clusterer sees it: what the pipeline or a file gives, nothing stored.
 *
 * @param id       the caller's key (an item id in a workspace, a line's id in a file)
 * @param time     when it was published or seen; items should arrive in time order
 * @param language a language tag such as {@code en}, {@code ar}, {@code ja}; null when unknown
 * @param source   who carried it (feed or publisher); null when unknown
 * @param url      its own address; null when unknown
 * @param entities names found in it by the analysis stage, as written; empty when none were found
 */
public record ClusterItem(String id, Instant time, String title, String text, String language, String source,
                          String url, List<String> entities) {
    public ClusterItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    /** An item without language, source, address or entities. */
    public static ClusterItem of(String id, Instant time, String title, String text) {
        return new ClusterItem(id, time, title, text, null, null, null, List.of());
    }
}
