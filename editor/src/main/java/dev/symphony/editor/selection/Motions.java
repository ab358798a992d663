package dev.symphony.editor.selection;

import dev.symphony.editor.text.Rope;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * Where one caret goes for one {@link Motion}. Carets step over whole grapheme clusters (a letter with
 * its combining marks, a surrogate pair, CRLF, and on JDK 20+ emoji sequences), so a caret never sits
 * inside what shows as one character; Backspace still removes one code point ({@link #charLeft}), as
 * most editors do, so a mark can be taken back without retyping its letter.
 */
final class Motions {

    private Motions() {
    }

    /** New head offset; {@code goal[0]} is updated with the goal column for vertical moves, which go over the lines {@code shown} shows. */
    static int move(Rope rope, int head, Motion motion, int[] goal, ShownLines shown) {
        int len = rope.length();
        switch (motion) {
            case CHAR_LEFT:
                return clusterLeft(rope, head);
            case CHAR_RIGHT:
                return clusterRight(rope, head);
            case WORD_LEFT: {
                int p = head;
                while (p > 0 && kind(rope.charAt(p - 1)) == 0) {
                    p--;
                }
                int k = p > 0 ? kind(rope.charAt(p - 1)) : 0;
                while (p > 0 && kind(rope.charAt(p - 1)) == k && k != 3) {
                    p--;
                }
                return p == head && p > 0 ? clusterLeft(rope, p) : p;
            }
            case WORD_RIGHT: {
                int p = head;
                while (p < len && kind(rope.charAt(p)) == 0) {
                    p++;
                }
                int k = p < len ? kind(rope.charAt(p)) : 0;
                while (p < len && kind(rope.charAt(p)) == k && k != 3) {
                    p++;
                }
                return p == head && p < len ? clusterRight(rope, p) : p;
            }
            case LINE_UP:
            case LINE_DOWN: {
                int line = rope.lineOf(head);
                int col = goal[0] >= 0 ? goal[0] : head - rope.lineStart(line);
                goal[0] = col;
                int target = shown.lineBy(line, motion == Motion.LINE_UP ? -1 : 1);
                if (target < 0) {
                    return 0;
                }
                if (target >= rope.lineCount()) {
                    return len;
                }
                int start = rope.lineStart(target);
                return Math.min(start + col, rope.lineEnd(target));
            }
            case LINE_START:
                return rope.lineStart(rope.lineOf(head));
            case LINE_END:
                return rope.lineEnd(rope.lineOf(head));
            case DOCUMENT_START:
                return 0;
            case DOCUMENT_END:
                return len;
            default:
                throw new IllegalArgumentException(motion.toString());
        }
    }

    /** Longest grapheme cluster looked at; real ones (ZWJ emoji, stacked marks) are far shorter. */
    private static final int CLUSTER_WINDOW = 128;
    private static final ThreadLocal<BreakIterator> CLUSTERS =
            ThreadLocal.withInitial(() -> BreakIterator.getCharacterInstance(Locale.ROOT));

    /** The start of the grapheme cluster that ends at {@code p}. */
    static int clusterLeft(Rope rope, int p) {
        if (p <= 0) {
            return 0;
        }
        int from = Math.max(0, p - CLUSTER_WINDOW);
        BreakIterator it = CLUSTERS.get();
        it.setText(rope.substring(from, p));
        int b = it.preceding(p - from);
        return b == BreakIterator.DONE ? charLeft(rope, p) : from + b;
    }

    /** The end of the grapheme cluster that starts at {@code p}. */
    static int clusterRight(Rope rope, int p) {
        int len = rope.length();
        if (p >= len) {
            return len;
        }
        int to = Math.min(len, p + CLUSTER_WINDOW);
        BreakIterator it = CLUSTERS.get();
        it.setText(rope.substring(p, to));
        int b = it.following(0);
        return b == BreakIterator.DONE ? charRight(rope, p) : p + b;
    }

    /** One code point (or CRLF) to the left: what Backspace removes. */
    static int charLeft(Rope rope, int p) {
        if (p <= 0) {
            return 0;
        }
        if (p >= 2) {
            char a = rope.charAt(p - 2);
            char b = rope.charAt(p - 1);
            if ((a == '\r' && b == '\n') || (Character.isHighSurrogate(a) && Character.isLowSurrogate(b))) {
                return p - 2;
            }
        }
        return p - 1;
    }

    static int charRight(Rope rope, int p) {
        int len = rope.length();
        if (p >= len) {
            return len;
        }
        if (p + 1 < len) {
            char a = rope.charAt(p);
            char b = rope.charAt(p + 1);
            if ((a == '\r' && b == '\n') || (Character.isHighSurrogate(a) && Character.isLowSurrogate(b))) {
                return p + 2;
            }
        }
        return p + 1;
    }

    /** 0 = blank, 1 = word char, 2 = punctuation, 3 = line break (a word stop of its own). */
    static int kind(char c) {
        if (c == '\n' || c == '\r') {
            return 3;
        }
        if (c == ' ' || c == '\t') {
            return 0;
        }
        return Character.isLetterOrDigit(c) || c == '_' || Character.isSurrogate(c) ? 1 : 2;
    }
}
