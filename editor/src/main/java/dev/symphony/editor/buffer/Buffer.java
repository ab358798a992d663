package dev.symphony.editor.buffer;

import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.selection.Transaction;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One open document: text, selections and the revision graph. Not thread-safe by design: one writer
 * (the UI thread or the agent owning the buffer); readers take {@link #text()} snapshots, which are
 * immutable and may be used on any thread.
 *
 * <p>Undo groups: consecutive {@link EditKind#TYPING} that continues at the carets merges until a
 * blank follows a non-blank (one step per word), the pause exceeds {@link #GROUP_PAUSE_MILLIS}, or
 * {@link #closeGroup()} is called (a caret move); likewise for consecutive deletions. Every other
 * edit is a group of its own.
 */
public final class Buffer {

    public static final long GROUP_PAUSE_MILLIS = 1000;

    private final LongSupplier clock;
    private final Map<Long, Revision> byId = new HashMap<>();
    /** Group-end revisions in the order their groups were started (for earlier/later). */
    private final List<Revision> timeline = new ArrayList<>();
    private final Revision root;
    private Revision head;
    private Rope text;
    private SelectionSet selections;
    private long nextId;
    private long nextGroup;
    private boolean groupOpen;
    private final List<BufferListener> listeners = new ArrayList<>();

    public Buffer(Rope initial, LongSupplier clockMillis) {
        this.clock = clockMillis;
        this.text = initial;
        this.selections = SelectionSet.cursorAt(0);
        this.root = new Revision(nextId++, null, ChangeSet.of(), EditKind.COMMAND, nextGroup++, clockMillis.getAsLong(),
                initial, selections, selections);
        this.head = root;
        byId.put(root.id(), root);
        timeline.add(root);
    }

    public Rope text() {
        return text;
    }

    /** Registers a listener told of every text change (the hot-exit journal, views). */
    public void addListener(BufferListener l) {
        listeners.add(l);
    }

    /** Stops telling {@code l} (a view that closed). */
    public void removeListener(BufferListener l) {
        listeners.remove(l);
    }

    private void changed(Rope before, ChangeSet change) {
        for (BufferListener l : listeners) {
            l.onTextChanged(before, text, change);
        }
    }

    public SelectionSet selections() {
        return selections;
    }

    /** Moves the carets (no revision); also ends the current undo group, as editors do. */
    public void setSelections(SelectionSet s) {
        this.selections = s;
        closeGroup();
    }

    public long revision() {
        return head.id();
    }

    public Revision head() {
        return head;
    }

    public Optional<Revision> revision(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public void closeGroup() {
        groupOpen = false;
    }

    /** Applies a command's transaction (text change + carets) as one edit of {@code kind}. */
    public Revision apply(Transaction tx, EditKind kind) {
        if (tx.change().isEmpty()) {
            selections = tx.selectionsAfter();
            return head;
        }
        return commit(tx.change(), kind, tx.selectionsAfter());
    }

    /** Applies a change made against the current text (carets are carried across it). */
    public Revision edit(ChangeSet change, EditKind kind) {
        return commit(change, kind, selections.map(change));
    }

    private Revision commit(ChangeSet change, EditKind kind, SelectionSet after) {
        Rope next = change.apply(text);
        long now = clock.getAsLong();
        boolean merge = groupOpen && head.children.isEmpty() && continues(head, change, kind, now);
        long group = merge ? head.group() : nextGroup++;
        Revision r = new Revision(nextId++, head, change, kind, group, now, next, merge ? null : selections, after);
        head.children.add(r);
        head.redoChild = r;
        if (merge) {
            head.text = null;
            head.selectionsAfter = null;
            timeline.set(timeline.size() - 1, r);
        } else {
            timeline.add(r);
        }
        byId.put(r.id(), r);
        head = r;
        Rope before = text;
        text = next;
        selections = after;
        groupOpen = kind == EditKind.TYPING || kind == EditKind.DELETING;
        changed(before, change);
        return r;
    }

    /** Does {@code change} continue the typing (or deleting) that produced {@code prev}? */
    private static boolean continues(Revision prev, ChangeSet change, EditKind kind, long now) {
        if (kind != prev.kind() || now - prev.timeMillis() > GROUP_PAUSE_MILLIS) {
            return false;
        }
        List<TextEdit> before = prev.change().edits();
        List<TextEdit> edits = change.edits();
        if (before.size() != edits.size()) {
            return false;
        }
        int delta = 0;
        for (int i = 0; i < edits.size(); i++) {
            TextEdit p = before.get(i);
            TextEdit e = edits.get(i);
            int prevStart = p.from() + delta;
            int prevEnd = prevStart + p.text().length();
            delta += p.delta();
            if (kind == EditKind.TYPING) {
                if (e.from() != prevEnd || e.to() != prevEnd || e.text().isEmpty()) {
                    return false;
                }
                // A new word starts a new undo step: blank typed after a non-blank.
                boolean prevBlank = p.text().isEmpty() || Character.isWhitespace(p.text().charAt(p.text().length() - 1));
                if (Character.isWhitespace(e.text().charAt(0)) && !prevBlank) {
                    return false;
                }
            } else if (!e.text().isEmpty() || (e.to() != prevStart && e.from() != prevStart)) {
                return false;
            }
        }
        return true;
    }

    /** Steps back one undo group; false at the beginning of history. */
    public boolean undo() {
        if (head == root) {
            return false;
        }
        Revision start = head;
        while (!start.startsGroup()) {
            start = start.parent();
        }
        SelectionSet restore = start.selectionsBefore();
        moveTo(start.parent());
        selections = restore;
        return true;
    }

    /** Re-applies the group undo left (following the most recently used branch). */
    public boolean redo() {
        Revision next = head.redoChild;
        if (next == null) {
            return false;
        }
        while (!next.isGroupEnd()) {
            next = next.redoChild;
        }
        moveTo(next);
        return true;
    }

    /** The undo groups that start at the current state: more than one means the history branched here. */
    public List<Revision> branches() {
        return head.children();
    }

    /** Chooses which branch {@link #redo()} follows from here. */
    public void selectBranch(int index) {
        head.redoChild = head.children.get(index);
    }

    /** Jumps to any state in the history (the end of any undo group), across branches. */
    public void goTo(long revisionId) {
        Revision r = byId.get(revisionId);
        if (r == null || !r.isGroupEnd()) {
            throw new IllegalArgumentException("revision " + revisionId + " is not a state in this history"
                    + (r == null ? "" : " (it is inside an undo group; use the group's last revision)"));
        }
        // Make redo from every ancestor lead back here, like a vim undo-tree jump.
        for (Revision c = r; c.parent() != null; c = c.parent()) {
            c.parent().redoChild = c;
        }
        moveTo(r);
    }

    /** Chronological navigation (vim's g- / g+): the state before/after the current one in time. */
    public boolean earlier() {
        int i = timeline.indexOf(head);
        if (i <= 0) {
            return false;
        }
        goTo(timeline.get(i - 1).id());
        return true;
    }

    public boolean later() {
        int i = timeline.indexOf(head);
        if (i < 0 || i + 1 >= timeline.size()) {
            return false;
        }
        goTo(timeline.get(i + 1).id());
        return true;
    }

    /** Group-end revisions, oldest first. */
    public List<Revision> timeline() {
        return List.copyOf(timeline);
    }

    private void moveTo(Revision r) {
        Rope before = text;
        head = r;
        text = r.text;
        if (before != text) {
            changed(before, null);
        }
        selections = r.selectionsAfter != null ? r.selectionsAfter : SelectionSet.cursorAt(0);
        groupOpen = false;
    }

    /**
     * Applies a change computed by someone else against revision {@code baseRevision}: rebased onto
     * the head, or rejected when the text it touches has changed since (or the base is unknown).
     */
    public Revision applyExternal(long baseRevision, ChangeSet change) throws StaleEditException {
        Revision base = byId.get(baseRevision);
        if (base == null) {
            throw new StaleEditException("unknown base revision " + baseRevision + " (this buffer's revisions are "
                    + root.id() + ".." + (nextId - 1) + ")");
        }
        ChangeSet rebased = base == head ? change : Rebase.onto(base, head, change);
        if (!rebased.isEmpty() && rebased.edits().get(rebased.edits().size() - 1).to() > text.length()) {
            throw new StaleEditException("edit reaches offset " + rebased.edits().get(rebased.edits().size() - 1).to()
                    + " beyond the end of the text (" + text.length() + ") of revision " + head.id());
        }
        groupOpen = false;
        Revision r = edit(rebased, EditKind.EXTERNAL);
        groupOpen = false;
        return r;
    }
}
