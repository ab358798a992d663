package dev.symphony.editor.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One atomic change to a document: edits in ascending, non-overlapping order, all with offsets in
 * the text before the change (so a multi-cursor edit is one value). Knows how to map positions
 * across itself.
 */
public final class ChangeSet {

    private final List<TextEdit> edits;

    public ChangeSet(List<TextEdit> edits) {
        int prev = 0;
        for (TextEdit e : edits) {
            if (e.from() < prev) {
                throw new IllegalArgumentException("edits must be sorted and non-overlapping: " + e + " after offset " + prev);
            }
            prev = e.to();
        }
        this.edits = List.copyOf(edits);
    }

    public static ChangeSet of(TextEdit... edits) {
        List<TextEdit> list = new ArrayList<>();
        Collections.addAll(list, edits);
        return new ChangeSet(list);
    }

    public List<TextEdit> edits() {
        return edits;
    }

    public boolean isEmpty() {
        return edits.isEmpty();
    }

    public Rope apply(Rope text) {
        if (!edits.isEmpty() && edits.get(edits.size() - 1).to() > text.length()) {
            throw new IllegalArgumentException("change reaches offset " + edits.get(edits.size() - 1).to()
                    + " but the text has length " + text.length());
        }
        return edits.size() == 1 ? text.replace(edits.get(0).from(), edits.get(0).to(), edits.get(0).text()) : text.applyAll(edits);
    }

    /**
     * Where {@code pos} (in the text before) ends up after the change. A position inside a replaced
     * range moves to the end of the replacement; at an insertion point it stays before the
     * insertion unless {@code afterInserts}.
     */
    public int map(int pos, boolean afterInserts) {
        return map(pos, afterInserts, 0, 0);
    }

    /**
     * {@link #map(int, boolean)} from edit {@code first} on, {@code delta} being what the edits before it added (they
     * all end before {@code pos}): for a caller that walks positions and edits together.
     */
    public int map(int pos, boolean afterInserts, int first, int delta) {
        for (int i = first; i < edits.size(); i++) {
            TextEdit e = edits.get(i);
            if (e.from() > pos || (e.from() == pos && e.to() == pos && !afterInserts)) {
                break;
            }
            if (e.to() > pos || (e.to() == pos && e.from() == pos)) {
                return e.from() + delta + e.text().length();
            }
            delta += e.delta();
        }
        return pos + delta;
    }

    /** Total change in length. */
    public int delta() {
        int d = 0;
        for (TextEdit e : edits) {
            d += e.delta();
        }
        return d;
    }

    @Override
    public String toString() {
        return "ChangeSet" + edits;
    }
}
