package org.claimdesk.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSearcher.TooManyClauses;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Searches the items in the index (never documents of another {@link DocumentKind}): the query
 * is parsed once per analysis group present in the index,
 * each part with its group's analyzer against its group's fields and restricted to that group's
 * items, and the parts are OR-ed. So an Arabic word is stemmed as Arabic for Arabic items and a
 * German compound split for German items, and "-word" excludes per item in its own language.
 */
public final class ItemSearch {
    /** Past this many hits, a search without facets stops counting exactly. */
    private static final int COUNT_EXACTLY_UP_TO = 1_000;
    private static final int FACET_VALUES = 20;
    private static final int PASSAGES = 2;

    private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE,
            new SortedNumericSortField(IndexFields.TIME, SortField.Type.LONG, true),
            new SortedNumericSortField(IndexFields.ID_NUMBER, SortField.Type.LONG, true));
    private static final Sort NEWEST_FIRST = new Sort(
            new SortedNumericSortField(IndexFields.TIME, SortField.Type.LONG, true),
            new SortedNumericSortField(IndexFields.ID_NUMBER, SortField.Type.LONG, true));

    private final ItemIndex index;

    public ItemSearch(ItemIndex index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    public SearchResults search(SearchRequest request) {
        return index.withSearcher(searcher -> search(searcher, request));
    }

    private static final Sort HIGHEST_ID_FIRST = new Sort(
            new SortedNumericSortField(IndexFields.ID_NUMBER, SortField.Type.LONG, true));

    /** The highest item id the index holds now, or 0 when it is empty: the newest item a search can show. */
    public long newestIndexedItemId() {
        return index.withSearcher(searcher -> {
            TopFieldDocs top = searcher.search(IndexFields.ofKind(DocumentKind.ITEM), 1, HIGHEST_ID_FIRST);
            return top.scoreDocs.length == 0 ? 0L : ((Number) ((FieldDoc) top.scoreDocs[0]).fields[0]).longValue();
        });
    }

    /**
     * How many items match the request among those stored after {@code afterItemId}: a watch
     * query's count of new matches since the analyst last looked (item ids only grow).
     */
    public long countNewMatches(SearchRequest request, long afterItemId) {
        return index.withSearcher(searcher -> (long) searcher.count(query(searcher, request.storedAfter(afterItemId))));
    }

    private SearchResults search(IndexSearcher searcher, SearchRequest request) throws IOException {
        Query query = query(searcher, request);
        Sort sort = request.order() == SearchOrder.NEWEST ? NEWEST_FIRST : BY_RELEVANCE;
        int wanted = Math.max(1, request.offset() + request.limit());
        TopFieldCollectorManager top = new TopFieldCollectorManager(sort, wanted, null,
                request.withFacets() ? Integer.MAX_VALUE : COUNT_EXACTLY_UP_TO);
        TopFieldDocs docs;
        FacetCounter.Counts counts = null;
        if (request.withFacets()) {
            Object[] both = searcher.search(query, new MultiCollectorManager(top, new FacetCounter()));
            docs = (TopFieldDocs) both[0];
            counts = (FacetCounter.Counts) both[1];
        } else {
            docs = searcher.search(query, top);
        }
        int from = Math.min(request.offset(), docs.scoreDocs.length);
        int to = Math.min(docs.scoreDocs.length, request.offset() + request.limit());
        List<SearchHit> hits = hits(searcher, query, java.util.Arrays.copyOfRange(docs.scoreDocs, from, to));
        boolean exact = docs.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
        if (counts == null) {
            return new SearchResults(docs.totalHits.value(), exact, hits, List.of(), List.of(), List.of(), List.of());
        }
        return new SearchResults(counts.hits(), true, hits,
                counts.top(IndexFields.LANGUAGE, FACET_VALUES), counts.top(IndexFields.SOURCE, FACET_VALUES),
                counts.top(IndexFields.TAG, FACET_VALUES), counts.top(IndexFields.ENTITY, FACET_VALUES));
    }

    /**
     * The query box text for every group present, plus the filters; items only, so hits, counts,
     * facets and watch counts never include another kind.
     */
    Query query(IndexSearcher searcher, SearchRequest request) throws IOException {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(textQuery(searcher, request.query()), Occur.MUST);
        all.add(IndexFields.ofKind(DocumentKind.ITEM), Occur.FILTER);
        if (!request.languages().isEmpty()) {
            all.add(anyOf(IndexFields.LANGUAGE, request.languages().stream().map(TextLanguage::primarySubtag).toList()), Occur.FILTER);
        }
        if (!request.sourceIds().isEmpty()) {
            all.add(anyOf(IndexFields.SOURCE, request.sourceIds()), Occur.FILTER);
        }
        if (!request.tags().isEmpty()) {
            all.add(anyOf(IndexFields.TAG, request.tags().stream().map(IndexFields::keyword).toList()), Occur.FILTER);
        }
        if (!request.entities().isEmpty()) {
            all.add(anyOf(IndexFields.ENTITY, request.entities()), Occur.FILTER);
        }
        if (request.from() != null || request.until() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : request.from().toEpochMilli();
            long until = request.until() == null ? Long.MAX_VALUE : request.until().toEpochMilli() - 1;
            all.add(LongField.newRangeQuery(IndexFields.TIME, from, until), Occur.FILTER);
        }
        if (request.afterItemId() > 0) {
            all.add(LongField.newRangeQuery(IndexFields.ID_NUMBER, request.afterItemId() + 1, Long.MAX_VALUE), Occur.FILTER);
        }
        return all.build();
    }

    private static Query anyOf(String field, java.util.Collection<String> values) {
        return KeywordField.newSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    private Query textQuery(IndexSearcher searcher, String text) throws IOException {
        if (text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        Set<TextLanguage> groups = ItemIndex.groupsPresent(searcher);
        if (groups.isEmpty()) {
            parse(TextLanguage.OTHER, text); // still report a query that cannot be read
            return new MatchNoDocsQuery("empty index");
        }
        BooleanQuery.Builder anyGroup = new BooleanQuery.Builder();
        for (TextLanguage group : groups) {
            Query part = parse(group, text);
            if (part == null) {
                continue; // only stop words in this language
            }
            anyGroup.add(new BooleanQuery.Builder()
                    .add(part, Occur.MUST)
                    .add(new TermQuery(new Term(IndexFields.ANALYSIS, group.key())), Occur.FILTER)
                    .build(), Occur.SHOULD);
        }
        return anyGroup.build();
    }

    private Query parse(TextLanguage group, String text) {
        try {
            return new GroupQueryParser(group, index.analyzers().perField()).parseQuery(text);
        } catch (ParseException e) {
            throw new SearchQueryException("Cannot read the query: " + explain(text, e), e);
        } catch (TooManyClauses e) {
            throw new SearchQueryException("The query is too long or its wildcards match too many words", e);
        }
    }

    /**
     * What is wrong with a query, in the analyst's terms where the usual slips can be told apart
     * (the parser's own words name grammar states and columns); the parser's first line otherwise.
     */
    static String explain(String text, ParseException e) {
        int quotes = 0;
        int open = 0;
        boolean unmatchedClose = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++; // an escaped character is a plain one
            } else if (c == '"') {
                quotes++;
            } else if (quotes % 2 == 0 && c == '(') {
                open++;
            } else if (quotes % 2 == 0 && c == ')') {
                if (open == 0) {
                    unmatchedClose = true;
                } else {
                    open--;
                }
            }
        }
        if (quotes % 2 != 0) {
            return "a quotation mark (\") is not closed";
        }
        if (unmatchedClose) {
            return "a \")\" has no \"(\" before it";
        }
        if (open > 0) {
            return "a \"(\" is not closed";
        }
        if (unclosedPattern(text)) {
            return "a \"/\" starts a pattern (/…/) that is not closed; to search for a slash, put the words in quotes";
        }
        String[] words = text.strip().split("\\s+");
        String last = words[words.length - 1];
        if (List.of("AND", "OR", "NOT").contains(words[0]) || List.of("AND", "OR", "NOT").contains(last)) {
            return "AND, OR and NOT need a word on each side";
        }
        if (last.endsWith(":")) {
            return "\"" + last + "\" needs a value after it";
        }
        String parser = firstLine(e.getMessage());
        // "Cannot parse 'the query': what" repeats the query the analyst sees already
        int colon = parser.startsWith("Cannot parse '") ? parser.indexOf("': ") : -1;
        return colon < 0 ? parser : parser.substring(colon + 3);
    }

    /** Whether a word opens a /pattern/ that no later slash closes (slashes in words are text). */
    private static boolean unclosedPattern(String text) {
        String read = GroupQueryParser.slashesInWordsAsText(text);
        int slashes = 0;
        boolean quoted = false;
        for (int i = 0; i < read.length(); i++) {
            char c = read.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '/' && !quoted) {
                slashes++;
            }
        }
        return slashes % 2 != 0;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        int[] docIds = new int[page.length];
        Document[] stored = new Document[page.length];
        Set<String> fields = new LinkedHashSet<>();
        Set<String> toLoad = new HashSet<>(Set.of(IndexFields.ID, IndexFields.ANALYSIS, IndexFields.LANGUAGE,
                IndexFields.SOURCE, IndexFields.TAG, IndexFields.ENTITY, IndexFields.TIME, IndexFields.URL));
        for (int i = 0; i < page.length; i++) {
            docIds[i] = page[i].doc;
            stored[i] = searcher.storedFields().document(docIds[i], toLoad);
            TextLanguage group = TextLanguage.ofKey(stored[i].get(IndexFields.ANALYSIS));
            fields.add(IndexFields.title(group));
            fields.add(IndexFields.body(group));
        }
        String[] fieldArray = fields.toArray(String[]::new);
        int[] passages = new int[fieldArray.length];
        for (int f = 0; f < fieldArray.length; f++) {
            passages[f] = IndexFields.isTitleField(fieldArray[f]) ? 1 : PASSAGES;
        }
        Map<String, Object[]> marked = new SnippetHighlighter(searcher, index.analyzers().perField())
                .highlight(fieldArray, query, docIds, passages);
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document doc = stored[i];
            TextLanguage group = TextLanguage.ofKey(doc.get(IndexFields.ANALYSIS));
            List<Snippet> title = snippets(marked.get(IndexFields.title(group)), i);
            List<Snippet> body = snippets(marked.get(IndexFields.body(group)), i);
            String language = doc.get(IndexFields.LANGUAGE);
            IndexableField time = doc.getField(IndexFields.TIME);
            hits.add(new SearchHit(Long.parseLong(doc.get(IndexFields.ID)),
                    title.isEmpty() ? new Snippet("", List.of()) : title.getFirst(), body, language,
                    TextLanguage.isRightToLeft(language), List.of(doc.getValues(IndexFields.SOURCE)),
                    List.of(doc.getValues(IndexFields.TAG)), List.of(doc.getValues(IndexFields.ENTITY)),
                    time == null ? null : Instant.ofEpochMilli(time.numericValue().longValue()),
                    doc.get(IndexFields.URL), score(page[i])));
        }
        return hits;
    }

    @SuppressWarnings("unchecked")
    private static List<Snippet> snippets(Object[] perDoc, int i) {
        if (perDoc == null || perDoc[i] == null) {
            return List.of();
        }
        return (List<Snippet>) perDoc[i];
    }

    private static float score(ScoreDoc doc) {
        if (doc instanceof FieldDoc fd && fd.fields.length > 0 && fd.fields[0] instanceof Float f) {
            return f;
        }
        return Float.NaN;
    }
}
