package dev.symphony.editor.text;

import dev.symphony.editor.tree.SumTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Builds a rope left to right in O(n): text is packed into full chunks, and whole chunks of another
 * rope are shared rather than copied whenever the builder is aligned with them.
 */
public final class RopeBuilder {

    private final int maxChunk;
    /** Chunks are filled to 7/8 of the maximum, so typing into freshly loaded text stays on the fast path. */
    private final int fill;
    private final int maxChildren;
    private final List<String> chunks = new ArrayList<>();
    private final List<TextSummary> sums = new ArrayList<>();
    private final StringBuilder pending;
    /** No surrogate pair inside {@code pending}: its code points equal its chars, no scan needed. */
    private boolean pendingNoPairs = true;

    public RopeBuilder() {
        this(Rope.DEFAULT_MAX_CHUNK, Rope.DEFAULT_MAX_CHILDREN);
    }

    public RopeBuilder(int maxChunk, int maxChildren) {
        if (maxChunk < 2) {
            throw new IllegalArgumentException("maxChunk must be >= 2, was " + maxChunk);
        }
        this.maxChunk = maxChunk;
        this.fill = Math.max(1, maxChunk - maxChunk / 8);
        this.maxChildren = maxChildren;
        this.pending = new StringBuilder(maxChunk);
    }

    /** The chunk size this builder produces from fresh text (decoders slice their input to match). */
    public int chunkFill() {
        return fill;
    }

    public RopeBuilder append(CharSequence text) {
        return append(text, 0, text.length(), noPairs(text, 0, text.length()));
    }

    private static boolean noPairs(CharSequence s, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (Character.isLowSurrogate(s.charAt(i)) && Character.isHighSurrogate(s.charAt(i - 1))) {
                return false;
            }
        }
        return true;
    }

    /** Bytes decoded as ISO-8859-1 (every ASCII file): the cheapest path, no surrogate scan. */
    public RopeBuilder appendLatin1(byte[] bytes, int off, int len) {
        int end = off + len;
        while (off < end && pending.length() > 0) {
            if (pending.length() >= fill) {
                flush();
                break;
            }
            int take = Math.min(fill - pending.length(), end - off);
            pending.append(new String(bytes, off, take, StandardCharsets.ISO_8859_1));
            off += take;
            if (pending.length() == fill) {
                flush();
            }
        }
        while (end - off >= fill) {
            emit(new String(bytes, off, fill, StandardCharsets.ISO_8859_1), true);
            off += fill;
        }
        if (off < end) {
            pending.append(new String(bytes, off, end - off, StandardCharsets.ISO_8859_1));
        }
        return this;
    }

    /** Appends text the caller guarantees is Latin-1 (every char below U+0100). */
    public RopeBuilder appendKnownLatin1(CharSequence text) {
        return append(text, 0, text.length(), true);
    }

    /**
     * Appends text the caller has scanned: ASCII only, no CR, {@code lineFeeds} LFs. When it lines up
     * with a chunk boundary it becomes a chunk as is, its summary made without another pass.
     */
    public RopeBuilder appendAsciiWithoutCr(String text, long lineFeeds) {
        int n = text.length();
        if (pending.length() > 0 || n == 0 || n > maxChunk) {
            return append(text, 0, n, true);
        }
        chunks.add(text);
        sums.add(new TextSummary(n, n, lineFeeds, 0, text.charAt(0) == '\n' ? TextSummary.STARTS_LF : 0));
        return this;
    }

    /** Appends {@code text[from, to)}; {@code noPairs} promises it holds no surrogate pair. */
    private RopeBuilder append(CharSequence text, int from, int to, boolean noPairs) {
        int i = from;
        while (i < to) {
            if (pending.length() == 0 && to - i >= fill && text instanceof String) {
                int take = safeSplit(text, i, i + fill, to);
                emit(((String) text).substring(i, take), noPairs);
                i = take;
                continue;
            }
            int room = fill - pending.length();
            int take = room <= 0 ? i : safeSplit(text, i, Math.min(to, i + room), to);
            if (take == i) {
                flush();
                continue;
            }
            if (!noPairs || (pending.length() > 0 && Character.isHighSurrogate(pending.charAt(pending.length() - 1))
                    && Character.isLowSurrogate(text.charAt(i)))) {
                pendingNoPairs = false;
            }
            pending.append(text, i, take);
            i = take;
            if (pending.length() >= fill) {
                flush();
            }
        }
        return this;
    }

    /** Moves a cut point back by one so that a surrogate pair is never split across chunks. */
    private static int safeSplit(CharSequence text, int start, int cut, int end) {
        if (cut < end && cut > start + 1 && Character.isHighSurrogate(text.charAt(cut - 1))
                && Character.isLowSurrogate(text.charAt(cut))) {
            return cut - 1;
        }
        return cut;
    }

    /** Appends {@code rope[from, to)}, sharing its whole chunks where possible. */
    public RopeBuilder append(Rope rope, int from, int to) {
        if (from >= to) {
            return this;
        }
        int[] loc = rope.locate(from);
        int index = loc[0];
        int start = loc[1];
        Iterator<String> it = rope.tree().iterator(index);
        while (start < to) {
            String chunk = it.next();
            int end = start + chunk.length();
            int a = Math.max(from, start) - start;
            int b = Math.min(to, end) - start;
            if (a == 0 && b == chunk.length()) {
                appendChunk(chunk, rope.tree().summaryOf(index));
            } else {
                TextSummary sum = rope.tree().summaryOf(index);
                append(chunk, a, b, sum.codePoints == sum.chars);
            }
            start = end;
            index++;
        }
        return this;
    }

    private void appendChunk(String chunk, TextSummary summary) {
        if (pending.length() == 0) {
            chunks.add(chunk);
            sums.add(summary);
            return;
        }
        int total = pending.length() + chunk.length();
        boolean chunkNoPairs = summary.codePoints == summary.chars;
        boolean junction = Character.isHighSurrogate(pending.charAt(pending.length() - 1))
                && Character.isLowSurrogate(chunk.charAt(0));
        boolean noPairs = pendingNoPairs && chunkNoPairs && !junction;
        if (total <= maxChunk) {
            pendingNoPairs = noPairs;
            pending.append(chunk);
            if (pending.length() >= maxChunk / 2) {
                flush();
            }
            return;
        }
        // Re-align with the source rope: one copy now, and the next chunks are shared again.
        pending.append(chunk);
        int half = total / 2;
        if (Character.isHighSurrogate(pending.charAt(half - 1)) && Character.isLowSurrogate(pending.charAt(half))) {
            half++;
        }
        String joined = pending.toString();
        pending.setLength(0);
        emit(joined.substring(0, half), noPairs);
        emit(joined.substring(half), noPairs);
        pendingNoPairs = true;
    }

    private void flush() {
        if (pending.length() > 0) {
            emit(pending.toString(), pendingNoPairs);
            pending.setLength(0);
        }
        pendingNoPairs = true;
    }

    private void emit(String chunk, boolean noPairs) {
        chunks.add(chunk);
        sums.add(TextSummary.of(chunk, noPairs));
    }

    public Rope build() {
        flush();
        return new Rope(SumTree.of(ChunkSpec.INSTANCE, maxChildren, chunks, sums), maxChunk);
    }
}
