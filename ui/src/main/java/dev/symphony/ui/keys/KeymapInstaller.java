package dev.symphony.ui.keys;

import dev.symphony.kernel.commands.CommandRegistry;
import dev.symphony.kernel.keys.KeybindingService;
import dev.symphony.kernel.keys.Keybinding;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Turns the effective key bindings into JavaFX key combinations on a scene: a key press that
 * matches a binding runs its command through the registry and is consumed.
 */
public final class KeymapInstaller {
    private final CommandRegistry commands;
    private final KeybindingService keybindings;
    private volatile List<Entry> entries = List.of();

    private record Entry(KeyCombination combination, String commandId) {}

    public KeymapInstaller(CommandRegistry commands, KeybindingService keybindings) {
        this.commands = commands;
        this.keybindings = keybindings;
    }

    public void install(Scene scene) {
        refresh();
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            for (Entry entry : entries) {
                if (entry.combination().match(event) && commands.find(entry.commandId()).isPresent()) {
                    event.consume();
                    commands.execute(entry.commandId());
                    return;
                }
            }
        });
    }

    /** VS Code's names for keys whose JavaFX name differs (keybindings.json uses VS Code's). */
    private static final java.util.Map<String, String> VS_CODE_KEY_NAMES = java.util.Map.of(
            "Backquote", "Back Quote", "`", "Back Quote", "Backslash", "Back Slash",
            "Bracketleft", "Open Bracket", "Bracketright", "Close Bracket", "Pageup", "Page Up",
            "Pagedown", "Page Down", "Esc", "Escape", "Del", "Delete", "Return", "Enter");

    /**
     * How a chord reads to the person: the platform's names (Ctrl+Shift+P here, ⇧⌘P on macOS), never
     * JavaFX's internal "Shortcut".
     */
    public static String displayText(dev.symphony.kernel.keys.KeyChord chord) {
        try {
            return combinationOf(chord).getDisplayText();
        } catch (IllegalArgumentException unknownToJavaFx) {
            return chord.toString().replace("Shortcut+",
                    System.getProperty("os.name", "").startsWith("Mac") ? "Cmd+" : "Ctrl+");
        }
    }

    static KeyCombination combinationOf(dev.symphony.kernel.keys.KeyChord chord) {
        String text = chord.toString();
        String key = chord.key();
        String javafxKey = VS_CODE_KEY_NAMES.get(key);
        return KeyCombination.valueOf(javafxKey == null ? text : text.substring(0, text.length() - key.length()) + javafxKey);
    }

    /** Re-reads the bindings (after keybindings.json changed). */
    public void refresh() {
        List<Entry> fresh = new ArrayList<>();
        for (Keybinding binding : keybindings.bindings()) {
            try {
                fresh.add(new Entry(combinationOf(binding.chord()), binding.commandId()));
            } catch (IllegalArgumentException e) {
                // a key name JavaFX does not know: reported by the keybindings problems, skipped here
            }
        }
        entries = List.copyOf(fresh);
    }
}
