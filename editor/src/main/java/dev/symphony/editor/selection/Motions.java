package dev.symphony.editor.selection;

import dev.symphony.editor.text.Rope;

/** Where one caret goes for one {@link Motion}; CRLF and surrogate pairs are stepped over as one unit. */
final class Motions {

    private Motions() {
    }

    /** New head offset; {@code goal[0]} is updated with the goal column for vertical moves. */
    static int move(Rope rope, int head, Motion motion, int[] goal) {
        int len = rope.length();
        switch (motion) {
            case CHAR_LEFT:
                return charLeft(rope, head);
            case CHAR_RIGHT:
                return charRight(rope, head);
            case WORD_LEFT: {
                int p = head;
                while (p > 0 && kind(rope.charAt(p - 1)) == 0) {
                    p--;
                }
                int k = p > 0 ? kind(rope.charAt(p - 1)) : 0;
                while (p > 0 && kind(rope.charAt(p - 1)) == k && k != 3) {
                    p--;
                }
                return p == head && p > 0 ? charLeft(rope, p) : p;
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
                return p == head && p < len ? charRight(rope, p) : p;
            }
            case LINE_UP:
            case LINE_DOWN: {
                int line = rope.lineOf(head);
                int col = goal[0] >= 0 ? goal[0] : head - rope.lineStart(line);
                goal[0] = col;
                int target = motion == Motion.LINE_UP ? line - 1 : line + 1;
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
