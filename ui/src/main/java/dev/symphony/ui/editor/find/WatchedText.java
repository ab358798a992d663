package dev.symphony.ui.editor.find;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The text a search runs over, watched: every 64 Ki reads it checks whether the search was superseded
 * (then the regex engine is stopped by a {@link CancellationException}, even inside one long
 * {@code find()} over 50 MB without a match) and records how far the search has read, for progress.
 */
final class WatchedText implements CharSequence {
    private final CharSequence text;
    private final BooleanSupplier cancelled;
    private final int offset;
    private final long[] reached; // shared with sub-sequences: [0] = the furthest index read
    private int reads;

    WatchedText(CharSequence text, BooleanSupplier cancelled) {
        this(text, cancelled, 0, new long[1]);
    }

    private WatchedText(CharSequence text, BooleanSupplier cancelled, int offset, long[] reached) {
        this.text = text;
        this.cancelled = cancelled;
        this.offset = offset;
        this.reached = reached;
    }

    /** The furthest character index (in the whole text) the search has read so far. */
    long reached() {
        return reached[0];
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 0xFFFF) == 0) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("a newer search replaced this one");
            }
            reached[0] = Math.max(reached[0], offset + (long) index);
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new WatchedText(text.subSequence(start, end), cancelled, offset + start, reached);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
