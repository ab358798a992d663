package dev.symphony.kernel.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeybindingServiceTest {
    @TempDir
    Path dir;

    @Test
    void chordsNormalize() {
        assertEquals("Ctrl+Shift+P", KeyChord.parse("shift + ctrl + p").toString());
        assertEquals(KeyChord.parse("Ctrl+Shift+P"), KeyChord.parse("control+SHIFT+p"));
        assertEquals("Shortcut+Plus", KeyChord.parse("Shortcut+plus").toString());
        assertThrows(IllegalArgumentException.class, () -> KeyChord.parse("Ctrl+"));
        assertThrows(IllegalArgumentException.class, () -> KeyChord.parse("Hyper+P"));
    }

    @Test
    void userOverridesReplaceAndRemoveDefaults() throws Exception {
        Path file = dir.resolve("keybindings.json");
        Files.writeString(file, "[\n  // mine\n  {\"key\": \"Ctrl+Alt+P\", \"command\": \"palette\"},\n"
                + "  {\"command\": \"-theme\"},\n  {\"key\": \"Hyper+Q\", \"command\": \"quit\"}\n]");
        KeybindingService keys = new KeybindingService(file);
        keys.addDefault("palette", "Ctrl+Shift+P");
        keys.addDefault("theme", "Ctrl+K");
        keys.reload();
        assertEquals("Ctrl+Alt+P", keys.chordFor("palette").orElseThrow().toString());
        assertTrue(keys.chordFor("theme").isEmpty());
        assertTrue(keys.bindings().contains(new Keybinding(KeyChord.parse("Ctrl+Shift+P"), "palette")), "defaults stay");
        assertEquals(1, keys.problems().size());
        assertEquals(5, keys.problems().get(0).line());
        assertEquals("$[2].key", keys.problems().get(0).jsonPath());
    }

    @Test
    void brokenFileKeepsPreviousBindings() throws Exception {
        Path file = dir.resolve("keybindings.json");
        Files.writeString(file, "[{\"key\": \"Ctrl+J\", \"command\": \"x\"}]");
        KeybindingService keys = new KeybindingService(file);
        keys.reload();
        Files.writeString(file, "[{\"key\": \"Ctrl+J\" \"command\": \"y\"}]");
        keys.reload();
        assertEquals("x", keys.bindings().get(0).commandId());
        assertEquals(1, keys.problems().get(0).line());
        assertTrue(keys.problems().get(0).message().startsWith("invalid JSON"));
    }
}
