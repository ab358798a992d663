package dev.symphony.editor.diff;

import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of an inline diff: the right text with each change's left lines shown just above its right
 * lines. {@code segments} say which lines of {@code text} are unchanged, removed (from the left) or
 * added (from the right), and where they came from; {@code removedWords} and {@code addedWords} are the
 * differing words as ranges of {@code text}.
 */
public record InlineDiff(Rope text, List<Segment> segments, List<Span> removedWords, List<Span> addedWords) {

    public enum Kind { SAME, REMOVED, ADDED }

    /**
     * Lines {@code [line, line + count)} of the composed text; they are left lines from {@code leftLine}
     * (SAME, REMOVED) and right lines from {@code rightLine} (SAME, ADDED). {@code change} is the index
     * of the change a REMOVED or ADDED segment shows, -1 for SAME.
     */
    public record Segment(int line, int count, Kind kind, int leftLine, int rightLine, int change) {
    }

    public static InlineDiff of(Rope left, Rope right, TextDiff diff) {
        Composer c = new Composer();
        int l = 0;
        int r = 0;
        List<DiffChange> changes = diff.changes();
        for (int i = 0; i < changes.size(); i++) {
            DiffChange change = changes.get(i);
            c.add(right, r, change.rightLine() - r, Kind.SAME, l, r, -1, List.of(), null);
            c.add(left, change.leftLine(), change.leftCount(), Kind.REMOVED, change.leftLine(), change.rightLine(), i,
                    change.leftWords(), c.removed);
            c.add(right, change.rightLine(), change.rightCount(), Kind.ADDED, change.leftLine() + change.leftCount(),
                    change.rightLine(), i, change.rightWords(), c.added);
            l = change.leftLine() + change.leftCount();
            r = change.rightLine() + change.rightCount();
        }
        c.add(right, r, right.lineCount() - r, Kind.SAME, l, r, -1, List.of(), null);
        return new InlineDiff(c.text, c.segments, c.removed, c.added);
    }

    /** {left, right} 1-based line numbers of a composed line; 0 where that side has none. */
    public int[] lineNumbers(int line) {
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (segments.get(mid).line() <= line) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if (segments.isEmpty()) {
            return new int[] {line + 1, line + 1};
        }
        Segment s = segments.get(lo);
        int k = line - s.line();
        return switch (s.kind()) {
            case SAME -> new int[] {s.leftLine() + k + 1, s.rightLine() + k + 1};
            case REMOVED -> new int[] {s.leftLine() + k + 1, 0};
            case ADDED -> new int[] {0, s.rightLine() + k + 1};
        };
    }

    /** Appends whole lines of one side, keeping every line on a line of its own. */
    private static final class Composer {
        Rope text = Rope.empty();
        int lines;
        boolean lastLineOpen;
        final List<Segment> segments = new ArrayList<>();
        final List<Span> removed = new ArrayList<>();
        final List<Span> added = new ArrayList<>();

        void add(Rope source, int from, int count, Kind kind, int leftLine, int rightLine, int change, List<Span> words,
                 List<Span> wordsOut) {
            if (count <= 0) {
                return;
            }
            if (lastLineOpen) {
                text = text.concat(Rope.of("\n"));
            }
            lastLineOpen = from + count >= source.lineCount(); // a text's last line has no line break
            int start = DiffChange.startOf(source, from);
            int base = text.length();
            text = text.concat(source.slice(start, DiffChange.startOf(source, from + count)));
            segments.add(new Segment(lines, count, kind, leftLine, rightLine, change));
            lines += count;
            for (Span w : words) {
                wordsOut.add(new Span(base + w.start() - start, base + w.end() - start));
            }
        }
    }
}
