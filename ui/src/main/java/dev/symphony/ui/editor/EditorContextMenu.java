package dev.symphony.ui.editor;

import dev.symphony.editor.selection.Selection;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;

/**
 * The editor's right-click menu, after VS Code's: the language commands (Go to Definition, Rename Symbol, …),
 * Cut / Copy / Paste, the comment toggles and the Command Palette. A right-click outside the selection first
 * moves the caret there, as in VS Code; the menu key (or Shift+F10) opens it at the caret. Commands come from
 * the workbench's registry by id (one that is not registered is left out) and act on the active editor, which
 * the click made this one.
 */
public final class EditorContextMenu {
    public static final String STYLE_CLASS = "editor-context-menu";

    /** The workbench's commands, as far as the menu needs them. */
    public interface Commands {
        boolean has(String id);

        void run(String id);
    }

    /** {command id, label}: VS Code's labels, in its order. */
    private static final String[][] LANGUAGE = {
        {"editor.action.revealDefinition", "Go to Definition"},
        {"editor.action.referenceSearch.trigger", "Find All References"},
        {"editor.action.rename", "Rename Symbol"},
        {"editor.action.selectHighlights", "Change All Occurrences"},
        {"editor.action.formatDocument", "Format Document"},
        {"editor.action.quickFix", "Quick Fix…"},
    };
    private static final String[][] COMMENTS = {
        {"editor.action.commentLine", "Toggle Line Comment"},
        {"editor.action.blockComment", "Toggle Block Comment"},
    };
    private static final String[][] PALETTE = {{"workbench.action.showCommands", "Command Palette…"}};

    private final EditorView view;
    private final Commands commands;
    private final ContextMenu menu = new ContextMenu();

    private EditorContextMenu(EditorView view, Commands commands) {
        this.view = view;
        this.commands = commands;
        menu.getStyleClass().add(STYLE_CLASS);
    }

    /** Gives {@code view} the menu; {@code commands} is asked each time it opens (extensions come and go). */
    public static void install(EditorView view, Commands commands) {
        EditorContextMenu menu = new EditorContextMenu(view, commands);
        view.setOnContextMenuRequested(menu::show);
    }

    private void show(ContextMenuEvent e) {
        Point2D at = new Point2D(e.getScreenX(), e.getScreenY());
        if (e.isKeyboardTrigger()) {
            Point2D caret = view.caretPoint();
            Point2D screen = caret == null ? null : view.localToScreen(caret.add(0, view.metrics().lineHeight()));
            at = screen != null ? screen : at;
        } else {
            int offset = view.offsetAt(e.getX(), e.getY());
            if (!insideSelection(offset)) {
                view.controller().clickAt(offset, false, false);
            }
        }
        view.requestFocus();
        menu.getItems().setAll(items());
        menu.show(view, at.getX(), at.getY());
        e.consume();
    }

    private boolean insideSelection(int offset) {
        for (Selection s : view.buffer().selections().all()) {
            if (!s.isEmpty() && offset >= s.start() && offset <= s.end()) {
                return true;
            }
        }
        return false;
    }

    /** The items for the editor as it is now (read-only: no Cut or Paste). */
    List<MenuItem> items() {
        List<MenuItem> items = new ArrayList<>();
        group(items, commandItems(LANGUAGE));
        EditorController editor = view.controller();
        List<MenuItem> clipboard = new ArrayList<>();
        if (!view.isReadOnly()) {
            clipboard.add(item("Cut", editor::cut));
        }
        clipboard.add(item("Copy", editor::copy));
        if (!view.isReadOnly()) {
            clipboard.add(item("Paste", editor::pasteFromClipboard));
        }
        group(items, clipboard);
        if (!view.isReadOnly()) {
            group(items, commandItems(COMMENTS));
        }
        group(items, commandItems(PALETTE));
        return items;
    }

    private List<MenuItem> commandItems(String[][] table) {
        List<MenuItem> out = new ArrayList<>();
        for (String[] entry : table) {
            if (commands.has(entry[0])) {
                out.add(item(entry[1], () -> commands.run(entry[0])));
            }
        }
        return out;
    }

    private static void group(List<MenuItem> items, List<MenuItem> group) {
        if (group.isEmpty()) {
            return;
        }
        if (!items.isEmpty()) {
            items.add(new SeparatorMenuItem());
        }
        items.addAll(group);
    }

    private static MenuItem item(String label, Runnable action) {
        MenuItem item = new MenuItem(label);
        item.setOnAction(e -> action.run());
        return item;
    }
}
