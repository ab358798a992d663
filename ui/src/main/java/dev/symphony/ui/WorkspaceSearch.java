package dev.symphony.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.workspace.WalkOptions;
import dev.symphony.ui.files.FileTreeViewModel;
import dev.symphony.ui.quickopen.QuickOpenView;
import dev.symphony.ui.quickopen.QuickOpenViewModel;
import dev.symphony.ui.search.SearchView;
import dev.symphony.ui.search.SearchViewModel;
import dev.symphony.ui.shell.MainWindowView;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Wires Quick Open (Ctrl+P) and the Search view (Ctrl+Shift+F) into one workbench window: their
 * commands, the workspace folder they cover, the file watcher that keeps Quick Open's index
 * current, and the open documents that replace-across-files edits in place.
 */
public final class WorkspaceSearch {
    private final Workbench workbench;
    private final MainWindowView view;
    private final QuickOpenViewModel quickOpen;
    private final SearchViewModel search;
    // Both views are built on first use: they stay off the path to the window's first frame.
    private QuickOpenView quickOpenView;
    private SearchView searchView;

    WorkspaceSearch(Workbench workbench, MainWindowView view, FileTreeViewModel fileTree) {
        this.workbench = workbench;
        this.view = view;
        var services = workbench.services();
        var window = workbench.window();
        var tabs = workbench.tabs();
        quickOpen = new QuickOpenViewModel(services.bridge(),
                () -> WalkOptions.defaults().withExtraExcludes(filesExclude(services.settings().get("files.exclude"))),
                (file, line) -> {
                    if (line > 0) {
                        workbench.openFileAt(file, line, 1);
                    } else {
                        workbench.openFile(file, d -> { });
                    }
                });
        search = new SearchViewModel(services.bridge(), window.workspaceProperty()::get,
                () -> filesExclude(services.settings().get("files.exclude")), new OpenDocumentsOfTabs(workbench));
        window.workspaceProperty().addListener((o, a, root) -> quickOpen.setRoot(root));
        quickOpen.setRoot(window.workspaceProperty().get());
        fileTree.addFolderChangeListener(quickOpen::folderChanged);
        tabs.selectedProperty().addListener((o, a, doc) -> {
            if (doc != null) {
                quickOpen.opened(doc.path());
            }
        });
        window.command("workbench.action.quickOpen", "Go to File…", "File", "Shortcut+P", () -> {
            if (quickOpenView == null) {
                quickOpenView = new QuickOpenView(quickOpen);
                view.addOverlay(quickOpenView);
            }
            quickOpen.show();
        });
        window.command("workbench.action.findInFiles", "Search: Find in Files", "Search", "Shortcut+Shift+F", () -> {
            view.showInSideBar("search", searchView());
            searchView().focusQuery();
        });
        view.activityBar().addView("search", "M9 3a6 6 0 1 1 0 12a6 6 0 1 1 0-12zM13.5 13.5L19 19", "Search (Ctrl+Shift+F)",
                () -> window.run("workbench.action.findInFiles"));
        window.command("workbench.view.explorer", "Show Explorer", "View", "Shortcut+Shift+E", () -> view.showInSideBar(null));
        window.command("search.action.cancel", "Search: Cancel", "Search", null, search::cancel);
    }

    private static List<String> filesExclude(JsonNode setting) {
        List<String> names = new ArrayList<>();
        if (setting != null) {
            setting.forEach(n -> names.add(n.asText()));
        }
        return names;
    }

    public QuickOpenViewModel quickOpen() {
        return quickOpen;
    }

    public SearchViewModel search() {
        return search;
    }

    /** The Search view, built on first use (on the JavaFX thread). */
    public SearchView searchView() {
        if (searchView == null) {
            searchView = new SearchView(search, workbench::openFileAt);
        }
        return searchView;
    }

    /** The workbench's open tabs as replace-across-files sees them. */
    private record OpenDocumentsOfTabs(Workbench workbench) implements dev.symphony.ui.search.OpenDocuments {
        @Override
        public Optional<Buffer> bufferOf(Path file) {
            return workbench.tabs().find(file).filter(d -> !d.isReadOnly()).map(OpenDocument::buffer);
        }

        @Override
        public void save(Path file) {
            workbench.tabs().find(file).ifPresent(workbench.tabs()::save);
        }
    }
}
