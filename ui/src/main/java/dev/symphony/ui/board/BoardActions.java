package dev.symphony.ui.board;

import dev.symphony.ui.editor.EditorCommands;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;

/**
 * Every board action once: its palette command (id, title) and its key on the focused board. The keys act only
 * while a board has focus (Ctrl+Z on the board is the board's undo, in an editor the editor's), so the palette
 * entries carry no window-wide key binding; their titles say the board key.
 */
public final class BoardActions {
    /** One action: palette id and title, the board's key (null: none), what it does. */
    public record Action(String id, String title, String keys, Consumer<BoardView> run) {
        KeyCombination combination() {
            return keys == null ? null : KeyCombination.keyCombination(keys);
        }
    }

    public static final List<Action> ALL = List.of(
            new Action("board.undo", "Undo", "Shortcut+Z", b -> b.viewModel().undo()),
            new Action("board.redo", "Redo", "Shortcut+Shift+Z", b -> b.viewModel().redo()),
            new Action("board.redoAlt", "Redo (Ctrl+Y)", "Shortcut+Y", b -> b.viewModel().redo()),
            new Action("board.selectAll", "Select All Nodes", "Shortcut+A", b -> b.viewModel().selectAll()),
            new Action("board.copy", "Copy Selection as Melody JSON", "Shortcut+C", BoardActions::copy),
            new Action("board.cut", "Cut Selection", "Shortcut+X", b -> {
                copy(b);
                b.viewModel().deleteSelection();
            }),
            new Action("board.paste", "Paste Melody JSON", "Shortcut+V", BoardActions::paste),
            new Action("board.delete", "Delete Selection", "Delete", BoardActions::delete),
            new Action("board.deleteBack", "Delete Selection (Backspace)", "Back_Space", BoardActions::delete),
            new Action("board.autoLayout", "Auto-Layout (Selection or Whole Melody)", "Shortcut+Shift+L",
                    b -> b.viewModel().autoLayout(() -> { })),
            new Action("board.zoomToFit", "Zoom to Fit", "Shortcut+0", b -> b.viewModel().zoomToFit(b.getWidth(), b.getHeight())),
            new Action("board.zoomIn", "Zoom In", "Shortcut+Equals", b -> b.viewModel().zoomAt(1.25, b.getWidth() / 2, b.getHeight() / 2)),
            new Action("board.zoomOut", "Zoom Out", "Shortcut+Minus", b -> b.viewModel().zoomAt(0.8, b.getWidth() / 2, b.getHeight() / 2)),
            new Action("board.clearSelection", "Clear Selection", "Escape", b -> {
                b.viewModel().selection().clear();
                b.clearSelectedEdge();
            }),
            new Action("board.moveLeft", "Move Selection Left", "Left", b -> b.viewModel().moveSelection(-BoardViewModel.GRID, 0)),
            new Action("board.moveRight", "Move Selection Right", "Right", b -> b.viewModel().moveSelection(BoardViewModel.GRID, 0)),
            new Action("board.moveUp", "Move Selection Up", "Up", b -> b.viewModel().moveSelection(0, -BoardViewModel.GRID)),
            new Action("board.moveDown", "Move Selection Down", "Down", b -> b.viewModel().moveSelection(0, BoardViewModel.GRID)));

    private BoardActions() {
    }

    /** Registers every action as a palette command ("Board: …") on the board {@code active} returns. */
    public static void register(EditorCommands.Sink sink, Supplier<BoardView> active) {
        for (Action a : ALL) {
            if (a.id().endsWith("Alt") || a.id().endsWith("Back")) {
                continue; // second keys of the same action: one palette entry is enough
            }
            String title = a.title() + (a.keys() == null ? "" : " (" + a.combination().getDisplayText() + " on the board)");
            sink.command(a.id(), title, "Board", null, () -> {
                BoardView board = active.get();
                if (board != null) {
                    a.run().accept(board);
                }
            });
        }
    }

    private static void copy(BoardView b) {
        String json = b.viewModel().copySelection();
        if (!json.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(json);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private static void paste(BoardView b) {
        String text = Clipboard.getSystemClipboard().getString();
        if (text == null || text.isBlank()) {
            b.viewModel().messageProperty().set("Cannot paste: the clipboard holds no text");
            return;
        }
        b.viewModel().paste(text, b.pointer());
    }

    private static void delete(BoardView b) {
        if (b.selectedEdge() >= 0) {
            b.viewModel().deleteConnection(b.selectedEdge());
        } else {
            b.viewModel().deleteSelection();
        }
    }
}
