package dev.symphony.ui.terminal;

import dev.symphony.kernel.keys.KeybindingService;
import dev.symphony.kernel.keys.Keybinding;
import java.util.Set;
import javafx.event.Event;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

/**
 * Keys typed into a terminal belong to the program in it: Ctrl+W deletes a word in the shell and
 * Ctrl+B moves back a character, although the workbench binds both. Only the commands in {@link
 * #SKIP_SHELL} (as VS Code's {@code commandsToSkipShell}) stay with the workbench. A window-level
 * filter runs before the scene's key bindings, so it hands every other key straight to the
 * terminal's canvas, past the bindings.
 */
final class TerminalKeyRouting {
    static final Set<String> SKIP_SHELL = Set.of(
            "workbench.action.showCommands",
            "workbench.action.quit",
            "workbench.action.toggleSidebar",
            "workbench.action.openSettings",
            TerminalCommands.TOGGLE,
            TerminalCommands.NEW,
            TerminalCommands.SPLIT,
            TerminalCommands.KILL,
            TerminalCommands.FOCUS_NEXT,
            TerminalCommands.FOCUS_PREVIOUS);

    private TerminalKeyRouting() {}

    static void install(Window window, KeybindingService keybindings) {
        window.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            Scene scene = window.getScene();
            Canvas terminal = scene == null ? null : terminalCanvas(scene.getFocusOwner());
            if (terminal == null || event.getTarget() != terminal || isWorkbenchKey(event, keybindings)) {
                return;
            }
            event.consume();
            EventTarget canvasOnly = tail -> tail.prepend(terminal.getEventDispatcher());
            Event.fireEvent(canvasOnly, event.copyFor(terminal, terminal));
        });
    }

    private static boolean isWorkbenchKey(KeyEvent event, KeybindingService keybindings) {
        for (Keybinding binding : keybindings.bindings()) {
            if (SKIP_SHELL.contains(binding.commandId())) {
                try {
                    if (KeyCombination.valueOf(binding.chord().toString()).match(event)) {
                        return true;
                    }
                } catch (IllegalArgumentException e) {
                    // a key JavaFX cannot name: reported by the key bindings' problems
                }
            }
        }
        return false;
    }

    /** The canvas when {@code node} is a terminal's, else null. */
    private static Canvas terminalCanvas(Node node) {
        if (!(node instanceof Canvas canvas)) {
            return null;
        }
        for (Node n = canvas.getParent(); n != null; n = n.getParent()) {
            if (n instanceof TerminalView) {
                return canvas;
            }
        }
        return null;
    }
}
