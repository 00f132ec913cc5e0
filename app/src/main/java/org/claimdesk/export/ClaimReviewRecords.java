package org.claimdesk.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A rebuttal as a schema.org ClaimReview record, with the properties search engines document for
 * fact-check markup: url, claimReviewed, reviewRating (a Rating with ratingValue, bestRating,
 * worstRating and alternateName), itemReviewed (a Claim with its appearances and first appearance),
 * author, datePublished and inLanguage. {@link #problems} checks a record for the same properties,
 * so a pack never carries a record that would be refused, and an imported one can be checked too.
 */
public final class ClaimReviewRecords {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The claim's places listed in a record: the earliest ones, as a record is not a crawl log. */
    static final int MOST_APPEARANCES = 20;

    private ClaimReviewRecords() {
    }

    /**
     * @param url          where the rebuttal is (or will be) published
     * @param organisation who publishes it (the record's author)
     */
    public static ObjectNode of(PackRebuttal rebuttal, URI url, String organisation) {
        Objects.requireNonNull(url, "url");
        ObjectNode review = JSON.createObjectNode();
        review.put("@context", "https://schema.org");
        review.put("@type", "ClaimReview");
        review.put("url", url.toString());
        review.put("claimReviewed", rebuttal.claim());
        review.put("inLanguage", rebuttal.language());
        LocalDate published = LocalDate.ofInstant(rebuttal.publishedAt() != null ? rebuttal.publishedAt()
                : rebuttal.updatedAt(), ZoneOffset.UTC);
        review.put("datePublished", published.toString());
        ObjectNode author = review.putObject("author");
        author.put("@type", "Organization");
        author.put("name", organisation);

        ObjectNode rating = review.putObject("reviewRating");
        rating.put("@type", "Rating");
        rating.put("ratingValue", rebuttal.ratingValue());
        rating.put("bestRating", rebuttal.bestRating());
        rating.put("worstRating", rebuttal.worstRating());
        rating.put("alternateName", rebuttal.verdictName() == null ? "" : rebuttal.verdictName());

        ObjectNode claim = review.putObject("itemReviewed");
        claim.put("@type", "Claim");
        List<PackRebuttal.Appearance> seen = rebuttal.appearances().stream().filter(a -> a.url() != null).toList();
        if (!seen.isEmpty()) {
            PackRebuttal.Appearance first = seen.getFirst();
            if (first.seenAt() != null) {
                claim.put("datePublished", LocalDate.ofInstant(first.seenAt(), ZoneOffset.UTC).toString());
            }
            claim.set("firstAppearance", creativeWork(first));
            ArrayNode appearances = claim.putArray("appearance");
            seen.stream().limit(MOST_APPEARANCES).forEach(a -> appearances.add(creativeWork(a)));
        }
        return review;
    }

    private static ObjectNode creativeWork(PackRebuttal.Appearance appearance) {
        ObjectNode work = JSON.createObjectNode();
        work.put("@type", "CreativeWork");
        work.put("url", appearance.url().toString());
        if (appearance.title() != null && !appearance.title().isBlank()) {
            work.put("headline", appearance.title());
        }
        if (appearance.seenAt() != null) {
            work.put("datePublished", LocalDate.ofInstant(appearance.seenAt(), ZoneOffset.UTC).toString());
        }
        return work;
    }

    /** What a ClaimReview record lacks or has of the wrong type, in words; empty when it is complete. */
    public static List<String> problems(JsonNode review) {
        List<String> problems = new ArrayList<>();
        if (!"ClaimReview".equals(review.path("@type").asText())) {
            problems.add("@type is not ClaimReview");
        }
        url(review, "url", problems);
        text(review, "claimReviewed", problems);
        text(review, "inLanguage", problems);
        date(review, "datePublished", problems);
        JsonNode author = review.path("author");
        if (!author.isObject() || !(author.path("@type").asText().equals("Organization")
                || author.path("@type").asText().equals("Person"))) {
            problems.add("author is not an Organization or a Person");
        } else {
            text(author, "name", problems, "author.name");
        }
        JsonNode rating = review.path("reviewRating");
        if (!rating.isObject() || !rating.path("@type").asText().equals("Rating")) {
            problems.add("reviewRating is not a Rating");
        } else {
            for (String number : List.of("ratingValue", "bestRating", "worstRating")) {
                if (!rating.path(number).isNumber()) {
                    problems.add("reviewRating." + number + " is not a number");
                }
            }
            if (rating.path("ratingValue").isNumber() && rating.path("bestRating").isNumber()
                    && rating.path("worstRating").isNumber()) {
                int value = rating.path("ratingValue").asInt();
                if (value < rating.path("worstRating").asInt() || value > rating.path("bestRating").asInt()) {
                    problems.add("reviewRating.ratingValue is outside worstRating..bestRating");
                }
            }
            text(rating, "alternateName", problems, "reviewRating.alternateName");
        }
        JsonNode claim = review.path("itemReviewed");
        if (!claim.isObject() || !claim.path("@type").asText().equals("Claim")) {
            problems.add("itemReviewed is not a Claim");
        } else {
            if (claim.has("firstAppearance")) {
                url(claim.path("firstAppearance"), "url", problems, "itemReviewed.firstAppearance.url");
            }
            if (claim.has("appearance")) {
                if (!claim.path("appearance").isArray()) {
                    problems.add("itemReviewed.appearance is not a list");
                } else {
                    for (JsonNode appearance : claim.path("appearance")) {
                        url(appearance, "url", problems, "itemReviewed.appearance[].url");
                    }
                }
            }
        }
        return problems;
    }

    private static void text(JsonNode node, String field, List<String> problems) {
        text(node, field, problems, field);
    }

    private static void text(JsonNode node, String field, List<String> problems, String name) {
        if (!node.path(field).isTextual() || node.path(field).asText().isBlank()) {
            problems.add(name + " is missing or empty");
        }
    }

    private static void url(JsonNode node, String field, List<String> problems) {
        url(node, field, problems, field);
    }

    private static void url(JsonNode node, String field, List<String> problems, String name) {
        String text = node.path(field).asText("");
        try {
            URI uri = new URI(text);
            if (!uri.isAbsolute() || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                problems.add(name + " is not an http(s) address: " + text);
            }
        } catch (java.net.URISyntaxException e) {
            problems.add(name + " is not an address: " + text);
        }
    }

    private static void date(JsonNode node, String field, List<String> problems) {
        try {
            LocalDate.parse(node.path(field).asText(""));
        } catch (DateTimeParseException e) {
            problems.add(field + " is not a date (YYYY-MM-DD)");
        }
    }
}
