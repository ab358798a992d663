package dev.symphony.editor.buffer;

import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A node of the revision graph: the change from its parent, and (for the last revision of each undo
 * group) the resulting text snapshot, which costs only the nodes the change copied.
 */
public final class Revision {

    private final long id;
    private final Revision parent;
    private final ChangeSet change;
    private final EditKind kind;
    private final long group;
    private final long timeMillis;
    private final SelectionSet selectionsBefore;
    final List<Revision> children = new ArrayList<>(1);
    Rope text;
    SelectionSet selectionsAfter;
    Revision redoChild;

    Revision(long id, Revision parent, ChangeSet change, EditKind kind, long group, long timeMillis, Rope text,
            SelectionSet before, SelectionSet after) {
        this.id = id;
        this.parent = parent;
        this.change = change;
        this.kind = kind;
        this.group = group;
        this.timeMillis = timeMillis;
        this.text = text;
        this.selectionsBefore = before;
        this.selectionsAfter = after;
    }

    public long id() {
        return id;
    }

    public Revision parent() {
        return parent;
    }

    public ChangeSet change() {
        return change;
    }

    public EditKind kind() {
        return kind;
    }

    /** Revisions of one undo group share this number. */
    public long group() {
        return group;
    }

    public long timeMillis() {
        return timeMillis;
    }

    public List<Revision> children() {
        return Collections.unmodifiableList(children);
    }

    SelectionSet selectionsBefore() {
        return selectionsBefore;
    }

    /** True for the last revision of an undo group: the states undo, redo and goto can land on. */
    public boolean isGroupEnd() {
        return text != null;
    }

    boolean startsGroup() {
        return parent == null || parent.group != group;
    }

    @Override
    public String toString() {
        return "Revision[" + id + ", group " + group + ", " + kind + "]";
    }
}
