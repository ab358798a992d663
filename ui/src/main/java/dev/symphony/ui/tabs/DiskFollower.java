package dev.symphony.ui.tabs;

import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.file.DocumentFile;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.MinimalEdit;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.FxBridge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The open documents' files on disk: watched for changes by other programs; a clean tab follows the disk, a dirty
 * one keeps its edits and says so. Part of {@link EditorTabsViewModel}; JavaFX thread.
 */
final class DiskFollower {
    private final FxBridge bridge;
    private final Function<Path, Optional<OpenDocument>> find;
    private final Consumer<String> error;
    private final DiskChanges diskChanges;
    private boolean shutDown; // the window closed: a disk change reported just before is not followed

    DiskFollower(FxBridge bridge, Function<Path, Optional<OpenDocument>> find, Consumer<String> error) {
        this.bridge = bridge;
        this.find = find;
        this.error = error;
        this.diskChanges = new DiskChanges(path -> bridge.later(() -> changedOnDisk(path)));
    }

    void watch(OpenDocument document) {
        if (document.file() == null) {
            return;
        }
        try {
            diskChanges.watch(document.path(), document.file().knownFingerprint());
        } catch (IOException e) {
            error.accept("Changes on disk to " + document.title() + " will not be noticed: " + EditorTabsViewModel.rootMessage(e));
        }
    }

    void unwatch(Path path) {
        diskChanges.unwatch(path);
    }

    /** The window closes: changes reported from now on are not followed. */
    void shutdown() {
        shutDown = true;
        diskChanges.close();
    }

    /**
     * An open file may have changed on disk (JavaFX thread): the watcher also reports our own saves
     * and touches, which the document's known fingerprint tells apart. A clean tab follows the disk;
     * a tab with unsaved edits keeps them and says so (its save refuses to overwrite the outside change).
     */
    private void changedOnDisk(Path path) {
        if (shutDown) {
            return;
        }
        Optional<OpenDocument> found = find.apply(path);
        if (found.isEmpty() || found.get().file() == null) {
            return;
        }
        OpenDocument document = found.get();
        bridge.compute(() -> changed(document), changed -> {
            if (!changed) {
                return;
            }
            if (document.dirtyProperty().get()) {
                error.accept(document.title() + " changed on disk. Your unsaved edits are kept and Save will not "
                        + "overwrite the file; \"Revert File\" loads the disk version (Undo brings your edits back).");
            } else {
                reload(document);
            }
        }, e -> { });
    }

    private static boolean changed(OpenDocument document) {
        try {
            return document.file().changedOnDisk();
        } catch (IOException e) {
            return true; // deleted or unreadable: worth telling
        }
    }

    /** See {@link EditorTabsViewModel#reload}. */
    void reload(OpenDocument document) {
        if (document == null || document.file() == null) {
            return;
        }
        Rope current = document.rope();
        long revision = document.buffer().revision();
        bridge.compute(() -> {
            try {
                DocumentFile.DiskText disk = document.file().readDisk();
                return new Reload(disk, MinimalEdit.between(current, disk.text()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, reload -> {
            if (document.buffer().revision() != revision) {
                error.accept(document.title() + " changed on disk while you were editing it; your edits are kept.");
                return;
            }
            reload.edit().ifPresent(e -> document.buffer().edit(ChangeSet.of(e), EditKind.EXTERNAL));
            document.file().accept(reload.disk());
            document.saved(document.buffer().revision());
        }, e -> error.accept(java.nio.file.Files.exists(document.path())
                ? "Cannot reload " + document.path() + ": " + EditorTabsViewModel.rootMessage(e)
                : document.title() + " was deleted or moved on disk; its text stays open here and Save writes it again."));
    }

    private record Reload(DocumentFile.DiskText disk, Optional<TextEdit> edit) {
    }
}
