package dev.symphony.ui.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.symphony.kernel.keys.KeyChord;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

class KeymapInstallerTest {
    @Test
    void vsCodeKeyNamesBecomeJavaFxKeys() {
        assertEquals(new KeyCodeCombination(KeyCode.BACK_QUOTE, KeyCombination.SHORTCUT_DOWN),
                KeymapInstaller.combinationOf(KeyChord.parse("Shortcut+Backquote")));
        assertEquals(new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN),
                KeymapInstaller.combinationOf(KeyChord.parse("ctrl+shift+pagedown")));
        assertEquals(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                KeymapInstaller.combinationOf(KeyChord.parse("Shortcut+Shift+P")));
        assertEquals(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN),
                KeymapInstaller.combinationOf(KeyChord.parse("Shortcut+Comma")));
    }
}
