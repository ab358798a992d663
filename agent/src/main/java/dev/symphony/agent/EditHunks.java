package dev.symphony.agent;

import dev.symphony.editor.diff.DiffChange;
import dev.symphony.editor.diff.TextDiff;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * A proposed edit's changed blocks (the editor's line diff, {@link TextDiff}), which the person accepts or rejects one
 * by one; {@link #keep} makes the edit of the accepted ones only, in the coordinates of the text it was proposed on,
 * so it applies to the buffer from the same base revision.
 */
public final class EditHunks {
    /** One changed block: its first line (1-based, in the text before) and the lines it removes and adds. */
    public record Hunk(int line, List<String> removed, List<String> added) {
        /** As the review shows it: {@code @@ line N @@}, then {@code -} and {@code +} lines. */
        public String text() {
            StringBuilder b = new StringBuilder("@@ line ").append(line).append(" @@");
            removed.forEach(l -> b.append("\n-").append(l));
            added.forEach(l -> b.append("\n+").append(l));
            return b.toString();
        }
    }

    private EditHunks() {
    }

    public static List<Hunk> of(String before, String after) {
        Rope left = Rope.of(before);
        Rope right = Rope.of(after);
        List<Hunk> out = new ArrayList<>();
        for (DiffChange c : TextDiff.of(left, right).changes()) {
            out.add(new Hunk(c.leftLine() + 1, lines(left, c.leftLine(), c.leftCount()), lines(right, c.rightLine(), c.rightCount())));
        }
        return out;
    }

    /** {@code edit} with only the blocks whose {@code keep} entry is true (one entry per block of {@link #of}). */
    public static ProposedEdit keep(ProposedEdit edit, List<Boolean> keep) {
        Rope left = Rope.of(edit.before());
        Rope right = Rope.of(edit.after());
        List<DiffChange> changes = TextDiff.of(left, right).changes();
        if (keep.size() != changes.size()) {
            throw new IllegalArgumentException(keep.size() + " answers for " + changes.size() + " changes");
        }
        List<TextEdit> kept = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (keep.get(i)) {
                kept.add(changes.get(i).acceptEdit(left, right));
            }
        }
        ChangeSet change = new ChangeSet(kept);
        return new ProposedEdit(edit.file(), edit.baseRevision(), edit.before(), change.apply(left).toString(), change);
    }

    private static List<String> lines(Rope text, int first, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            out.add(text.substring(text.lineStart(i), text.lineEnd(i)));
        }
        return out;
    }
}
