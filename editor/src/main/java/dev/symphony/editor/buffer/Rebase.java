package dev.symphony.editor.buffer;

import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves an edit computed against revision B onto the head H: walk B → common ancestor (undoing each
 * change) → H (redoing each), shifting the edit's ranges. Any intervening change that touches the
 * edit's range makes it stale: rejected, with the revision and range named.
 */
final class Rebase {

    private Rebase() {
    }

    static ChangeSet onto(Revision base, Revision head, ChangeSet change) throws StaleEditException {
        List<Revision> up = new ArrayList<>();
        List<Revision> down = new ArrayList<>();
        Revision a = base;
        Revision b = head;
        int da = depth(a);
        int db = depth(b);
        while (a != b) {
            if (da >= db) {
                up.add(a);
                a = a.parent();
                da--;
            } else {
                down.add(b);
                b = b.parent();
                db--;
            }
        }
        int n = change.edits().size();
        int[] from = new int[n];
        int[] to = new int[n];
        for (int i = 0; i < n; i++) {
            from[i] = change.edits().get(i).from();
            to[i] = change.edits().get(i).to();
        }
        for (Revision r : up) {
            // Undoing r: each of its edits (f, t -> text) becomes (f', f' + text.length -> t - f chars).
            int delta = 0;
            List<int[]> inverse = new ArrayList<>();
            for (TextEdit e : r.change().edits()) {
                int f = e.from() + delta;
                inverse.add(new int[] {f, f + e.text().length(), e.to() - e.from()});
                delta += e.delta();
            }
            shift(inverse, from, to, r, "undone");
        }
        for (int k = down.size() - 1; k >= 0; k--) {
            Revision r = down.get(k);
            List<int[]> forward = new ArrayList<>();
            for (TextEdit e : r.change().edits()) {
                forward.add(new int[] {e.from(), e.to(), e.text().length()});
            }
            shift(forward, from, to, r, "made");
        }
        List<TextEdit> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new TextEdit(from[i], to[i], change.edits().get(i).text()));
        }
        return new ChangeSet(out);
    }

    /** Applies one step {@code (from, to, newLength)...} to every range, or throws if one is touched. */
    private static void shift(List<int[]> step, int[] from, int[] to, Revision r, String verb) throws StaleEditException {
        for (int i = 0; i < from.length; i++) {
            int delta = 0;
            for (int[] s : step) {
                if (s[1] <= from[i]) {
                    // Entirely before (an insertion at our start counts as before: it happened first).
                    delta += s[2] - (s[1] - s[0]);
                } else if (s[0] >= to[i]) {
                    break;
                } else {
                    throw new StaleEditException("edit of [" + from[i] + ", " + to[i] + ") conflicts with revision "
                            + r.id() + " (" + r.kind() + "), which " + verb + " a change at [" + s[0] + ", " + s[1] + ")");
                }
            }
            from[i] += delta;
            to[i] += delta;
        }
    }

    private static int depth(Revision r) {
        int d = 0;
        while (r.parent() != null) {
            d++;
            r = r.parent();
        }
        return d;
    }
}
