package dev.symphony.kernel.keys;

import java.util.Locale;
import java.util.Set;

/**
 * A key with modifiers, written like {@code Ctrl+Shift+P}. Parsing normalizes case and modifier
 * order so that bindings compare equal however the user wrote them. The plus key is {@code Plus}. {@code Shortcut} means Cmd
 * on macOS and Ctrl elsewhere (the UI resolves it).
 */
public record KeyChord(boolean shortcut, boolean ctrl, boolean alt, boolean shift, boolean meta, String key) {
    private static final Set<String> MODIFIERS = Set.of("shortcut", "ctrl", "control", "alt", "option", "shift",
            "meta", "cmd", "command");

    /**
     * @throws IllegalArgumentException naming the part that is not understood
     */
    public static KeyChord parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a key binding is empty");
        }
        boolean shortcut = false;
        boolean ctrl = false;
        boolean alt = false;
        boolean shift = false;
        boolean meta = false;
        String key = null;
        String[] parts = text.strip().split("\\s*\\+\\s*", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            String lower = part.toLowerCase(Locale.ROOT);
            boolean last = i == parts.length - 1;
            if (!last && !MODIFIERS.contains(lower)) {
                throw new IllegalArgumentException("'" + part + "' in '" + text + "' is not a modifier (Ctrl, Alt, Shift, Meta, Shortcut)");
            }
            switch (last ? "" : lower) {
                case "shortcut" -> shortcut = true;
                case "ctrl", "control" -> ctrl = true;
                case "alt", "option" -> alt = true;
                case "shift" -> shift = true;
                case "meta", "cmd", "command" -> meta = true;
                default -> key = normalizeKey(part, text);
            }
        }
        return new KeyChord(shortcut, ctrl, alt, shift, meta, key);
    }

    private static String normalizeKey(String key, String text) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has no key after its modifiers");
        }
        if (MODIFIERS.contains(key.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("'" + text + "' ends with a modifier; add a key");
        }
        return key.length() == 1 ? key.toUpperCase(Locale.ROOT)
                : key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
    }

    /** The canonical spelling, e.g. {@code Shortcut+Shift+P}; also JavaFX KeyCombination syntax. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (shortcut) {
            text.append("Shortcut+");
        }
        if (ctrl) {
            text.append("Ctrl+");
        }
        if (alt) {
            text.append("Alt+");
        }
        if (shift) {
            text.append("Shift+");
        }
        if (meta) {
            text.append("Meta+");
        }
        return text.append(key).toString();
    }
}
