package dev.symphony.ui.board;

import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.conductor.melody.MelodyText;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One Melody open on the board: its text (through the conductor's text-preserving {@link MelodyText}, so an edit
 * changes only its own part of the file), the graph drawn from it, and undo/redo of every edit. Undo keeps the
 * text of each earlier state (not the parsed index), at most {@link #UNDO_LIMIT} steps.
 */
public final class BoardDocument {
    static final int UNDO_LIMIT = 500;

    /** An edit of the text; may throw when it cannot apply (the document is left unchanged). */
    @FunctionalInterface
    public interface Edit {
        MelodyText apply(MelodyText text) throws IOException;
    }

    private record Step(String label, String text) {
    }

    private final CapabilityCatalog catalog;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private MelodyText text;
    private BoardGraph graph;
    private String savedText;
    private Consumer<BoardDocument> onChange = d -> {};

    public BoardDocument(String text, CapabilityCatalog catalog) throws IOException {
        this.catalog = Objects.requireNonNull(catalog);
        this.text = MelodyText.parse(text);
        this.savedText = text;
        this.graph = BoardGraph.of(this.text.tree(), catalog);
    }

    public void setOnChange(Consumer<BoardDocument> onChange) {
        this.onChange = Objects.requireNonNull(onChange);
    }

    public String text() {
        return text.text();
    }

    public MelodyText melodyText() {
        return text;
    }

    public BoardGraph graph() {
        return graph;
    }

    public CapabilityCatalog catalog() {
        return catalog;
    }

    public boolean dirty() {
        return !text.text().equals(savedText);
    }

    /** The text now is what is on disk (after a save or a reload). */
    public void markSaved() {
        savedText = text.text();
        onChange.accept(this);
    }

    /** Applies {@code edit} as one undoable step named {@code label}; an edit that changes nothing is not a step. */
    public void apply(String label, Edit edit) throws IOException {
        MelodyText next = edit.apply(text);
        if (next.text().equals(text.text())) {
            return;
        }
        undo.push(new Step(label, text.text()));
        if (undo.size() > UNDO_LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        set(next);
    }

    /** Replaces the whole text (the JSON view was edited) as one undoable step. */
    public void replaceText(String newText) throws IOException {
        apply("Edit JSON", t -> MelodyText.parse(newText));
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** The label of the edit Undo would revert (null if none). */
    public String undoLabel() {
        return undo.isEmpty() ? null : undo.peek().label();
    }

    public void undo() throws IOException {
        if (!undo.isEmpty()) {
            Step step = undo.pop();
            redo.push(new Step(step.label(), text.text()));
            set(MelodyText.parse(step.text()));
        }
    }

    public void redo() throws IOException {
        if (!redo.isEmpty()) {
            Step step = redo.pop();
            undo.push(new Step(step.label(), text.text()));
            set(MelodyText.parse(step.text()));
        }
    }

    private void set(MelodyText next) {
        text = next;
        graph = BoardGraph.of(next.tree(), catalog);
        onChange.accept(this);
    }
}
