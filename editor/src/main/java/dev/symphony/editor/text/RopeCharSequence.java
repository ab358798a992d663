package dev.symphony.editor.text;

/**
 * A {@link CharSequence} window {@code [start, end)} over a rope that caches the current chunk, so
 * sequential access (what {@link java.util.regex.Matcher} does) costs one array read per char and
 * one O(log n) seek per chunk. Not thread-safe (the cache); make one per thread.
 */
final class RopeCharSequence implements CharSequence {

    private final Rope rope;
    private final int start;
    private final int end;
    private String chunk = "";
    private int chunkStart;
    private int chunkIndex = -1;

    RopeCharSequence(Rope rope, int start, int end) {
        this.rope = rope;
        this.start = start;
        this.end = end;
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public char charAt(int index) {
        int abs = start + index;
        int local = abs - chunkStart;
        if (local >= 0 && local < chunk.length()) {
            return chunk.charAt(local);
        }
        if (index < 0 || abs >= end) {
            throw new IndexOutOfBoundsException("index " + index + " of " + length());
        }
        if (local == chunk.length() && chunkIndex >= 0 && chunkIndex + 1 < rope.chunkCount()) {
            chunkStart += chunk.length();
            chunk = rope.tree().get(++chunkIndex);
        } else {
            int[] loc = rope.locate(abs);
            chunkIndex = loc[0];
            chunkStart = loc[1];
            chunk = rope.tree().get(chunkIndex);
        }
        return chunk.charAt(abs - chunkStart);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        if (from < 0 || to > length() || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of " + length());
        }
        return new RopeCharSequence(rope, start + from, start + to);
    }

    @Override
    public String toString() {
        return rope.substring(start, end);
    }
}
