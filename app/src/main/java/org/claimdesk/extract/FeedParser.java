package org.claimdesk.extract;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom with Rome. XML is parsed safely: no DTDs fetched, no
 * external entities, no entity-expansion bombs. The charset comes from the Content-Type
 * header, the BOM or the XML declaration, in that order (a BOM wins over a contradicting
 * header; see {@link FeedCharset}).
 *
 * <p>Safety comes from Rome's own parser set-up with {@code allowDoctypes=false}: the SAX
 * parser refuses any DOCTYPE, so entities can never be declared, expanded or fetched. A
 * document refused by the strict parse gets one lenient retry ({@link LenientXml}) for common,
 * harmless breakage; a DOCTYPE with an internal subset is never retried.
 */
public final class FeedParser {

    private static final Logger log = LoggerFactory.getLogger(FeedParser.class);

    private static final Set<String> FEED_ROOTS = Set.of("rss", "RDF", "feed", "entry");
    private static final Pattern SAX_LOCATION_PREFIX = Pattern.compile("^(?:Invalid XML: )?(?:Error on line \\d+: )?");
    private static final Pattern NAME_IN_PARENS = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$");

    /**
     * @param body        the raw bytes as fetched or read from disk
     * @param contentType the Content-Type header (may be null, e.g. for a file)
     * @param base        where the document came from; relative links resolve against it
     * @throws ExtractException malformed XML (with line and column), not a feed, or hostile content
     */
    public ParsedFeed parse(byte[] body, String contentType, URI base) throws ExtractException {
        if (body == null || body.length == 0) {
            throw new ExtractException("not an RSS or Atom feed: the document is empty");
        }
        String text = FeedCharset.decode(body, contentType).text();
        if (text.isBlank()) {
            throw new ExtractException("not an RSS or Atom feed: the document contains only whitespace");
        }
        XmlProlog prolog = XmlProlog.scan(text);
        refuseWhatIsNotAFeed(text, prolog);
        if ("entry".equals(prolog.rootLocalName())) {
            text = wrapAtomEntryDocument(text, prolog);
            prolog = XmlProlog.scan(text);
        }

        String parsedText = text;
        SyndFeed feed;
        try {
            feed = build(text);
        } catch (ParsingFeedException | IllegalArgumentException strictFailure) {
            if (prolog.internalSubset()) {
                throw new ExtractException("refused: the document declares a DTD with an internal subset at line "
                        + XmlProlog.lineOf(text, prolog.doctypeStart()) + " (<!DOCTYPE ... [ ... ]>); feeds never need"
                        + " entity declarations, and they are how entity-expansion (\"billion laughs\") and"
                        + " external-entity attacks work", strictFailure);
            }
            LenientXml.Repair repair = LenientXml.repair(text, prolog);
            if (repair == null) {
                throw describe(strictFailure, prolog);
            }
            try {
                feed = build(repair.text());
                parsedText = repair.text();
                log.debug("parsed {} leniently: {}", base, repair.changes());
            } catch (ParsingFeedException | IllegalArgumentException lenientFailure) {
                // The first error is the one that matches the document as the user has it, unless
                // it was only the DOCTYPE we removed (line numbers are kept by the repair).
                boolean onlyDoctype = String.valueOf(strictFailure.getMessage()).contains("DOCTYPE is disallowed");
                throw describe(onlyDoctype ? lenientFailure : strictFailure, prolog);
            } catch (FeedException | RuntimeException other) {
                throw unreadable(other);
            }
        } catch (FeedException | RuntimeException other) {
            throw unreadable(other);
        }
        return convert(feed, parsedText, base);
    }

    private static SyndFeed build(String text) throws FeedException {
        SyndFeedInput input = new SyndFeedInput(false, Locale.US);
        input.setAllowDoctypes(false);
        input.setPreserveWireFeed(true); // for Atom xml:base, which SyndFeed does not carry
        return input.build(new StringReader(text));
    }

    private static void refuseWhatIsNotAFeed(String text, XmlProlog prolog) throws ExtractException {
        String start = text.strip();
        if (start.startsWith("{") || start.startsWith("[")) {
            throw new ExtractException("not an RSS or Atom feed: the document looks like JSON"
                    + " (JSON Feed is not supported)");
        }
        String root = prolog.rootLocalName();
        if (root != null && !FEED_ROOTS.contains(root)) {
            throw new ExtractException("not an RSS or Atom feed: root element <" + prolog.rootName() + ">");
        }
    }

    /**
     * An Atom Entry Document (RFC 4287 section 4.1.2: a lone {@code <entry>}) becomes a feed of one
     * entry, which is what Rome can read. The wrapper stays on the root's line, keeping line numbers.
     */
    private static String wrapAtomEntryDocument(String text, XmlProlog prolog) {
        return text.substring(0, prolog.rootStart()) + "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + text.substring(prolog.rootStart()) + "</feed>";
    }

    private static ExtractException describe(Exception failure, XmlProlog prolog) {
        if (failure instanceof ParsingFeedException parsing && parsing.getLineNumber() < 0) {
            // Well-formed XML on which one of Rome's parsers failed: no position to report.
            String why = String.valueOf(parsing.getCause() != null ? parsing.getCause().getMessage() : parsing.getMessage());
            if (why.contains("\"eChannel\" is null")) {
                return new ExtractException("not a usable RSS feed: <" + prolog.rootName() + "> has no <channel> element", failure);
            }
            return new ExtractException("could not interpret the feed (Rome failed on it): " + why, failure);
        }
        if (failure instanceof ParsingFeedException parsing) {
            String what = SAX_LOCATION_PREFIX.matcher(parsing.getCause() != null
                    ? parsing.getCause().getMessage() : parsing.getMessage()).replaceFirst("");
            return new ExtractException("malformed XML at line " + parsing.getLineNumber() + ", column "
                    + parsing.getColumnNumber() + ": " + what, failure);
        }
        String root = prolog.rootName() == null ? "none found" : "<" + prolog.rootName() + ">";
        return new ExtractException("not an RSS or Atom feed: Rome recognises no RSS or Atom version in it"
                + " (root element " + root + "): " + failure.getMessage(), failure);
    }

    private static ExtractException unreadable(Exception failure) {
        return new ExtractException("could not read the feed: " + failure, failure);
    }

    // ---- conversion -------------------------------------------------------------------------

    private static ParsedFeed convert(SyndFeed feed, String xml, URI base) {
        boolean atom = feed.getFeedType() != null && feed.getFeedType().startsWith("atom");
        URI feedBase = feedBase(feed, base);
        URI siteLink = resolve(feedBase, siteLinkOf(feed));
        URI entryBase = isWeb(feedBase) ? feedBase : isWeb(siteLink) ? siteLink : feedBase;
        String feedLanguage = language(feedLanguageOf(feed));

        List<SyndEntry> syndEntries = feed.getEntries();
        List<FeedDates.RawDates> rawDates = null;
        if (syndEntries.stream().anyMatch(e -> e.getPublishedDate() == null && e.getUpdatedDate() == null)) {
            rawDates = FeedDates.rawDates(xml);
            if (rawDates != null && rawDates.size() != syndEntries.size()) {
                rawDates = null; // cannot pair them up safely
            }
        }
        List<FeedEntry> entries = new ArrayList<>(syndEntries.size());
        for (int i = 0; i < syndEntries.size(); i++) {
            SyndEntry e = syndEntries.get(i);
            entries.add(entry(e, atom, entryBase, feedLanguage, rawDates == null ? null : rawDates.get(i)));
        }
        String title = FeedText.line(feed.getTitle(), markup(atom, feed.getTitleEx()));
        DCModule feedDc = (DCModule) feed.getModule(DCModule.URI);
        if (title == null && feedDc != null) {
            title = FeedText.line(feedDc.getTitle(), true);
        }
        return new ParsedFeed(feed.getFeedType(), title, WebLinks.safe(siteLink), feedLanguage, entries);
    }

    /** RSS &lt;language&gt;, else the Atom feed's xml:lang, else the channel's dc:language. */
    private static String feedLanguageOf(SyndFeed feed) {
        if (feed.getLanguage() != null) {
            return feed.getLanguage();
        }
        if (feed.originalWireFeed() instanceof Feed atomFeed && atomFeed.getLanguage() != null) {
            return atomFeed.getLanguage();
        }
        DCModule dc = (DCModule) feed.getModule(DCModule.URI);
        return dc == null ? null : dc.getLanguage();
    }

    private static FeedEntry entry(SyndEntry e, boolean atom, URI feedBase, String feedLanguage,
                                   FeedDates.RawDates raw) {
        URI base = feedBase;
        if (e.getWireEntry() instanceof Entry atomEntry && atomEntry.getXmlBase() != null) {
            base = resolve(base, atomEntry.getXmlBase());
        }
        String rawLink = entryLinkOf(e);
        URI resolved = resolve(base, rawLink);
        // javascript:, file:, data: and the like are dropped, credentials removed (WebLinks)
        URI link = WebLinks.safe(resolved);
        DCModule dc = (DCModule) e.getModule(DCModule.URI);
        String title = FeedText.line(e.getTitle(), markup(atom, e.getTitleEx()));
        if (title == null && dc != null) {
            title = FeedText.line(dc.getTitle(), true); // items that only carry dc:title
        }
        String summary = e.getDescription() == null ? null
                : FeedText.multiLine(e.getDescription().getValue(), markup(atom, e.getDescription()));
        if (summary == null && dc != null) {
            summary = FeedText.multiLine(dc.getDescription(), true);
        }
        String content = content(e.getContents(), atom);
        Instant published = published(e, raw);
        String id = trimToNull(e.getUri());
        if (id != null && id.equals(trimToNull(rawLink))) {
            // Rome's stand-in for a missing guid is the raw, maybe relative, link: never keep a refused one
            id = link != null ? link.toString() : null;
        }
        if (id == null && link != null) {
            id = link.toString();
        }
        if (id == null) {
            id = stableHash(title, published, summary, content);
        }
        return new FeedEntry(id, link, title, summary, content, author(e), published,
                entryLanguage(e, feedLanguage));
    }

    private static String content(List<SyndContent> contents, boolean atom) {
        List<String> parts = new ArrayList<>();
        for (SyndContent c : contents) {
            String text = FeedText.multiLine(c.getValue(), markup(atom, c));
            if (text != null && !parts.contains(text)) {
                parts.add(text);
            }
        }
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }

    /** Atom says what its text constructs are; RSS text may always carry (escaped) HTML. */
    private static boolean markup(boolean atom, SyndContent content) {
        if (!atom || content == null || content.getType() == null) {
            return true;
        }
        String type = content.getType().toLowerCase(Locale.ROOT);
        return !(type.equals("text") || type.equals("text/plain"));
    }

    private static Instant published(SyndEntry e, FeedDates.RawDates raw) {
        Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
        if (date != null) {
            return date.toInstant();
        }
        if (raw == null) {
            return null;
        }
        Instant published = FeedDates.parse(raw.published());
        return published != null ? published : FeedDates.parse(raw.updated());
    }

    private static String author(SyndEntry e) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndPerson person : e.getAuthors()) {
            addName(names, person.getName() != null ? person.getName() : person.getEmail());
        }
        if (names.isEmpty()) {
            addName(names, e.getAuthor());
        }
        // Rome keeps only the first dc:creator as the author; several are common in RSS 1.0.
        DCModule dc = (DCModule) e.getModule(DCModule.URI);
        if (dc != null) {
            dc.getCreators().forEach(creator -> addName(names, creator));
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    /** RSS 2.0 wants "email (Name)"; the name is what a reader wants to see. */
    private static void addName(Set<String> names, String raw) {
        String name = FeedText.line(raw, true);
        if (name == null) {
            return;
        }
        Matcher m = NAME_IN_PARENS.matcher(name);
        names.add(m.matches() ? m.group(1).strip() : name);
    }

    private static String entryLanguage(SyndEntry e, String feedLanguage) {
        DCModule dc = (DCModule) e.getModule(DCModule.URI);
        String own = dc == null ? null : language(dc.getLanguage());
        return own != null ? own : feedLanguage;
    }

    /** A BCP 47 tag ("en-US", "ar", "ja") from what feeds write ("en_us", "EN", "ja-JP "). */
    static String language(String raw) {
        String value = trimToNull(raw);
        if (value == null) {
            return null;
        }
        String tag = Locale.forLanguageTag(value.replace('_', '-')).toLanguageTag();
        return tag.equals("und") ? null : tag;
    }

    // ---- links --------------------------------------------------------------------------------

    /**
     * The base for the feed's own relative references: the document's address with the feed's
     * xml:base applied. A file path says nothing about the web site, so for documents read from
     * disk the feed's absolute self link is used instead when it has one.
     */
    private static URI feedBase(SyndFeed feed, URI base) {
        URI result = base;
        if (!isWeb(result)) {
            for (SyndLink link : feed.getLinks()) {
                URI self = parseUri(link.getHref());
                if ("self".equals(link.getRel()) && isWeb(self)) {
                    result = self;
                    break;
                }
            }
        }
        if (feed.originalWireFeed() instanceof Feed atomFeed && atomFeed.getXmlBase() != null) {
            result = resolve(result, atomFeed.getXmlBase());
        }
        return result;
    }

    private static String siteLinkOf(SyndFeed feed) {
        for (SyndLink link : feed.getLinks()) {
            if (link.getRel() == null || link.getRel().equals("alternate")) {
                return link.getHref();
            }
        }
        return feed.getLinks().isEmpty() ? feed.getLink() : null;
    }

    private static String entryLinkOf(SyndEntry e) {
        for (SyndLink link : e.getLinks()) {
            if (link.getRel() == null || link.getRel().equals("alternate")) {
                return link.getHref();
            }
        }
        return e.getLink();
    }

    private static URI resolve(URI base, String reference) {
        URI ref = parseUri(reference);
        if (ref == null) {
            return null;
        }
        if (ref.isAbsolute() || base == null || !base.isAbsolute() || base.isOpaque()) {
            return ref;
        }
        // URI.resolve("http://host", "a") would give "http://hosta".
        URI fixedBase = base.getRawPath() == null || base.getRawPath().isEmpty()
                ? URI.create(base.getScheme() + "://" + base.getRawAuthority() + "/") : base;
        return fixedBase.resolve(ref);
    }

    /** A URI from what feeds write: trimmed, spaces and non-ASCII percent-encoded; null if hopeless. */
    private static URI parseUri(String raw) {
        String value = trimToNull(raw);
        if (value == null) {
            return null;
        }
        try {
            return new URI(value);
        } catch (URISyntaxException notStrict) {
            StringBuilder escaped = new StringBuilder();
            for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xFF;
                if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^'
                        || c == '`' || c == '{' || c == '|' || c == '}') {
                    escaped.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
                } else {
                    escaped.append((char) c);
                }
            }
            try {
                return new URI(escaped.toString());
            } catch (URISyntaxException hopeless) {
                return null;
            }
        }
    }

    private static boolean isWeb(URI uri) {
        return uri != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
    }

    // ---- ids ----------------------------------------------------------------------------------

    /** For entries with neither id nor link: the same entry gets the same id on every poll. */
    private static String stableHash(String title, Instant published, String summary, String content) {
        String key = (title == null ? "" : title) + "\n" + (published == null ? "" : published)
                + (title == null && published == null ? "\n" + (summary != null ? summary : content) : "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every JVM", impossible);
        }
    }

    private static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
