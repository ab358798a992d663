package dev.symphony.editor.search;

import dev.symphony.editor.text.Rope;
import java.util.Iterator;

/**
 * Streams every occurrence of a literal through the rope in one pass over its chunks, using
 * {@code String.indexOf} inside chunks and a small window across chunk boundaries.
 */
final class LiteralScanner {

    private final String needle;
    private final Iterator<String> chunks;
    private String chunk = "";
    private int chunkStart;
    private int from;
    private String tail = "";
    private int windowFrom;

    LiteralScanner(Rope rope, String needle) {
        this.needle = needle;
        this.chunks = rope.chunks().iterator();
    }

    /** Next occurrence (non-overlapping with nothing: every start is reported), or -1. */
    int next() {
        int m = needle.length();
        while (true) {
            if (windowFrom >= 0 && !tail.isEmpty()) {
                String window = tail + chunk.substring(0, Math.min(chunk.length(), m - 1));
                int w = window.indexOf(needle, windowFrom);
                if (w >= 0 && w < tail.length()) {
                    windowFrom = w + 1;
                    return chunkStart - tail.length() + w;
                }
                windowFrom = -1;
            }
            int i = chunk.indexOf(needle, from);
            if (i >= 0) {
                from = i + 1;
                return chunkStart + i;
            }
            if (!chunks.hasNext()) {
                return -1;
            }
            String joined = chunk.length() >= m - 1 ? chunk : tail + chunk;
            tail = joined.substring(Math.max(0, joined.length() - (m - 1)));
            chunkStart += chunk.length();
            chunk = chunks.next();
            from = 0;
            windowFrom = 0;
        }
    }
}
