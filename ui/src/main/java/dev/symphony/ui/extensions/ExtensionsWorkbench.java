package dev.symphony.ui.extensions;

import dev.symphony.kernel.extensions.ActivationEvents;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.ui.Workbench;
import dev.symphony.ui.lsp.DocumentSyncs;
import dev.symphony.ui.problems.ProblemNavigation;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.stage.FileChooser;

/**
 * Attaches the extension kernel to a workbench window: the Extensions view (command {@link ExtensionContributions#SHOW_EXTENSIONS},
 * Ctrl+Shift+X), the extensions' contributions, {@code workspaceContains} activation when a folder opens and
 * {@code onFileType} (and {@code onMelody} for a Melody) when a file does (on background threads). Nothing else starts an extension here.
 */
public final class ExtensionsWorkbench implements AutoCloseable {
    /** Four blocks, one set apart: the Extensions view's activity-bar icon. */
    private static final String EXTENSIONS_ICON = "M3 8h6v6H3zM3 15h6v6H3zM10 15h6v6h-6zM13 3h6v6h-6z";
    private final ExtensionContributions contributions;
    private final ExtensionsViewModel model;
    private ExtensionsView view;
    private DocumentSyncs syncs;
    private dev.symphony.ui.inline.InlineSuggestionsWiring inline;
    private dev.symphony.ui.lsp.LanguageFeatures languageFeatures;
    private SourceControlRequests sourceControl;

    private ExtensionsWorkbench(ExtensionContributions contributions, ExtensionsViewModel model) {
        this.contributions = contributions;
        this.model = model;
    }

    public static ExtensionsWorkbench attach(Workbench workbench, CompletableFuture<Kernel> kernel) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Install Extension from File");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Extension archives", "*.zip"));
        return attach(workbench, kernel, () -> {
            java.io.File file = chooser.showOpenDialog(workbench.stage());
            return file == null ? null : file.toPath();
        });
    }

    /** {@code chooseArchive} asks for an archive to install (tests give a path). JavaFX thread. */
    public static ExtensionsWorkbench attach(Workbench workbench, CompletableFuture<Kernel> kernel, Supplier<Path> chooseArchive) {
        var services = workbench.services();
        ExtensionContributions contributions = new ExtensionContributions(workbench.window(), workbench.mainView(), services, kernel,
                workbench::keybindingsChanged);
        ExtensionsViewModel model = new ExtensionsViewModel(kernel, services.paths().data("audit"), services.bridge());
        model.onInstalled(contributions::wireNew);
        SourceControlRequests sourceControl = new SourceControlRequests(workbench, kernel);
        contributions.handleMore(sourceControl);
        contributions.editorContext(() -> EditorContext.of(workbench));
        ExtensionsWorkbench attached = new ExtensionsWorkbench(contributions, model);
        attached.sourceControl = sourceControl;
        workbench.mainView().activityBar().addView("extensions", EXTENSIONS_ICON, "Extensions (Ctrl+Shift+X)",
                () -> workbench.window().run(ExtensionContributions.SHOW_EXTENSIONS));
        workbench.window().command(ExtensionContributions.SHOW_EXTENSIONS, "Show Extensions", "View", "Shortcut+Shift+X", () -> {
            if (attached.view == null) {
                attached.view = new ExtensionsView(model, chooseArchive);
            } else {
                model.refresh();
            }
            workbench.mainView().showInSideBar("extensions", attached.view);
        });
        workbench.window().workspaceProperty().addListener((o, was, folder) -> workspaceOpened(kernel, folder));
        workbench.tabs().documents().addListener((javafx.collections.ListChangeListener<dev.symphony.ui.tabs.OpenDocument>) change -> {
            while (change.next()) {
                for (var document : change.getAddedSubList()) {
                    if (document.path() != null) {
                        var events = ActivationEvents.opened(document.path()); // onFileType:EXT, and onMelody for a Melody
                        kernel.thenAcceptAsync(k -> events.forEach(new ActivationEvents(k)::fire));
                    }
                }
            }
        });
        workspaceOpened(kernel, workbench.window().workspaceProperty().get());
        attached.syncs = new DocumentSyncs(kernel, workbench.tabs().documents(), workbench.window().workspaceProperty()::get,
                workbench.window().problems(), services.bridge(), workbench.tabsView()::editorOf, workbench.window().statusMessageProperty()::set);
        contributions.documentSyncs(attached.syncs);
        attached.inline = dev.symphony.ui.inline.InlineSuggestionsWiring.attach(workbench.tabs().documents(), workbench.tabsView()::editorOf,
                kernel, services.settings(), services.bridge());
        attached.languageFeatures = dev.symphony.ui.lsp.LanguageFeatures.attach(workbench, attached.syncs);
        problemNavigation(workbench);
        dev.symphony.ui.models.ModelsPage.attach(workbench, kernel);
        workbench.keybindingsChanged(); // the keys of the commands above (F8, F12, Ctrl+Space, Ctrl+.): the scene's keymap was built before them
        return attached;
    }

    private static void workspaceOpened(CompletableFuture<Kernel> kernel, Path folder) {
        if (folder != null) {
            kernel.thenAcceptAsync(k -> {
                try {
                    new ActivationEvents(k).workspaceOpened(folder);
                } catch (java.io.IOException e) {
                    k.audit().record("kernel", "ext.activate", folder.toString(), false, "workspaceContains: " + e.getMessage());
                }
            });
        }
    }

    /** F8 / Shift+F8: next and previous problem from the caret (ui.problems.ProblemNavigation). */
    private static void problemNavigation(Workbench workbench) {
        for (boolean forward : new boolean[] {true, false}) {
            workbench.window().command(forward ? ProblemNavigation.NEXT : ProblemNavigation.PREVIOUS,
                    forward ? "Go to Next Problem (Error, Warning, Info)" : "Go to Previous Problem (Error, Warning, Info)", "Problems",
                    forward ? "F8" : "Shift+F8", () -> {
                        var pane = workbench.tabsView().activeEditor();
                        Path file = pane == null ? null : pane.file();
                        int line = 0;
                        int column = 0;
                        if (pane != null) {
                            var rope = pane.view().buffer().text();
                            int caret = pane.view().buffer().selections().get(0).head();
                            line = rope.lineOf(caret) + 1;
                            column = caret - rope.lineStart(line - 1) + 1;
                        }
                        ProblemNavigation.next(workbench.window().problems().all(), file, line, column, forward)
                                .ifPresent(p -> workbench.openFileAt(p.file(), p.line(), p.column()));
                    });
        }
    }

    public DocumentSyncs documentSyncs() {
        return syncs;
    }

    /** Inline suggestions in the window's editors. */
    public dev.symphony.ui.inline.InlineSuggestionsWiring inlineSuggestions() {
        return inline;
    }

    public dev.symphony.ui.lsp.LanguageFeatures languageFeatures() {
        return languageFeatures;
    }

    /** Source control's requests: gutter markers and line annotations (tests). */
    SourceControlRequests sourceControl() {
        return sourceControl;
    }

    public ExtensionContributions contributions() {
        return contributions;
    }

    public ExtensionsViewModel model() {
        return model;
    }

    @Override
    public void close() throws Exception {
        if (syncs != null) {
            syncs.close();
        }
        if (inline != null) {
            inline.close();
        }
        contributions.close();
        model.close();
        sourceControl.close();
    }
}
