package dev.symphony.ui.editor;

import dev.symphony.editor.text.Rope;

/**
 * Finds the bracket matching the one at (or just before) the caret by counting nesting, looking at
 * most {@link #MAX_SCAN} characters away so a caret in a 100 MB file never scans it all.
 */
public final class BracketMatcher {
    static final int MAX_SCAN = 100_000;
    private static final String OPEN = "([{";
    private static final String CLOSE = ")]}";

    private BracketMatcher() {}

    /** {bracket, match} offsets, or null when no bracket touches the caret or no match is near. */
    public static int[] match(Rope rope, int caret) {
        int[] found = caret < rope.length() ? from(rope, caret) : null;
        if (found == null && caret > 0) {
            found = from(rope, caret - 1);
        }
        return found;
    }

    private static int[] from(Rope rope, int at) {
        char c = rope.charAt(at);
        int open = OPEN.indexOf(c);
        int close = CLOSE.indexOf(c);
        if (open < 0 && close < 0) {
            return null;
        }
        char self = c;
        char other = open >= 0 ? CLOSE.charAt(open) : OPEN.charAt(close);
        int step = open >= 0 ? 1 : -1;
        int depth = 0;
        int limit = open >= 0 ? Math.min(rope.length(), at + MAX_SCAN) : Math.max(-1, at - MAX_SCAN);
        CharSequence text = rope.asCharSequence();
        for (int i = at; i != limit; i += step) {
            char d = text.charAt(i);
            if (d == self) {
                depth++;
            } else if (d == other && --depth == 0) {
                return new int[] {at, i};
            }
        }
        return null;
    }
}
