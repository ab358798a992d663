package dev.symphony.ui.editor;

import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.fold.VisibleLines;
import dev.symphony.editor.indent.IndentStyle;
import dev.symphony.editor.indent.PasteIndent;
import dev.symphony.editor.indent.SmartIndent;
import dev.symphony.editor.pairs.AutoClose;
import dev.symphony.editor.pairs.BracketPairs;
import dev.symphony.editor.search.SearchQuery;
import dev.symphony.editor.search.Searcher;
import dev.symphony.editor.search.TextRange;
import dev.symphony.editor.selection.Motion;
import dev.symphony.editor.selection.MultiCursor;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.selection.Transaction;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every editing and caret command of one view, each a transaction on the {@link Buffer} (the single
 * writer is the JavaFX thread) followed by a reveal and a repaint. Keys, mouse, IME, the find bar and
 * the command palette all come through here, so they behave the same.
 */
public final class EditorController {
    private final EditorView view;
    private final Buffer buffer;
    private IndentStyle indent = IndentStyle.DEFAULT;
    private String newline = "\n";
    private BracketPairs pairs = BracketPairs.PLAIN;
    private boolean autoClose = true;
    private boolean indentOnPaste = true;

    EditorController(EditorView view, Buffer buffer) {
        this.view = view;
        this.buffer = buffer;
    }

    public void setIndent(IndentStyle indent) {
        this.indent = indent;
    }

    public void setNewline(String newline) {
        this.newline = newline;
    }

    /** The line ending Enter inserts. */
    public String newline() {
        return newline;
    }

    /** The language's bracket and quote pairs. */
    public void setPairs(BracketPairs pairs) {
        this.pairs = pairs;
    }

    /** Whether pasted lines move to the indentation where they land. */
    public void setIndentOnPaste(boolean indentOnPaste) {
        this.indentOnPaste = indentOnPaste;
    }

    /** Whether typing a bracket or quote closes it, types over a closer and surrounds a selection. */
    public void setAutoClose(boolean autoClose) {
        this.autoClose = autoClose;
    }

    private Selection primary() {
        SelectionSet sels = buffer.selections();
        return sels.get(sels.size() - 1);
    }

    private void done(int revealOffset) {
        view.reveal(revealOffset);
        view.selectionsChanged();
    }

    private boolean editable() {
        return !view.isReadOnly();
    }

    // ---------------------------------------------------------------- typing

    public void type(String text) {
        if (!editable() || text.isEmpty()) {
            return;
        }
        SelectionSet sels = buffer.selections();
        Transaction tx = null;
        if (text.length() == 1) {
            char c = text.charAt(0);
            tx = SmartIndent.typeCloser(buffer.text(), sels, c, indent);
            if (tx == null && autoClose && (pairs.closerOf(c) != 0 || pairs.isCloser(c))) {
                tx = AutoClose.type(buffer.text(), sels, c, pairs);
            }
        }
        buffer.apply(tx != null ? tx : MultiCursor.type(buffer.text(), sels, text), EditKind.TYPING);
        done(primary().head());
    }

    /** Inserts {@code text} at every caret as it is (no auto-closing, no re-indenting): an accepted inline suggestion. */
    public void insertAtCaret(String text) {
        if (!editable() || text.isEmpty()) {
            return;
        }
        buffer.apply(MultiCursor.type(buffer.text(), buffer.selections(), text), EditKind.TYPING);
        done(primary().head());
    }

    /** Enter at every selection: a line break with the indentation {@link SmartIndent} gives, one undo step. */
    public void enter() {
        if (!editable()) {
            return;
        }
        buffer.apply(SmartIndent.enter(buffer.text(), buffer.selections(), indent, newline), EditKind.COMMAND);
        done(primary().head());
    }

    public void tab() {
        Selection p = primary();
        Rope rope = buffer.text();
        int column = p.head() - rope.lineStart(rope.lineOf(p.head()));
        type(indent.tabs() ? "\t" : " ".repeat(indent.width() - column % indent.width()));
    }

    /** Backspace or Delete; {@code word}: to the previous/next word boundary. */
    public void delete(boolean forward, boolean word) {
        if (!editable()) {
            return;
        }
        SelectionSet sels = buffer.selections();
        Transaction pair = !forward && !word && autoClose ? AutoClose.deletePair(buffer.text(), sels, pairs) : null;
        if (pair != null) {
            buffer.apply(pair, EditKind.DELETING);
            done(primary().head());
            return;
        }
        if (word && sels.all().stream().allMatch(Selection::isEmpty)) {
            sels = MultiCursor.move(buffer.text(), sels, forward ? Motion.WORD_RIGHT : Motion.WORD_LEFT, true)
                    .selectionsAfter();
        }
        buffer.apply(MultiCursor.delete(buffer.text(), sels, forward), EditKind.DELETING);
        done(primary().head());
    }

    // ---------------------------------------------------------------- carets

    /** Moves every caret; Up and Down step over folded lines (a folded region is one line for them). */
    public void move(Motion motion, boolean extend) {
        Transaction tx = MultiCursor.move(buffer.text(), buffer.selections(), motion, extend, view.shownLines()::lineBy);
        buffer.setSelections(tx.selectionsAfter());
        done(primary().head());
    }

    /** Page up/down: the carets move by a screenful of shown lines and the view scrolls with them. */
    public void page(boolean down, boolean extend) {
        int rows = Math.max(1, view.visibleLines() - 1);
        VisibleLines shown = view.shownLines();
        // one vertical step that goes a screenful of shown rows: the goal column kept, as line by line
        SelectionSet sels = MultiCursor.move(buffer.text(), buffer.selections(), down ? Motion.LINE_DOWN : Motion.LINE_UP,
                extend, (line, step) -> shown.lineBy(line, step * rows)).selectionsAfter();
        buffer.setSelections(sels);
        view.scroll().toRows(view.scroll().rows() + (down ? rows : -rows));
        done(primary().head());
    }

    public void selectAll() {
        buffer.setSelections(SelectionSet.single(Selection.of(0, buffer.text().length())));
        view.selectionsChanged();
    }

    public void setSelections(SelectionSet selections, int reveal) {
        buffer.setSelections(selections);
        done(reveal);
    }

    /** A click: one caret at {@code offset}; shift extends the primary selection; {@code add} adds a caret (Alt+click). */
    public void clickAt(int offset, boolean extend, boolean add) {
        SelectionSet sels = buffer.selections();
        if (extend) {
            sels = SelectionSet.single(Selection.of(primary().anchor(), offset));
        } else if (add) {
            List<Selection> all = new ArrayList<>(sels.all());
            all.add(Selection.cursor(offset));
            sels = SelectionSet.of(all);
        } else {
            sels = SelectionSet.cursorAt(offset);
        }
        setSelections(sels, offset);
    }

    /** Drag from {@code anchor} to {@code head}: a plain selection, or a box when {@code column}. */
    public void dragTo(int anchor, int head, boolean column) {
        setSelections(column ? MultiCursor.column(buffer.text(), anchor, head)
                : SelectionSet.single(Selection.of(anchor, head)), head);
    }

    /** The word (or run of punctuation / spaces) around {@code offset}. */
    public int[] wordAt(int offset) {
        Rope rope = buffer.text();
        CharSequence text = rope.asCharSequence();
        int line = rope.lineOf(offset);
        int lineStart = rope.lineStart(line);
        int lineEnd = rope.lineEnd(line);
        int kind = offset < lineEnd ? kind(text.charAt(offset)) : offset > lineStart ? kind(text.charAt(offset - 1)) : -1;
        int from = offset;
        int to = offset;
        while (from > lineStart && kind(text.charAt(from - 1)) == kind) {
            from--;
        }
        while (to < lineEnd && kind(text.charAt(to)) == kind) {
            to++;
        }
        return new int[] {from, to};
    }

    static int kind(char c) {
        return Character.isLetterOrDigit(c) || c == '_' ? 1 : Character.isWhitespace(c) ? 0 : 2;
    }

    public void selectWordAt(int offset) {
        int[] word = wordAt(offset);
        setSelections(SelectionSet.single(Selection.of(word[0], word[1])), word[1]);
    }

    /** Escape: several carets become the primary one; a selection becomes a caret. False when nothing changed. */
    public boolean collapse() {
        SelectionSet sels = buffer.selections();
        if (sels.size() > 1) {
            setSelections(SelectionSet.single(primary()), primary().head());
            return true;
        }
        if (!sels.get(0).isEmpty()) {
            setSelections(SelectionSet.cursorAt(sels.get(0).head()), sels.get(0).head());
            return true;
        }
        return false;
    }

    public void addCursorVertically(boolean above) {
        SelectionSet sels = MultiCursor.addCursorsVertically(buffer.text(), buffer.selections(), above, view.shownLines()::lineBy);
        List<Selection> all = sels.all();
        setSelections(sels, above ? all.get(0).head() : all.get(all.size() - 1).head());
    }

    /** Ctrl+D: select the word at the caret, or add the next occurrence of the selected text. */
    public void addNextOccurrence() {
        Selection last = primary();
        SelectionSet sels = buffer.selections();
        if (sels.size() == 1 && last.isEmpty()) {
            selectWordAt(last.head());
            return;
        }
        Rope rope = buffer.text();
        String needle = rope.substring(last.start(), last.end());
        if (needle.isEmpty()) {
            return;
        }
        Searcher searcher = new Searcher(rope, SearchQuery.literal(needle));
        int from = last.end();
        for (int tries = 0; tries <= sels.size(); tries++) {
            Optional<TextRange> next = searcher.next(from, true);
            if (next.isEmpty()) {
                return;
            }
            TextRange r = next.get();
            boolean taken = sels.all().stream().anyMatch(s -> s.start() == r.start() && s.end() == r.end());
            if (!taken) {
                List<Selection> all = new ArrayList<>(sels.all());
                all.add(Selection.of(r.start(), r.end()));
                setSelections(SelectionSet.of(all), r.end());
                return;
            }
            from = r.end();
        }
    }

    public void selectAllOccurrences() {
        SelectionSet sels = MultiCursor.addCursorsAtAllMatches(buffer.text(), buffer.selections());
        setSelections(sels, primary().head());
    }

    // ---------------------------------------------------------------- history and clipboard

    public void undo() {
        if (buffer.undo()) {
            done(primary().head());
        }
    }

    public void redo() {
        if (buffer.redo()) {
            done(primary().head());
        }
    }

    /** The selected text (selections joined by line breaks), or the caret lines when nothing is selected. */
    public String selectedText() {
        Rope rope = buffer.text();
        StringBuilder sb = new StringBuilder();
        boolean none = buffer.selections().all().stream().allMatch(Selection::isEmpty);
        int lastLine = -1;
        for (Selection s : buffer.selections().all()) {
            if (none) {
                int line = rope.lineOf(s.head());
                if (line != lastLine) {
                    int end = line + 1 < rope.lineCount() ? rope.lineStart(line + 1) : rope.length();
                    sb.append(rope.substring(rope.lineStart(line), end));
                    if (end == rope.length() && (end == 0 || rope.charAt(end - 1) != '\n')) {
                        sb.append(newline);
                    }
                    lastLine = line;
                }
            } else if (!s.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append(newline);
                }
                sb.append(rope.substring(s.start(), s.end()));
            }
        }
        return sb.toString();
    }

    public boolean hasSelection() {
        return buffer.selections().all().stream().anyMatch(s -> !s.isEmpty());
    }

    /** Copies {@link #selectedText} to the system clipboard (Ctrl+C, the context menu's Copy). */
    public void copy() {
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putString(selectedText());
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    /** Copies, then removes the selections (Ctrl+X, the context menu's Cut); with nothing selected only copies. */
    public void cut() {
        copy();
        deleteSelections();
    }

    /** Pastes the system clipboard's text (Ctrl+V, the context menu's Paste). */
    public void pasteFromClipboard() {
        paste(javafx.scene.input.Clipboard.getSystemClipboard().getString());
    }

    /** Removes the selections (cut); nothing when all are empty. */
    public void deleteSelections() {
        if (editable() && hasSelection()) {
            buffer.apply(MultiCursor.type(buffer.text(), buffer.selections(), ""), EditKind.COMMAND);
            done(primary().head());
        }
    }

    /** Paste: one line per caret when the clipboard has as many lines as there are carets, else everywhere. */
    public void paste(String text) {
        if (!editable() || text == null || text.isEmpty()) {
            return;
        }
        SelectionSet sels = buffer.selections();
        String[] parts = text.split("\r\n|\n|\r", -1);
        if (sels.size() > 1 && parts.length == sels.size()) {
            List<TextEdit> edits = new ArrayList<>();
            List<Selection> after = new ArrayList<>();
            int delta = 0;
            for (int i = 0; i < parts.length; i++) {
                Selection s = sels.get(i);
                edits.add(new TextEdit(s.start(), s.end(), parts[i]));
                after.add(Selection.cursor(s.start() + delta + parts[i].length()));
                delta += parts[i].length() - (s.end() - s.start());
            }
            buffer.apply(new Transaction(new ChangeSet(edits), SelectionSet.of(after)), EditKind.COMMAND);
        } else {
            buffer.apply(indentOnPaste ? PasteIndent.paste(buffer.text(), sels, text, indent) : MultiCursor.type(buffer.text(), sels, text),
                    EditKind.COMMAND);
        }
        done(primary().head());
    }


    /** Moves the text of [from, to) to {@code target} (drag and drop inside the view); copies when {@code copy}. */
    public void dropText(String text, int target, int from, int to, boolean copy) {
        if (!editable()) {
            return;
        }
        List<TextEdit> edits = new ArrayList<>();
        boolean move = !copy && from < to && (target <= from || target >= to);
        if (move && target >= to) {
            edits.add(TextEdit.delete(from, to));
            edits.add(TextEdit.insert(target, text));
        } else if (move) {
            edits.add(TextEdit.insert(target, text));
            edits.add(TextEdit.delete(from, to));
        } else if (copy || from >= to) {
            edits.add(TextEdit.insert(target, text));
        } else {
            return; // dropped onto itself
        }
        int start = move && target >= to ? target - (to - from) : target;
        buffer.apply(new Transaction(new ChangeSet(edits), SelectionSet.single(Selection.of(start, start + text.length()))),
                EditKind.COMMAND);
        done(start + text.length());
    }

    // ---------------------------------------------------------------- navigation

    /** Puts the caret at a 1-based line and column (clamped) and centres that line. */
    public void goToLine(int line, int column) {
        Rope rope = buffer.text();
        int l = Math.max(0, Math.min(rope.lineCount() - 1, line - 1));
        int start = rope.lineStart(l);
        int offset = Math.min(rope.lineEnd(l), start + Math.max(0, column - 1));
        buffer.setSelections(SelectionSet.cursorAt(offset));
        view.folding().revealCarets(); // before scrolling: a fold that hid the line unfolds and the rows change
        view.scroll().toRows(view.shownLines().rowOf(l) - view.visibleLines() / 2.0);
        done(offset);
    }

    /** 1-based line and column of the primary caret. */
    public int[] caretLineColumn() {
        Rope rope = buffer.text();
        int head = primary().head();
        int line = rope.lineOf(head);
        return new int[] {line + 1, head - rope.lineStart(line) + 1};
    }

    public void zoom(double factor) {
        view.setZoom(factor == 0 ? 1 : view.zoom() * factor);
    }

    public void toggleWrap() {
        view.setWrap(!view.isWrap());
        view.reveal(primary().head());
    }
}
