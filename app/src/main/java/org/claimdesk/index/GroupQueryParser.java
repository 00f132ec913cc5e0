package org.claimdesk.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

import java.util.Locale;

/**
 * The query box syntax (Lucene's classic syntax: words, "phrases", OR, -exclude, field:value,
 * prefix*) read for one analysis group: plain words look in that group's title and body fields,
 * {@code title:} and {@code body:} in one of them, and {@code source: lang: tag: entity:} in the
 * keyword fields. Words are required (AND) unless joined by OR.
 */
final class GroupQueryParser extends QueryParser {
    /** Stands for "no field named": a name no user can type. */
    private static final String ANY_TEXT = "\u0000text";
    private static final float TITLE_BOOST = 2.0f;

    private final TextLanguage group;

    GroupQueryParser(TextLanguage group, Analyzer perField) {
        super(ANY_TEXT, perField);
        this.group = group;
        setDefaultOperator(Operator.AND);
        // one clause per word, so that words may be spread over title and body
        setSplitOnWhitespace(true);
        // a word that analyses to several tokens (Japanese and Chinese runs, "covid-19") must match as written
        setAutoGeneratePhraseQueries(true);
        setLocale(Locale.ROOT);
    }

    /** Parses the whole query; a query of only exclusions means "everything except". */
    Query parseQuery(String text) throws ParseException {
        Query query = parse(slashesInWordsAsText(text));
        if (query instanceof BooleanQuery bq && !bq.clauses().isEmpty()
                && bq.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
            bq.clauses().forEach(b::add);
            return b.build();
        }
        return query;
    }

    /**
     * A slash inside a word (bin/bash, 9/11, and/or) is part of what the analyst typed, not the
     * start of a /pattern/ as Lucene's syntax reads it; only a slash that opens a word does that.
     */
    static String slashesInWordsAsText(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 4);
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                sb.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '/' && !quoted && i > 0 && !Character.isWhitespace(text.charAt(i - 1))
                    && "(:+-!".indexOf(text.charAt(i - 1)) < 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    @FunctionalInterface
    private interface FieldQuery {
        Query on(String field) throws ParseException;
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        String keyword = keywordField(field);
        if (keyword != null) {
            return new TermQuery(new Term(keyword, keywordValue(field, queryText)));
        }
        return onText(field, f -> super.getFieldQuery(f, queryText, quoted));
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        if (keywordField(field) != null) {
            return getFieldQuery(field, queryText, true);
        }
        return onText(field, f -> super.getFieldQuery(f, queryText, slop));
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        String keyword = keywordField(field);
        if (keyword != null) {
            return new PrefixQuery(new Term(keyword, keywordValue(field, termStr)));
        }
        return onText(field, f -> super.getPrefixQuery(f, termStr));
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        String keyword = keywordField(field);
        if (keyword != null) {
            return new WildcardQuery(new Term(keyword, keywordValue(field, termStr)));
        }
        return onText(field, f -> super.getWildcardQuery(f, termStr));
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        requireText(field);
        return onText(field, f -> super.getFuzzyQuery(f, termStr, minSimilarity));
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        requireText(field);
        return onText(field, f -> super.getRegexpQuery(f, termStr));
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                  boolean endInclusive) throws ParseException {
        requireText(field);
        return onText(field, f -> super.getRangeQuery(f, part1, part2, startInclusive, endInclusive));
    }

    private void requireText(String field) throws ParseException {
        if (keywordField(field) != null) {
            throw new ParseException("'" + field + ":' takes a value or a prefix (value*), not a pattern or range");
        }
    }

    /** The keyword field a user's field name stands for, or null when it names text. */
    private static String keywordField(String field) {
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "source" -> IndexFields.SOURCE;
            case "lang", "language" -> IndexFields.LANGUAGE;
            case "tag" -> IndexFields.TAG;
            case "entity" -> IndexFields.ENTITY_KEY;
            default -> null;
        };
    }

    private static String keywordValue(String field, String value) {
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "lang", "language" -> TextLanguage.primarySubtag(value);
            default -> IndexFields.keyword(value);
        };
    }

    /**
     * German decompounding puts a compound and the parts it found at one position, which would
     * match any one of them: "Flüchtlingskrise" would find every item about any crisis. A compound
     * matches as written, or where all of its parts appear, in the title or the body ("Krise" in
     * the title, "Flüchtlinge" in the text).
     */
    @Override
    protected Query newSynonymQuery(String field, TermAndBoost[] terms) {
        if (group != TextLanguage.GERMAN || terms.length < 2) {
            return super.newSynonymQuery(field, terms);
        }
        TermAndBoost whole = terms[0];
        for (TermAndBoost term : terms) {
            // the compound holds each of its parts, so it is the longest
            if (term.term().length > whole.term().length) {
                whole = term;
            }
        }
        Query asWritten = new TermQuery(new Term(field, whole.term()));
        if (terms.length < 3) {
            return asWritten; // one part found: it alone says too little
        }
        BooleanQuery.Builder allParts = new BooleanQuery.Builder();
        for (TermAndBoost term : terms) {
            if (term != whole) {
                Query inTitle = new TermQuery(new Term(IndexFields.title(group), term.term()));
                Query inBody = new TermQuery(new Term(IndexFields.body(group), term.term()));
                allParts.add(new BooleanQuery.Builder().add(inTitle, BooleanClause.Occur.SHOULD)
                        .add(inBody, BooleanClause.Occur.SHOULD).build(), BooleanClause.Occur.MUST);
            }
        }
        return new BooleanQuery.Builder()
                .add(asWritten, BooleanClause.Occur.SHOULD)
                .add(allParts.build(), BooleanClause.Occur.SHOULD)
                .build();
    }

    private Query onText(String field, FieldQuery make) throws ParseException {
        if (IndexFields.languageOfField(field) != null) {
            // already one of our concrete fields (the parser calls itself back with it)
            return make.on(field);
        }
        if (field.equals(ANY_TEXT)) {
            Query title = make.on(IndexFields.title(group));
            Query body = make.on(IndexFields.body(group));
            if (title == null || body == null) {
                return title == null ? body : title;
            }
            return new BooleanQuery.Builder()
                    .add(new BoostQuery(title, TITLE_BOOST), BooleanClause.Occur.SHOULD)
                    .add(body, BooleanClause.Occur.SHOULD)
                    .build();
        }
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "title" -> make.on(IndexFields.title(group));
            case "body", "text" -> make.on(IndexFields.body(group));
            default -> throw new ParseException("unknown field '" + field + ":' (fields are title, body, source, lang,"
                    + " tag and entity; put the words in quotes to search for them as written)");
        };
    }
}
