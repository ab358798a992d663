package dev.symphony.kernel.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.kernel.fs.DirectoryWatcher;
import dev.symphony.kernel.json.JsoncDocument;
import dev.symphony.kernel.json.JsoncSyntaxException;
import dev.symphony.kernel.settings.SettingsProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Key bindings: the defaults that commands contribute, then the user's keybindings.json
 * (VS Code's format: an array of {@code {"key": "Ctrl+K", "command": "id"}}; a command prefixed
 * with {@code -} removes that default). Invalid entries are reported by line and column and
 * skipped; an unreadable file keeps the previous bindings. The file is never written here.
 */
public final class KeybindingService {
    private final Path userFile;
    private final Map<String, KeyChord> defaults = new LinkedHashMap<>();
    private List<Keybinding> userEntries = List.of();
    private List<String> userRemovals = List.of();
    private List<SettingsProblem> problems = List.of();

    public KeybindingService(Path userFile) {
        this.userFile = userFile;
    }

    /** Declares a command's default chord (e.g. {@code "Ctrl+Shift+P"}). */
    public synchronized void addDefault(String commandId, String chord) {
        defaults.put(commandId, KeyChord.parse(chord));
    }

    /** Re-reads keybindings.json. */
    public synchronized void reload() {
        String text;
        try {
            text = Files.readString(userFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            text = "";
        } catch (IOException e) {
            problems = List.of(new SettingsProblem(userFile, 1, 1, null, "cannot be read: " + e.getMessage()));
            return;
        }
        JsoncDocument document;
        try {
            document = JsoncDocument.parse(text);
        } catch (JsoncSyntaxException syntax) {
            problems = List.of(new SettingsProblem(userFile, syntax.line(), syntax.column(), null,
                    "invalid JSON: " + syntax.getMessage() + " (the previous key bindings stay in force)"));
            return;
        }
        JsonNode root = text.isBlank() ? null : document.root();
        List<Keybinding> entries = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        List<SettingsProblem> found = new ArrayList<>();
        if (root != null && !root.isArray()) {
            found.add(new SettingsProblem(userFile, 1, 1, "$", "keybindings.json must be a JSON array"));
        } else if (root != null) {
            for (int i = 0; i < root.size(); i++) {
                JsonNode entry = root.get(i);
                String path = "$[" + i + "]";
                int line = document.elementSpan(i).map(JsoncDocument.Span::line).orElse(1);
                int column = document.elementSpan(i).map(JsoncDocument.Span::column).orElse(1);
                String command = entry.path("command").asText("");
                if (command.isEmpty()) {
                    found.add(new SettingsProblem(userFile, line, column, path + ".command", "is missing"));
                    continue;
                }
                if (command.startsWith("-")) {
                    removals.add(command.substring(1));
                    continue;
                }
                try {
                    entries.add(new Keybinding(KeyChord.parse(entry.path("key").asText("")), command));
                } catch (IllegalArgumentException e) {
                    found.add(new SettingsProblem(userFile, line, column, path + ".key", e.getMessage()));
                }
            }
        }
        userEntries = List.copyOf(entries);
        userRemovals = List.copyOf(removals);
        problems = List.copyOf(found);
    }

    /** The effective bindings: defaults minus removals, then the user's (a user chord wins over a default on the same chord). */
    public synchronized List<Keybinding> bindings() {
        Map<KeyChord, String> byChord = new LinkedHashMap<>();
        defaults.forEach((command, chord) -> {
            if (!userRemovals.contains(command)) {
                byChord.put(chord, command);
            }
        });
        for (Keybinding binding : userEntries) {
            byChord.put(binding.chord(), binding.commandId());
        }
        List<Keybinding> result = new ArrayList<>();
        byChord.forEach((chord, command) -> result.add(new Keybinding(chord, command)));
        return result;
    }

    /** The chord that runs a command now, if any (what the palette shows beside it). */
    public synchronized Optional<KeyChord> chordFor(String commandId) {
        for (Keybinding binding : userEntries) {
            if (binding.commandId().equals(commandId)) {
                return Optional.of(binding.chord()); // the user's own binding is the one to show
            }
        }
        return bindings().stream().filter(b -> b.commandId().equals(commandId)).map(Keybinding::chord).findFirst();
    }

    public synchronized List<SettingsProblem> problems() {
        return problems;
    }

    /**
     * Reloads whenever keybindings.json changes on disk and then calls {@code onChange}
     * (on the watcher's thread). Close the returned handle to stop.
     */
    public AutoCloseable watch(Runnable onChange) throws IOException {
        Files.createDirectories(userFile.getParent());
        Path file = userFile.toAbsolutePath().normalize();
        DirectoryWatcher watcher = new DirectoryWatcher("keybindings-watcher", (folder, changed) -> {
            if (changed.toAbsolutePath().normalize().equals(file) || changed.equals(file.getParent())) {
                reload();
                onChange.run();
            }
        });
        watcher.watch(file.getParent());
        return watcher;
    }

    public Path userFile() {
        return userFile;
    }
}
