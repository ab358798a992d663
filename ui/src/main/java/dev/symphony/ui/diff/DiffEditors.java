package dev.symphony.ui.diff;

import dev.symphony.editor.file.TextDecoder;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.editor.EditorCommands;
import dev.symphony.ui.editor.EditorEnvironment;
import dev.symphony.ui.tabs.OpenDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Opens diff views as editor tabs, and the commands around them: Compare with Saved, compare two
 * files (the file tree's Select for Compare / Compare with Selected), next and previous change. The
 * entry point for anything else that shows a diff (Git's diff editor, agent edit review):
 * {@link #open(DiffSide, DiffSide)}.
 */
public final class DiffEditors {
    public static final String TAB_ID_PREFIX = "diff:";
    private final TabPane tabs;
    private final EditorEnvironment env;
    private final Consumer<String> onError;
    private Path selectedForCompare;

    public DiffEditors(TabPane tabs, EditorEnvironment env, Consumer<String> onError) {
        this.tabs = tabs;
        this.env = env;
        this.onError = onError;
    }

    /** Shows {@code left} against {@code right} in a new tab, selected (on the JavaFX thread). */
    public DiffView open(DiffSide left, DiffSide right) {
        DiffView view = new DiffView(new DiffViewModel(left, right, env.bridge()), env);
        Tab tab = new Tab(left.title() + " ↔ " + right.title(), view);
        tab.setId(TAB_ID_PREFIX + right.file());
        tab.setOnClosed(e -> view.dispose());
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        return view;
    }

    /**
     * Shows {@code left} against {@code right} (neither may be edited: the review's change numbers are the diff's)
     * with Accept Change / Reject Change for {@code review}; the tab closes when the review is over. A tab of the
     * same review that is still open is selected instead of a second one.
     */
    public DiffView review(DiffSide left, DiffSide right, ChangeReview review) {
        if (left.editable() || right.editable()) {
            throw new IllegalArgumentException("a reviewed diff has read-only sides: " + left.title() + ", " + right.title());
        }
        for (Tab open : tabs.getTabs()) {
            if (open.getUserData() == review && open.getContent() instanceof DiffView view) {
                tabs.getSelectionModel().select(open);
                return view;
            }
        }
        DiffView view = open(left, right);
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        tab.setUserData(review);
        ChangeReviewBar.attach(view, review);
        review.overProperty().addListener((o, was, over) -> {
            if (over && tab.getTabPane() != null && tab.getTabPane().getTabs().remove(tab)) {
                view.dispose(); // in whichever group it is now
            }
        });
        return view;
    }

    /** The diff view of the selected tab, or null. */
    public DiffView active() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        return tab != null && tab.getContent() instanceof DiffView view ? view : null;
    }

    /**
     * The saved file (left, read-only) against the document's unsaved text (right, the document's own
     * buffer: typing, Revert Change and undo there are edits of the open file).
     */
    public void compareWithSaved(OpenDocument document) {
        if (document == null || document.file() == null) {
            onError.accept("Compare with Saved: the active tab has no file on disk");
            return;
        }
        Path path = document.path();
        String name = String.valueOf(path.getFileName());
        env.bridge().compute(() -> read(path), saved -> open(DiffSide.ofText(name + " (on disk)", path, saved),
                new DiffSide(name, path, document.buffer(), !document.isReadOnly())), this::failed);
    }

    /** Both files as read from disk now, read-only. */
    public void compareFiles(Path left, Path right) {
        env.bridge().compute(() -> new Rope[] {read(left), read(right)}, texts -> open(
                DiffSide.ofText(String.valueOf(left.getFileName()), left, texts[0]),
                DiffSide.ofText(String.valueOf(right.getFileName()), right, texts[1])), this::failed);
    }

    /** The file tree's "Select for Compare": the left side of the next "Compare with Selected". */
    public void selectForCompare(Path file) {
        selectedForCompare = file;
    }

    public Path selectedForCompare() {
        return selectedForCompare;
    }

    /** "Compare with Selected": the file selected for compare against {@code file}. */
    public void compareWithSelected(Path file) {
        if (selectedForCompare == null) {
            onError.accept("Compare with Selected: first choose Select for Compare on another file");
            return;
        }
        compareFiles(selectedForCompare, file);
    }

    /** The file tree's entries for comparing: Select for Compare, Compare with Selected. */
    public java.util.List<javafx.scene.control.MenuItem> treeMenuItems(Path file) {
        javafx.scene.control.MenuItem select = new javafx.scene.control.MenuItem("Select for Compare");
        select.setOnAction(e -> selectForCompare(file));
        javafx.scene.control.MenuItem compare = new javafx.scene.control.MenuItem(selectedForCompare == null
                ? "Compare with Selected" : "Compare with '" + selectedForCompare.getFileName() + "'");
        compare.setDisable(selectedForCompare == null || selectedForCompare.equals(file));
        compare.setOnAction(e -> compareWithSelected(file));
        return java.util.List.of(select, compare);
    }

    private static Rope read(Path file) {
        try {
            return new TextDecoder().load(file).text();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private void failed(Throwable t) {
        onError.accept("Compare: " + (t instanceof UncheckedIOException u ? u.getMessage() : String.valueOf(t)));
    }

    /** Registers the diff commands, with VS Code's ids and default keys. */
    public void register(EditorCommands.Sink sink, Supplier<OpenDocument> activeDocument) {
        sink.command("workbench.files.action.compareWithSaved", "Compare Active File with Saved", "File", null,
                () -> compareWithSaved(activeDocument.get()));
        sink.command("workbench.action.compareEditor.nextChange", "Go to Next Change", "Compare", "Alt+F5", () -> {
            if (active() != null) {
                active().next();
            }
        });
        sink.command("workbench.action.compareEditor.previousChange", "Go to Previous Change", "Compare", "Shift+Alt+F5",
                () -> {
                    if (active() != null) {
                        active().previous();
                    }
                });
        sink.command("diffEditor.toggleInline", "Toggle Inline View", "Compare", null, () -> {
            if (active() != null) {
                active().model().inlineModeProperty().set(!active().model().inlineModeProperty().get());
            }
        });
        sink.command("diffEditor.revertCurrentChange", "Revert Current Change", "Compare", null, () -> {
            if (active() != null) {
                active().revertCurrent();
            }
        });
    }
}
