package dev.symphony.editor.text;

import dev.symphony.editor.tree.PackedSeeker;
import dev.symphony.editor.tree.SumTree;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An immutable rope: a {@link SumTree} of String chunks (1..{@code maxChunk} UTF-16 units each) with
 * {@link TextSummary} summaries. Every operation is O(log n) (plus the size of the text it inserts or
 * returns); a rope is a snapshot that may be shared freely between threads. See
 * {@code editor/docs/rope.md} for the invariants.
 */
public final class Rope {

    public static final int DEFAULT_MAX_CHUNK = 512;
    public static final int DEFAULT_MAX_CHILDREN = 16;

    private final SumTree<String, TextSummary> base;
    private final int maxChunk;
    /**
     * A deferred keystroke edit (docs/rope.md, "Pending chunk"): this rope is {@code base} with chunk
     * {@code pIndex} (starting at offset {@code pStart}) replaced by {@code pChunk}, whose summary is
     * {@code pSum}; -1 when there is none. Consecutive edits inside that chunk only make a new chunk
     * string, so typing costs no path copy until something reads the tree.
     */
    private final int pIndex;
    private final String pChunk;
    private final TextSummary pSum;
    private final int pStart;
    private final TextSummary total;
    /**
     * {@code base} with the pending chunk set, made on first need. A plain field is safe: a
     * {@link SumTree} is immutable with final fields, and threads that race here build equal trees.
     * A thread that got this rope through a data race may still see it null even for a rope with no
     * pending chunk (only final fields are guaranteed): {@link #tree()} then answers {@code base}.
     */
    private SumTree<String, TextSummary> merged;

    Rope(SumTree<String, TextSummary> tree, int maxChunk) {
        this.base = tree;
        this.maxChunk = maxChunk;
        this.pIndex = -1;
        this.pChunk = null;
        this.pSum = null;
        this.pStart = 0;
        this.total = tree.summary();
        this.merged = tree;
    }

    private Rope(SumTree<String, TextSummary> base, int maxChunk, int pIndex, String pChunk, TextSummary pSum, int pStart,
            TextSummary total) {
        this.base = base;
        this.maxChunk = maxChunk;
        this.pIndex = pIndex;
        this.pChunk = pChunk;
        this.pSum = pSum;
        this.pStart = pStart;
        this.total = total;
    }

    public static Rope empty() {
        return empty(DEFAULT_MAX_CHUNK, DEFAULT_MAX_CHILDREN);
    }

    /** An empty rope with the given leaf (chunk) and node capacities; tests use tiny ones. */
    public static Rope empty(int maxChunk, int maxChildren) {
        if (maxChunk < 2) {
            throw new IllegalArgumentException("maxChunk must be >= 2, was " + maxChunk);
        }
        return new Rope(SumTree.empty(ChunkSpec.INSTANCE, maxChildren), maxChunk);
    }

    public static Rope of(CharSequence text) {
        return new RopeBuilder().append(text).build();
    }

    public static Rope of(CharSequence text, int maxChunk, int maxChildren) {
        return new RopeBuilder(maxChunk, maxChildren).append(text).build();
    }

    SumTree<String, TextSummary> tree() {
        SumTree<String, TextSummary> t = merged;
        if (t == null) {
            t = pIndex < 0 ? base : base.set(pIndex, pChunk, pSum);
            merged = t;
        }
        return t;
    }

    public int length() {
        return (int) total.chars;
    }

    public boolean isEmpty() {
        return total.chars == 0;
    }

    /** Number of line terminators (LF, CR, CRLF each count one). */
    public long lineBreaks() {
        return total.lineBreaks;
    }

    /** Number of lines: line breaks + 1 (an empty document has one, empty, line). */
    public int lineCount() {
        return (int) total.lineBreaks + 1;
    }

    public long codePoints() {
        return total.codePoints;
    }

    public TextSummary summary() {
        return total;
    }

    public int maxChunk() {
        return maxChunk;
    }

    public int maxChildren() {
        return base.maxChildren();
    }

    public int chunkCount() {
        return base.size();
    }

    public Iterable<String> chunks() {
        return () -> tree().iterator(0);
    }

    /** Chunk index and chunk start of {@code offset}; the end of the text maps into the last chunk. */
    int[] locate(int offset) {
        Prefix p = new Prefix(offset, false);
        int index = tree().seek(p);
        if (index == tree().size() && index > 0) {
            index--;
            return new int[] {index, offset - tree().get(index).length()};
        }
        return new int[] {index, (int) p.chars};
    }

    public char charAt(int index) {
        checkOffset(index, length() - 1);
        if (pIndex >= 0 && index >= pStart && index < pStart + pChunk.length()) {
            return pChunk.charAt(index - pStart);
        }
        Prefix p = new Prefix(index, false);
        int k = tree().seek(p);
        return tree().get(k).charAt(index - (int) p.chars);
    }

    public Rope insert(int at, CharSequence text) {
        return replace(at, at, text);
    }

    public Rope delete(int from, int to) {
        return replace(from, to, "");
    }

    public Rope replace(int from, int to, CharSequence text) {
        int len = length();
        if (from < 0 || to > len || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of a rope of length " + len);
        }
        if (from == to && text.length() == 0) {
            return this;
        }
        if (pIndex >= 0 && from >= pStart && to <= pStart + pChunk.length()) {
            // Inside the pending chunk (the next keystroke of a burst): no seek, no path copy.
            Rope r = editChunk(base, pIndex, pChunk, pSum, pStart, from - pStart, to - pStart, text);
            if (r != null) {
                return r;
            }
        }
        SumTree<String, TextSummary> tree = tree();
        if (tree.isEmpty()) {
            return new RopeBuilder(maxChunk, base.maxChildren()).append(text).build();
        }
        Prefix p = new Prefix(from, false);
        SumTree.Location<String, TextSummary> at = new SumTree.Location<>();
        tree.seek(p, at);
        if (at.item == null) {
            // The end of the text: edit the last chunk.
            at.index = tree.size() - 1;
            at.item = tree.get(at.index);
            at.summary = tree.summaryOf(at.index);
            p.chars = len - at.item.length();
        }
        String ca = at.item;
        int start = (int) p.chars;
        int la = from - start;
        if (to - start <= ca.length()) {
            Rope r = editChunk(tree, at.index, ca, at.summary, start, la, to - start, text);
            if (r != null) {
                return r;
            }
        }
        return replaceAcrossChunks(at.index, ca, la, to, text);
    }

    /**
     * The keystroke path: chunk {@code index} of {@code tree} (this rope's text there is {@code ca},
     * summarised {@code sa}, starting at {@code start}) with {@code [la, lb)} replaced by {@code text},
     * as a pending chunk over {@code tree}; null when the result would not be a well-sized chunk.
     */
    private Rope editChunk(SumTree<String, TextSummary> tree, int index, String ca, TextSummary sa, int start, int la, int lb,
            CharSequence text) {
        int newLen = ca.length() - (lb - la) + text.length();
        if (newLen <= 0 || newLen > maxChunk || (newLen < maxChunk / 4 && tree.size() > 1)) {
            return null;
        }
        // Indy concatenation writes the result once into an uninitialised array: two passes
        // over the chunk in all (the substrings, the result) instead of three with a StringBuilder.
        String nc = ca.substring(0, la) + text + ca.substring(lb);
        TextSummary s = ChunkEdits.summaryAfter(sa, ca, la, lb, text, nc);
        if (s.flags != sa.flags) {
            // A changed edge character may make or break a CR LF or a surrogate pair with a neighbour
            // chunk: let the path copy recombine (rare in practice).
            return new Rope(tree.set(index, nc, s), maxChunk);
        }
        TextSummary t = total;
        TextSummary sum = new TextSummary(t.chars - sa.chars + s.chars, t.codePoints - sa.codePoints + s.codePoints,
                t.lineBreaks - sa.lineBreaks + s.lineBreaks, t.crs - sa.crs + s.crs, t.flags);
        return new Rope(tree, maxChunk, index, nc, s, start, sum);
    }

    /** The general path: rewrite the touched chunks (merging a small result with a neighbour). */
    private Rope replaceAcrossChunks(int lo, String first, int la, int to, CharSequence text) {
        int[] b = to > 0 ? locate(to - 1) : new int[] {0, 0};
        if (b[0] < lo) {
            b = new int[] {lo, to - la};
        }
        String last = tree().get(b[0]);
        int lb = to - b[1];
        StringBuilder joined = new StringBuilder(la + text.length() + last.length() - lb);
        joined.append(first, 0, la).append(text).append(last, lb, last.length());
        int hi = b[0] + 1;
        if (joined.length() < maxChunk / 2) {
            if (hi < tree().size()) {
                joined.append(tree().get(hi));
                hi++;
            } else if (lo > 0) {
                joined.insert(0, tree().get(lo - 1));
                lo--;
            }
        }
        return new Rope(tree().replace(lo, hi, ChunkEdits.split(joined, maxChunk)), maxChunk);
    }

    /**
     * Applies edits given in ascending, non-overlapping order (offsets in this rope) in one pass:
     * O(edits · log n) for few edits, O(chunks + edits) with shared chunks for many.
     */
    public Rope applyAll(List<TextEdit> edits) {
        int prev = 0;
        for (TextEdit e : edits) {
            if (e.from() < prev || e.to() > length()) {
                throw new IllegalArgumentException("edits must be sorted, non-overlapping and inside the text: " + e);
            }
            prev = e.to();
        }
        if ((long) edits.size() * 16 < tree().size()) {
            Rope r = this;
            for (int i = edits.size() - 1; i >= 0; i--) {
                TextEdit e = edits.get(i);
                r = r.replace(e.from(), e.to(), e.text());
            }
            return r;
        }
        RopeBuilder out = new RopeBuilder(maxChunk, base.maxChildren());
        int pos = 0;
        for (TextEdit e : edits) {
            out.append(this, pos, e.from());
            out.append(e.text());
            pos = e.to();
        }
        return out.append(this, pos, length()).build();
    }

    public Rope slice(int from, int to) {
        int len = length();
        if (from < 0 || to > len || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of a rope of length " + len);
        }
        if (from == to) {
            return empty(maxChunk, base.maxChildren());
        }
        int[] a = locate(from);
        int[] b = locate(to - 1);
        String ca = tree().get(a[0]);
        if (a[0] == b[0]) {
            return of(ca.substring(from - a[1], to - a[1]), maxChunk, base.maxChildren());
        }
        String cb = tree().get(b[0]);
        List<String> edges = new ArrayList<>(1);
        edges.add(ca.substring(from - a[1]));
        SumTree<String, TextSummary> t = SumTree.of(ChunkSpec.INSTANCE, base.maxChildren(), edges)
                .concat(tree().slice(a[0] + 1, b[0]));
        edges.set(0, cb.substring(0, to - b[1]));
        t = t.concat(SumTree.of(ChunkSpec.INSTANCE, base.maxChildren(), edges));
        return new Rope(t, maxChunk);
    }

    public Rope concat(Rope other) {
        return new Rope(tree().concat(other.tree()), maxChunk);
    }

    public String substring(int from, int to) {
        if (from < 0 || to > length() || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of a rope of length " + length());
        }
        StringBuilder sb = new StringBuilder(to - from);
        appendTo(sb, from, to);
        return sb.toString();
    }

    /** Appends {@code [from, to)} to {@code sb} chunk by chunk. */
    public void appendTo(StringBuilder sb, int from, int to) {
        if (from >= to) {
            return;
        }
        int[] a = locate(from);
        int start = a[1];
        Iterator<String> it = tree().iterator(a[0]);
        while (start < to) {
            String c = it.next();
            sb.append(c, Math.max(from, start) - start, Math.min(to, start + c.length()) - start);
            start += c.length();
        }
    }

    @Override
    public String toString() {
        return substring(0, length());
    }

    public boolean contentEquals(CharSequence other) {
        if (other.length() != length()) {
            return false;
        }
        int pos = 0;
        for (String c : chunks()) {
            for (int i = 0; i < c.length(); i++) {
                if (c.charAt(i) != other.charAt(pos + i)) {
                    return false;
                }
            }
            pos += c.length();
        }
        return true;
    }

    /** A read-only {@link CharSequence} view (no copy) for {@link java.util.regex} and friends. */
    public CharSequence asCharSequence() {
        return new RopeCharSequence(this, 0, length());
    }

    public int lineOf(int offset) {
        return Lines.lineOf(this, offset);
    }

    public int lineStart(int line) {
        return Lines.lineStart(this, line);
    }

    /** End of the line's content, before its terminator. */
    public int lineEnd(int line) {
        return Lines.lineEnd(this, line);
    }

    public int column(int offset) {
        return offset - lineStart(lineOf(offset));
    }

    /** First index of {@code needle} at or after {@code from}, or -1; finds matches that span chunks. */
    public int indexOf(String needle, int from) {
        return ChunkEdits.indexOf(this, needle, from);
    }

    public void checkInvariants() {
        tree().checkInvariants();
        if (!tree().summary().equals(total)) {
            throw new IllegalStateException("rope summary " + total + " != tree summary " + tree().summary());
        }
        for (int i = 0; i < tree().size(); i++) {
            String c = tree().get(i);
            if (c.isEmpty() || c.length() > maxChunk) {
                throw new IllegalStateException("chunk " + i + " has length " + c.length() + " (max " + maxChunk + ")");
            }
            if (!TextSummary.of(c).equals(tree().summaryOf(i))) {
                throw new IllegalStateException("chunk " + i + " summary " + tree().summaryOf(i) + " != " + TextSummary.of(c));
            }
        }
    }

    private static void checkOffset(int offset, int max) {
        if (offset < 0 || offset > max) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside [0, " + max + "]");
        }
    }

    /** Accumulates the summary of everything before the target (by chars or by line breaks). */
    static final class Prefix implements PackedSeeker<TextSummary> {
        private final long target;
        private final boolean byBreaks;
        long chars;
        long breaks;
        boolean endsCr;

        Prefix(long target, boolean byBreaks) {
            this.target = target;
            this.byBreaks = byBreaks;
        }

        @Override
        public boolean targetWithin(TextSummary s) {
            if (s.chars == 0) {
                return false;
            }
            long b = s.lineBreaks - (endsCr && s.startsWithLf() ? 1 : 0);
            if (byBreaks ? breaks + b >= target : chars + s.chars > target) {
                return true;
            }
            chars += s.chars;
            breaks += b;
            endsCr = s.endsWithCr();
            return false;
        }

        /** Same as repeated {@link #targetWithin}, over {@link ChunkSpec#pack}'s flat array. */
        @Override
        public int pick(Object packed, int kids) {
            int[] p = (int[]) packed;
            for (int i = 0; i < kids; i++) {
                int c = p[3 * i];
                if (c == 0) {
                    continue;
                }
                int flags = p[3 * i + 2];
                long b = p[3 * i + 1] - (endsCr && (flags & TextSummary.STARTS_LF) != 0 ? 1 : 0);
                if (byBreaks ? breaks + b >= target : chars + c > target) {
                    return i;
                }
                chars += c;
                breaks += b;
                endsCr = (flags & TextSummary.ENDS_CR) != 0;
            }
            return kids;
        }
    }
}
