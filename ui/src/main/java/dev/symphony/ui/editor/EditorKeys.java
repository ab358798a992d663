package dev.symphony.ui.editor;

import dev.symphony.editor.selection.Motion;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The view's own keys: caret motion, editing, clipboard, undo/redo, zoom and Escape. Commands that
 * the palette lists (find, go to line, multi-cursor) come through the workbench's key bindings
 * instead ({@link EditorCommands}), which run before these.
 */
final class EditorKeys {
    private static final boolean MAC = System.getProperty("os.name", "").startsWith("Mac");

    private final EditorView view;
    private final EditorController editor;

    EditorKeys(EditorView view, EditorController editor) {
        this.view = view;
        this.editor = editor;
    }

    void install() {
        view.addEventHandler(KeyEvent.KEY_PRESSED, this::pressed);
        view.addEventHandler(KeyEvent.KEY_TYPED, this::typed);
    }

    private void pressed(KeyEvent e) {
        boolean shortcut = e.isShortcutDown();
        boolean shift = e.isShiftDown();
        boolean handled = true;
        KeyCode code = e.getCode();
        switch (code) {
            case LEFT -> editor.move(shortcut ? Motion.WORD_LEFT : Motion.CHAR_LEFT, shift);
            case RIGHT -> editor.move(shortcut ? Motion.WORD_RIGHT : Motion.CHAR_RIGHT, shift);
            case UP -> editor.move(Motion.LINE_UP, shift);
            case DOWN -> editor.move(Motion.LINE_DOWN, shift);
            case HOME -> editor.move(shortcut ? Motion.DOCUMENT_START : Motion.LINE_START, shift);
            case END -> editor.move(shortcut ? Motion.DOCUMENT_END : Motion.LINE_END, shift);
            case PAGE_UP -> editor.page(false, shift);
            case PAGE_DOWN -> editor.page(true, shift);
            case BACK_SPACE -> editor.delete(false, shortcut);
            case DELETE -> editor.delete(true, shortcut);
            case ENTER -> editor.enter();
            case TAB -> {
                if (shortcut) {
                    handled = false; // Ctrl+Tab switches tabs
                } else {
                    editor.tab();
                }
            }
            case ESCAPE -> handled = editor.collapse();
            default -> handled = shortcut && shortcutKey(code, shift);
        }
        if (handled) {
            e.consume();
        }
    }

    private boolean shortcutKey(KeyCode code, boolean shift) {
        switch (code) {
            case A -> editor.selectAll();
            case C, INSERT -> editor.copy();
            case X -> editor.cut();
            case V -> editor.pasteFromClipboard();
            case Z -> {
                if (shift) {
                    editor.redo();
                } else {
                    editor.undo();
                }
            }
            case Y -> editor.redo();
            case EQUALS, PLUS, ADD -> editor.zoom(1.1);
            case MINUS, SUBTRACT -> editor.zoom(1 / 1.1);
            case DIGIT0, NUMPAD0 -> editor.zoom(0);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void typed(KeyEvent e) {
        String ch = e.getCharacter();
        if (ch.isEmpty() || e.isControlDown() && !e.isAltDown() || e.isMetaDown() || altOnlyIsShortcut(e)) {
            return; // shortcuts, not text (AltGr arrives as Ctrl+Alt on Windows and types)
        }
        char c = ch.charAt(0);
        if (c < 0x20 || c == 0x7f) {
            return; // Enter, Tab, Backspace, Escape are handled as key presses
        }
        editor.type(ch);
        e.consume();
    }

    /**
     * Alt with a letter is a menu mnemonic or a binding on Linux and Windows and must not type the letter;
     * on macOS Option is how accented and special characters are typed.
     */
    private static boolean altOnlyIsShortcut(KeyEvent e) {
        return e.isAltDown() && !e.isControlDown() && !MAC;
    }
}
