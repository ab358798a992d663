package dev.symphony.ui.tabs;

import dev.symphony.ui.editor.EditorCommands;
import javafx.geometry.Orientation;

/**
 * The editor-group commands, with VS Code's ids and default keys: split right and down (the active
 * editor moves into a new group beside it, or stays and a second view of its document opens there), move
 * the editor to the next or previous group, focus a group by number or the next and previous one.
 */
public final class EditorGroupCommands {
    private EditorGroupCommands() {
    }

    public static void register(EditorCommands.Sink sink, EditorGroups groups) {
        sink.command("workbench.action.splitEditorRight", "Split Editor Right (moves the editor into a new group)", "View",
                "Shortcut+Backslash", () -> groups.split(Orientation.HORIZONTAL));
        sink.command("workbench.action.splitEditorDown", "Split Editor Down (moves the editor into a new group)", "View",
                null, () -> groups.split(Orientation.VERTICAL));
        sink.command("workbench.action.splitEditorRightCopy", "Split Editor Right, Keeping It Here (the same document in two groups)",
                "View", "Shortcut+Shift+Backslash", () -> groups.splitCopy(Orientation.HORIZONTAL));
        sink.command("workbench.action.splitEditorDownCopy", "Split Editor Down, Keeping It Here (the same document in two groups)",
                "View", null, () -> groups.splitCopy(Orientation.VERTICAL));
        sink.command("workbench.action.moveEditorToNextGroup", "Move Editor into Next Group", "View",
                "Shortcut+Alt+Right", () -> groups.moveActiveTab(1));
        sink.command("workbench.action.moveEditorToPreviousGroup", "Move Editor into Previous Group", "View",
                "Shortcut+Alt+Left", () -> groups.moveActiveTab(-1));
        String[] ordinals = {"First", "Second", "Third", "Fourth"};
        for (int i = 0; i < ordinals.length; i++) {
            int index = i;
            sink.command("workbench.action.focus" + ordinals[i] + "EditorGroup", "Focus " + ordinals[i] + " Editor Group",
                    "View", "Shortcut+" + (i + 1), () -> groups.focus(index));
        }
        sink.command("workbench.action.focusNextGroup", "Focus Next Editor Group", "View", null, () -> groups.focusNext(1));
        sink.command("workbench.action.focusPreviousGroup", "Focus Previous Editor Group", "View", null,
                () -> groups.focusNext(-1));
    }
}
