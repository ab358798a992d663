package dev.symphony.ui.files;

import dev.symphony.kernel.fs.DirectoryWatcher;
import dev.symphony.kernel.settings.SettingsService;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.shell.Prompter;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The file tree's state and commands: the opened folder, listing folders (lazily, off the JavaFX
 * thread), watching the folders that are shown, and new/rename/delete/move — destructive ones
 * confirmed first, and every failure explained in words (which file, what the disk said).
 */
public final class FileTreeViewModel implements AutoCloseable {
    private final FileDecorations decorations = new FileDecorations();

    /** What extensions say about entries (badges, colours); the view draws them. */
    public FileDecorations decorations() {
        return decorations;
    }

    private final ObjectProperty<Path> root = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper();
    private final SettingsService settings;
    private final FxBridge bridge;
    private final Prompter prompter;
    private final List<Consumer<Path>> folderChangeListeners = new CopyOnWriteArrayList<>();
    private final DirectoryWatcher watcher;

    public FileTreeViewModel(SettingsService settings, FxBridge bridge, Prompter prompter) throws IOException {
        this.settings = settings;
        this.bridge = bridge;
        this.prompter = prompter;
        this.watcher = new DirectoryWatcher("file-tree-watcher",
                (folder, changed) -> bridge.onFx(() -> folderChangeListeners.forEach(l -> l.accept(folder))));
    }

    public ObjectProperty<Path> rootProperty() {
        return root;
    }

    /** The last failure, in words; the view also shows it in a dialog. */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    /** Called on the JavaFX thread with a folder whose contents changed on disk. */
    public void addFolderChangeListener(Consumer<Path> listener) {
        folderChangeListeners.add(listener);
    }

    /** Lists a folder off the JavaFX thread: folders first, then files, by name; excluded names hidden. */
    public void list(Path folder, Consumer<List<Path>> onListed) {
        bridge.compute(() -> {
            watcher.watch(folder);
            return listNow(folder);
        }, onListed, e -> fail("Cannot list " + folder, e));
    }

    List<Path> listNow(Path folder) {
        Set<String> excluded = new HashSet<>();
        settings.get("files.exclude").forEach(n -> excluded.add(n.asText()));
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> result = new ArrayList<>(entries.filter(p -> !excluded.contains(p.getFileName().toString())).toList());
            result.sort(Comparator.comparing((Path p) -> !Files.isDirectory(p))
                    .thenComparing(p -> p.getFileName().toString().toLowerCase()));
            return result;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Stops watching a folder that is no longer shown (collapsed). */
    public void forget(Path folder) {
        watcher.unwatch(folder);
    }

    /** Asks for a name and creates an empty file in {@code folder}; calls {@code onCreated} with it. */
    public void newFile(Path folder, Consumer<Path> onCreated) {
        prompter.ask("New File", "Name of the new file in " + folder.getFileName() + ":", "")
                .flatMap(name -> validName(folder, name))
                .ifPresent(target -> run("Cannot create " + target, () -> Files.createFile(target), target, onCreated));
    }

    public void newFolder(Path folder) {
        prompter.ask("New Folder", "Name of the new folder in " + folder.getFileName() + ":", "")
                .flatMap(name -> validName(folder, name))
                .ifPresent(target -> run("Cannot create " + target, () -> Files.createDirectory(target), target, p -> {}));
    }

    public void rename(Path target, Consumer<Path> onRenamed) {
        prompter.ask("Rename", "New name for " + target.getFileName() + ":", target.getFileName().toString())
                .filter(name -> !name.equals(target.getFileName().toString()))
                .flatMap(name -> validName(target.getParent(), name))
                .ifPresent(renamed -> run("Cannot rename " + target + " to " + renamed.getFileName(),
                        () -> Files.move(target, renamed), renamed, onRenamed));
    }

    /** Deletes a file or a whole folder, after confirmation when {@code explorer.confirmDelete} is on. */
    public void delete(Path target, Runnable onDeleted) {
        boolean folder = Files.isDirectory(target);
        if (settings.getBoolean("explorer.confirmDelete") && !prompter.confirm("Delete " + target.getFileName() + "?",
                "Permanently delete " + (folder ? "the folder " + target + " and everything in it" : target)
                        + "? This cannot be undone.", "Delete")) {
            return;
        }
        run("Cannot delete " + target, () -> deleteRecursively(target), target, p -> onDeleted.run());
    }

    /** Moves a file or folder into another folder (drag and drop), after confirmation. */
    public void move(Path source, Path targetFolder, Consumer<Path> onMoved) {
        Path target = targetFolder.resolve(source.getFileName());
        if (target.equals(source) || targetFolder.startsWith(source)) {
            return;
        }
        if (!prompter.confirm("Move " + source.getFileName() + "?", "Move " + source + " into " + targetFolder + "?", "Move")) {
            return;
        }
        run("Cannot move " + source + " to " + targetFolder, () -> Files.move(source, target), target, onMoved);
    }

    private Optional<Path> validName(Path folder, String name) {
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            report("Invalid name", "'" + name + "' is not a valid file name: it may not contain / or \\.");
            return Optional.empty();
        }
        Path target = folder.resolve(name);
        if (Files.exists(target)) {
            report("Already exists", target + " already exists.");
            return Optional.empty();
        }
        return Optional.of(target);
    }

    private interface FileAction {
        void apply() throws IOException;
    }

    private void run(String what, FileAction action, Path result, Consumer<Path> onDone) {
        bridge.compute(() -> {
            try {
                action.apply();
                return result;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, done -> {
            lastError.set(null);
            onDone.accept(done);
        }, e -> fail(what, e));
    }

    private void fail(String what, Throwable error) {
        Throwable cause = error instanceof java.io.UncheckedIOException u ? u.getCause() : error;
        report(what, what + ": " + explain(cause));
    }

    private void report(String title, String message) {
        lastError.set(message);
        prompter.showError(title, message);
    }

    /** What the disk said, in words. */
    static String explain(Throwable e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it no longer exists";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "something with that name already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void deleteRecursively(Path target) throws IOException {
        if (Files.isDirectory(target) && !Files.isSymbolicLink(target)) {
            try (Stream<Path> children = Files.list(target)) {
                for (Path child : children.toList()) {
                    deleteRecursively(child);
                }
            }
        }
        Files.delete(target);
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
