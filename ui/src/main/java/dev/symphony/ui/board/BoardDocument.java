package dev.symphony.ui.board;

import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.conductor.melody.InvalidMelodyException;
import dev.symphony.conductor.melody.MelodyDocument;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One Melody open on the board: the conductor's {@link MelodyDocument} (text-preserving: an edit changes only its
 * own part of the file, the rest stays byte for byte as the person wrote it), the graph drawn from it, and
 * undo/redo of every edit. Undo keeps the text of each earlier state (not the parsed index), at most
 * {@link #UNDO_LIMIT} steps.
 */
public final class BoardDocument {
    static final int UNDO_LIMIT = 500;

    /** An edit of the document; may throw when it cannot apply (the document is left unchanged). */
    @FunctionalInterface
    public interface Edit {
        MelodyDocument apply(MelodyDocument document) throws InvalidMelodyException;
    }

    private record Step(String label, String text) {
    }

    private final CapabilityCatalog catalog;
    private final Path source;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private MelodyDocument document;
    private BoardGraph graph;
    private String savedText;
    private Consumer<BoardDocument> onChange = d -> {};

    /** {@code source} (may be null) names the file in messages. Text that is not one JSON object is refused with its line and column. */
    public BoardDocument(String text, Path source, CapabilityCatalog catalog) throws InvalidMelodyException {
        this.catalog = Objects.requireNonNull(catalog);
        this.source = source;
        this.document = MelodyDocument.parse(text, source);
        this.savedText = text;
        this.graph = BoardGraph.of(document.tree(), catalog);
    }

    public BoardDocument(String text, CapabilityCatalog catalog) throws InvalidMelodyException {
        this(text, null, catalog);
    }

    public void setOnChange(Consumer<BoardDocument> onChange) {
        this.onChange = Objects.requireNonNull(onChange);
    }

    public String text() {
        return document.text();
    }

    /** The conductor's document (a value: edits go through {@link #apply}). */
    public MelodyDocument melody() {
        return document;
    }

    public JsonNode tree() {
        return document.tree();
    }

    public Path source() {
        return source;
    }

    public BoardGraph graph() {
        return graph;
    }

    public CapabilityCatalog catalog() {
        return catalog;
    }

    public boolean dirty() {
        return !document.text().equals(savedText);
    }

    /** The text now is what is on disk (after a save or a reload). */
    public void markSaved() {
        savedText = document.text();
        onChange.accept(this);
    }

    /** Applies {@code edit} as one undoable step named {@code label}; an edit that changes nothing is not a step. */
    public void apply(String label, Edit edit) throws InvalidMelodyException {
        MelodyDocument next = edit.apply(document);
        if (next.text().equals(document.text())) {
            return;
        }
        undo.push(new Step(label, document.text()));
        if (undo.size() > UNDO_LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        set(next);
    }

    /** Replaces the whole text (the JSON view was edited) as one undoable step; malformed text is refused unchanged. */
    public void replaceText(String newText) throws InvalidMelodyException {
        apply("Edit JSON", d -> MelodyDocument.parse(newText, source));
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

    public void undo() throws InvalidMelodyException {
        if (!undo.isEmpty()) {
            Step step = undo.pop();
            redo.push(new Step(step.label(), document.text()));
            set(MelodyDocument.parse(step.text(), source));
        }
    }

    public void redo() throws InvalidMelodyException {
        if (!redo.isEmpty()) {
            Step step = redo.pop();
            undo.push(new Step(step.label(), document.text()));
            set(MelodyDocument.parse(step.text(), source));
        }
    }

    private void set(MelodyDocument next) {
        document = next;
        graph = BoardGraph.of(next.tree(), catalog);
        onChange.accept(this);
    }
}
