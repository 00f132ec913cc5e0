package org.claimdesk.rebuttals;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import org.claimdesk.store.RebuttalText;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two versions of a rebuttal side by side: each part (claim, verdict, short answer, full text)
 * line against line, and within a changed line the words that changed, so a reviewer sees at once
 * what moved between the version they approved and the one in front of them.
 */
public final class VersionDiff {
    /** How a row differs: the same on both sides, changed, only on the new side, only on the old side. */
    public enum Change { SAME, CHANGED, ADDED, REMOVED }

    /** A run of words of one side of a row; {@code changed} for words the other side lacks. */
    public record Span(String text, boolean changed) {
    }

    /**
     * One line of one part of the text, old beside new.
     *
     * @param part "claim", "verdict", "short answer" or "full text"
     * @param older the older version's line (empty when added)
     * @param newer the newer version's line (empty when removed)
     */
    public record Row(String part, Change change, List<Span> older, List<Span> newer) {
        public Row {
            Objects.requireNonNull(change, "change");
            older = List.copyOf(older);
            newer = List.copyOf(newer);
        }

        public String olderText() {
            return join(older);
        }

        public String newerText() {
            return join(newer);
        }

        private static String join(List<Span> spans) {
            StringBuilder text = new StringBuilder();
            spans.forEach(span -> text.append(span.text()));
            return text.toString();
        }
    }

    // words and the spaces or punctuation between them, so the spans put back the line exactly;
    // Chinese and Japanese are written without spaces, so there each character is a token
    private static final Pattern TOKENS = Pattern.compile(
            "\\s+|[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]|[\\p{L}\\p{M}\\p{N}_&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]]+|.",
            Pattern.UNICODE_CHARACTER_CLASS);
    // lines as they are: the default normaliser would escape them for HTML and turn tabs into spaces
    private static final DiffRowGenerator LINES = DiffRowGenerator.create().showInlineDiffs(false)
            .lineNormalizer(line -> line).build();

    private VersionDiff() {
    }

    /** The rows of every part of the two texts, in the order claim, verdict, short answer, full text. */
    public static List<Row> between(RebuttalText older, RebuttalText newer) {
        List<Row> rows = new ArrayList<>();
        part("claim", older.claim(), newer.claim(), rows);
        part("verdict", nullToEmpty(older.verdict()), nullToEmpty(newer.verdict()), rows);
        part("short answer", older.shortAnswer(), newer.shortAnswer(), rows);
        part("full text", older.fullText(), newer.fullText(), rows);
        return rows;
    }

    /** True when nothing differs. */
    public static boolean same(List<Row> rows) {
        return rows.stream().allMatch(row -> row.change() == Change.SAME);
    }

    private static void part(String name, String older, String newer, List<Row> rows) {
        List<String> before = lines(older);
        List<String> after = lines(newer);
        if (before.isEmpty() && after.isEmpty()) {
            return;
        }
        for (DiffRow row : LINES.generateDiffRows(before, after)) {
            rows.add(switch (row.getTag()) {
                case EQUAL -> new Row(name, Change.SAME, List.of(new Span(row.getOldLine(), false)),
                        List.of(new Span(row.getNewLine(), false)));
                case INSERT -> new Row(name, Change.ADDED, List.of(), List.of(new Span(row.getNewLine(), true)));
                case DELETE -> new Row(name, Change.REMOVED, List.of(new Span(row.getOldLine(), true)), List.of());
                case CHANGE -> changed(name, row.getOldLine(), row.getNewLine());
            });
        }
    }

    /** A changed line: the words each side lacks marked on it. */
    private static Row changed(String name, String older, String newer) {
        List<String> before = tokens(older);
        List<String> after = tokens(newer);
        boolean[] removed = new boolean[before.size()];
        boolean[] added = new boolean[after.size()];
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            if (delta.getType() == DeltaType.EQUAL) {
                continue;
            }
            for (int i = 0; i < delta.getSource().size(); i++) {
                removed[delta.getSource().getPosition() + i] = true;
            }
            for (int i = 0; i < delta.getTarget().size(); i++) {
                added[delta.getTarget().getPosition() + i] = true;
            }
        }
        return new Row(name, older.isEmpty() ? Change.ADDED : newer.isEmpty() ? Change.REMOVED : Change.CHANGED,
                spans(before, removed), spans(after, added));
    }

    /** Neighbouring tokens of the same kind become one span. */
    private static List<Span> spans(List<String> tokens, boolean[] changed) {
        List<Span> spans = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0 && changed[i] != changed[i - 1]) {
                spans.add(new Span(run.toString(), changed[i - 1]));
                run.setLength(0);
            }
            run.append(tokens.get(i));
        }
        if (!run.isEmpty()) {
            spans.add(new Span(run.toString(), changed[tokens.size() - 1]));
        }
        return spans;
    }

    private static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKENS.matcher(line);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return List.of(text.split("\\R", -1));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
