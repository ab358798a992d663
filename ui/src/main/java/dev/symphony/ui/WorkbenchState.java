package dev.symphony.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.kernel.fs.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the workbench remembers between sessions (the last folder), in the user's data folder. */
final class WorkbenchState {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    WorkbenchState(Path file) {
        this.file = file;
    }

    Optional<Path> lastFolder() {
        try {
            JsonNode state = JSON.readTree(file.toFile());
            Path folder = Path.of(state.path("lastFolder").asText(""));
            return state.has("lastFolder") && Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no state yet, or unreadable: start without a folder
        }
    }

    void rememberFolder(Path folder) {
        try {
            AtomicFiles.writeString(file, JSON.createObjectNode().put("lastFolder", folder.toString()).toString());
        } catch (IOException e) {
            // remembering is a convenience; the session goes on without it
        }
    }
}
