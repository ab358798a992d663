package dev.symphony.agent;

import dev.symphony.editor.diff.DiffChange;
import dev.symphony.editor.diff.TextDiff;
import dev.symphony.editor.text.Rope;

/** An edit as the person reviews it in the chat: each changed block's removed ({@code -}) and added ({@code +}) lines, with its line number. */
public final class UnifiedDiff {
    private UnifiedDiff() {
    }

    public static String of(String path, String before, String after) {
        Rope left = Rope.of(before);
        Rope right = Rope.of(after);
        StringBuilder b = new StringBuilder("--- ").append(path).append("\n+++ ").append(path).append('\n');
        for (DiffChange c : TextDiff.of(left, right).changes()) {
            b.append("@@ line ").append(c.leftLine() + 1).append(" @@\n");
            for (int i = 0; i < c.leftCount(); i++) {
                b.append('-').append(line(left, c.leftLine() + i)).append('\n');
            }
            for (int i = 0; i < c.rightCount(); i++) {
                b.append('+').append(line(right, c.rightLine() + i)).append('\n');
            }
        }
        return b.toString().stripTrailing();
    }

    private static String line(Rope text, int line) {
        return text.substring(text.lineStart(line), text.lineEnd(line));
    }
}
