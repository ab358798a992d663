package dev.symphony.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.kernel.fs.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the workbench remembers between sessions, in the user's data folder: the last folder, and the
 * recently opened folders and files (newest first). Read once at start; each change is written in the
 * background, in order, so the JavaFX thread never waits on the disk.
 */
final class WorkbenchState implements AutoCloseable {
    static final int MAX_FOLDERS = 10;
    static final int MAX_FILES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final List<Path> folders = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "workbench-state");
        t.setDaemon(true);
        return t;
    });
    private Path lastFolder;

    WorkbenchState(Path file) {
        this.file = file;
        try {
            JsonNode state = JSON.readTree(file.toFile());
            if (state != null) {
                String last = state.path("lastFolder").asText("");
                lastFolder = last.isEmpty() ? null : Path.of(last);
                state.path("recentFolders").forEach(n -> folders.add(Path.of(n.asText())));
                state.path("recentFiles").forEach(n -> files.add(Path.of(n.asText())));
            }
        } catch (IOException | RuntimeException e) {
            // no state yet, or unreadable: start without one
        }
    }

    Optional<Path> lastFolder() {
        return lastFolder != null && Files.isDirectory(lastFolder) ? Optional.of(lastFolder) : Optional.empty();
    }

    /** Recently opened folders, newest first. */
    List<Path> recentFolders() {
        return List.copyOf(folders);
    }

    /** Recently opened files, newest first. */
    List<Path> recentFiles() {
        return List.copyOf(files);
    }

    void rememberFolder(Path folder) {
        lastFolder = folder;
        bringToFront(folders, folder, MAX_FOLDERS);
        save();
    }

    void rememberFile(Path opened) {
        bringToFront(files, opened, MAX_FILES);
        save();
    }

    /** A recent entry that no longer exists goes from the list. */
    void forget(Path gone) {
        if (folders.remove(gone) | files.remove(gone)) {
            save();
        }
    }

    private static void bringToFront(List<Path> list, Path path, int max) {
        list.remove(path);
        list.add(0, path);
        while (list.size() > max) {
            list.remove(list.size() - 1);
        }
    }

    private void save() {
        ObjectNode state = JSON.createObjectNode();
        if (lastFolder != null) {
            state.put("lastFolder", lastFolder.toString());
        }
        com.fasterxml.jackson.databind.node.ArrayNode recentFolders = state.putArray("recentFolders");
        folders.forEach(f -> recentFolders.add(f.toString()));
        com.fasterxml.jackson.databind.node.ArrayNode recentFiles = state.putArray("recentFiles");
        files.forEach(f -> recentFiles.add(f.toString()));
        String text = state.toString();
        writer.execute(() -> {
            try {
                AtomicFiles.writeString(file, text);
            } catch (IOException e) {
                // remembering is a convenience; the session goes on without it
            }
        });
    }

    @Override
    public void close() {
        writer.shutdown(); // pending writes finish
    }
}
