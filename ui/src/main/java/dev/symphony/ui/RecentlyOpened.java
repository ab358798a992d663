package dev.symphony.ui;

import dev.symphony.ui.editor.EditorCommands;
import dev.symphony.ui.shell.Prompter;
import dev.symphony.ui.tabs.OpenDocument;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.stage.FileChooser;

/**
 * Recent folders and files, and opening files from the file system: every file opened in a tab and
 * every folder opened is remembered ({@link WorkbenchState}); *File: Open Recent…* offers them, newest
 * first; *File: Open File…* uses the platform's file dialog.
 */
final class RecentlyOpened {
    static final String FOLDER_SUFFIX = "  (folder)";
    private final Workbench workbench;
    private final WorkbenchState state;
    private final Prompter prompter;
    private final Consumer<String> onError;

    RecentlyOpened(Workbench workbench, WorkbenchState state, Prompter prompter, Consumer<String> onError) {
        this.workbench = workbench;
        this.state = state;
        this.prompter = prompter;
        this.onError = onError;
        workbench.tabs().documents().addListener((ListChangeListener<OpenDocument>) change -> {
            while (change.next()) {
                change.getAddedSubList().stream().filter(d -> !d.isUntitled() && d.file() != null)
                        .forEach(d -> state.rememberFile(d.path()));
            }
        });
    }

    void register(EditorCommands.Sink sink) {
        sink.command("workbench.action.openRecent", "Open Recent…", "File", "Shortcut+R", this::openRecent);
        sink.command("workbench.action.files.openFile", "Open File…", "File", null, this::chooseFiles);
    }

    /** The choices of Open Recent: folders (marked) then files, newest first, each once. */
    Map<String, Path> choices() {
        Map<String, Path> choices = new LinkedHashMap<>();
        state.recentFolders().forEach(f -> choices.put(f + FOLDER_SUFFIX, f));
        state.recentFiles().forEach(f -> choices.put(f.toString(), f));
        return choices;
    }

    void openRecent() {
        Map<String, Path> choices = choices();
        if (choices.isEmpty()) {
            onError.accept("Open Recent: nothing opened yet");
            return;
        }
        Optional<String> picked = prompter.choose("Open Recent", "Folder or file:", List.copyOf(choices.keySet()));
        picked.map(choices::get).ifPresent(path -> open(path, picked.get().endsWith(FOLDER_SUFFIX)));
    }

    private void open(Path path, boolean folder) {
        if (folder ? !Files.isDirectory(path) : !Files.isRegularFile(path)) {
            state.forget(path);
            onError.accept(path + " no longer exists; it is removed from the recent list");
        } else if (folder) {
            workbench.openFolder(path);
        } else {
            workbench.openFile(path, d -> { });
        }
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open File");
        Path folder = workbench.window().workspaceProperty().get();
        if (folder != null) {
            chooser.setInitialDirectory(folder.toFile());
        }
        List<File> chosen = chooser.showOpenMultipleDialog(workbench.stage());
        if (chosen != null) {
            chosen.forEach(f -> workbench.openFile(f.toPath(), d -> { }));
        }
    }
}
