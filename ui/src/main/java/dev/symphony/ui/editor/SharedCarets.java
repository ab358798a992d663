package dev.symphony.ui.editor;

import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.text.ChangeSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The views of one buffer (the same document in two editor groups), each with carets of its own. The
 * buffer holds one selection set, the one its commands and edits use: that of the view the person works
 * in last (the owner). The other views keep theirs parked here, carried across every edit, and hand them
 * back to the buffer when they take over. With a single view (the usual case) the buffer's carets are the
 * view's and nothing is parked. FX thread only.
 */
final class SharedCarets {
    private final Buffer buffer;
    private final List<EditorView> views = new ArrayList<>();
    private final Map<EditorView, SelectionSet> parked = new HashMap<>();
    private EditorView owner;

    SharedCarets(Buffer buffer) {
        this.buffer = buffer;
    }

    /** A view joins; a later one starts with the carets the owner has now. */
    void join(EditorView view) {
        views.add(view);
        if (owner == null) {
            owner = view;
        } else {
            parked.put(view, buffer.selections());
        }
    }

    /** The carets {@code view} shows: the buffer's for the owner, its parked ones for another view. */
    SelectionSet of(EditorView view) {
        SelectionSet own = parked.get(view);
        return own != null ? own : buffer.selections();
    }

    /** {@code view} is worked in: its carets go into the buffer, the previous owner's are parked (and repainted). */
    void claim(EditorView view) {
        if (view == owner || !views.contains(view)) {
            return;
        }
        EditorView previous = owner;
        parked.put(previous, buffer.selections());
        owner = view;
        buffer.setSelections(parked.remove(view));
        previous.invalidate();
    }

    /** The text changed (a null change: undo or redo jumped to another revision): {@code view}'s parked carets follow it. */
    void textChanged(EditorView view, ChangeSet change, int newLength) {
        parked.computeIfPresent(view, (v, carets) -> change != null ? carets.map(change) : clamp(carets, newLength));
    }

    private static SelectionSet clamp(SelectionSet carets, int length) {
        List<Selection> out = new ArrayList<>(carets.size());
        for (Selection s : carets.all()) {
            out.add(Selection.of(Math.min(s.anchor(), length), Math.min(s.head(), length)));
        }
        return SelectionSet.of(out);
    }

    /** A view closed; if it owned the buffer's carets, the next view's go back into the buffer. */
    void leave(EditorView view) {
        views.remove(view);
        parked.remove(view);
        if (view == owner) {
            owner = views.isEmpty() ? null : views.get(0);
            if (owner != null) {
                buffer.setSelections(parked.remove(owner));
            }
        }
    }
}
