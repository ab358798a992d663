package dev.symphony.ui;

import dev.symphony.kernel.settings.SettingsScope;
import dev.symphony.kernel.settings.SettingsService;
import dev.symphony.ui.editor.EditorCommands;
import dev.symphony.ui.editor.EditorEnvironment;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.editor.StyleSourcesFactory;
import dev.symphony.ui.about.AboutView;
import dev.symphony.ui.diff.DiffEditors;
import dev.symphony.ui.files.ExplorerView;
import dev.symphony.ui.files.FileTreeView;
import dev.symphony.ui.files.FileTreeViewModel;
import dev.symphony.ui.keys.KeymapInstaller;
import dev.symphony.ui.palette.CommandPaletteView;
import dev.symphony.ui.problems.OpenJsonProblems;
import dev.symphony.ui.problems.ProblemsView;
import dev.symphony.ui.palette.CommandPaletteViewModel;
import dev.symphony.ui.settings.SettingsView;
import dev.symphony.ui.settings.SettingsViewModel;
import dev.symphony.ui.shell.FxPrompter;
import dev.symphony.ui.shell.MainWindowView;
import dev.symphony.ui.shell.MainWindowViewModel;
import dev.symphony.ui.shell.Prompter;
import dev.symphony.ui.shell.Themes;
import dev.symphony.ui.shell.WorkbenchServices;
import dev.symphony.ui.tabs.EditorTabsView;
import dev.symphony.ui.tabs.EditorTabsViewModel;
import dev.symphony.ui.tabs.OpenDocument;
import dev.symphony.ui.terminal.TerminalCommands;
import dev.symphony.ui.terminal.TerminalPanelView;
import dev.symphony.ui.terminal.TerminalPanelViewModel;
import dev.symphony.ui.terminal.pty.ChildProcesses;
import dev.symphony.ui.terminal.pty.PtyLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;

/**
 * The composition root of one workbench window: creates the view-models over the UI-free
 * services, the views over the view-models, registers the workbench commands and key bindings,
 * and puts the scene on the stage.
 */
public final class Workbench implements AutoCloseable {
    private final WorkbenchServices services;
    private final Stage stage;
    private final MainWindowViewModel window;
    private final FileTreeViewModel fileTree;
    private final EditorTabsViewModel tabs;
    private final CommandPaletteViewModel palette;
    private final SettingsViewModel settingsPage;
    private final KeymapInstaller keymap;
    private final WorkbenchState state;
    private final TerminalPanelViewModel terminals;
    private final EditorTabsView tabsView;
    private TerminalPanelView terminalPanel; // built when the panel first shows: JediTermFX stays off the startup path
    private AutoCloseable keybindingsWatch;
    private AboutView about; // built on first use
    private WorkbenchClosing closing;
    private final dev.symphony.ui.tabs.TabSession tabSession;
    private final WorkspaceSearch workspaceSearch;
    private final MainWindowView mainView;
    private final DiffEditors diffs;

    public Workbench(WorkbenchServices services, Stage stage) {
        this(services, stage, new FxPrompter(stage));
    }

    public Workbench(WorkbenchServices services, Stage stage, Prompter prompter) {
        this.services = Objects.requireNonNull(services);
        this.stage = stage;
        this.window = new MainWindowViewModel(services);
        try {
            this.fileTree = new FileTreeViewModel(services.settings(), services.bridge(), prompter);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.tabs = new EditorTabsViewModel(services.bridge());
        tabs.keepUnsavedEditsIn(services.paths().data("hot-exit")); // and restores what a crash left there
        tabs.setSavePathAsker(new dev.symphony.ui.tabs.SavePathPrompt(prompter, window.workspaceProperty()::get)::ask);
        this.palette = new CommandPaletteViewModel(services.commands(), services.keybindings());
        this.settingsPage = new SettingsViewModel(services.settings(), services.bridge());
        this.keymap = new KeymapInstaller(services.commands(), services.keybindings());
        this.state = new WorkbenchState(services.paths().data("workbench-state.json"));
        this.terminals = new TerminalPanelViewModel(services.settings(), services.bridge(), prompter,
                new PtyLauncher(services.paths().cache("pty4j"), new ChildProcesses()), window.workspaceProperty()::get,
                window.themeProperty());
        window.panelVisibleProperty().bindBidirectional(terminals.visibleProperty());
        registerCommands();
        TerminalCommands.register(window, terminals, this::terminalPanel, services.keybindings(), stage);

        EditorEnvironment editorEnv = new EditorEnvironment(services.bridge(), services.settings(),
                window.themeProperty(), StyleSourcesFactory.create(services.settings()));
        tabsView = new EditorTabsView(tabs, prompter, editorEnv);
        tabsView.setEditorMenuCommands(new dev.symphony.ui.editor.EditorContextMenu.Commands() {
            @Override
            public boolean has(String id) {
                return services.commands().find(id).isPresent();
            }

            @Override
            public void run(String id) {
                services.commands().execute(id);
            }
        });
        diffs = new DiffEditors(tabsView, editorEnv, window.statusMessageProperty()::set);
        diffs.register(window::command, tabs.selectedProperty()::get);
        EditorCommands.register(window::command, tabsView::activeEditor);
        dev.symphony.ui.tabs.EditorGroupCommands.register(window::command, tabsView.groups());
        tabsView.setContentFor(new dev.symphony.ui.board.MelodyTabs(services.bridge(), window.themeProperty(),
                WorkbenchLauncher::kernelNow, services.paths()).opener(f -> openFile(f, d -> { }))::contentFor);
        dev.symphony.ui.board.MelodyTabs.register(window::command, () -> tabsView.activeTabProperty().get() == null
                ? null : tabsView.activeTabProperty().get().getContent());
        tabSession = new dev.symphony.ui.tabs.TabSession(services.paths().data("tab-session.json"), tabs, tabsView,
                services.bridge());
        closing = new WorkbenchClosing(stage, tabsView.closer(), terminals, tabSession);
        new OpenJsonProblems(tabs.documents(), window.problems(), services.bridge());
        ProblemsView problemsView = new ProblemsView(window.problems(), p -> openFileAt(p.file(), p.line(), p.column()));
        window.command(ProblemsView.COMMAND_ID, "Focus on Problems View", "Problems", "Shortcut+Shift+M",
                () -> problemsView.showIn(tabsView));
        tabs.progressProperty().addListener((o, a, progress) -> window.statusMessageProperty().set(progress));
        services.keybindings().reload();
        FileTreeView treeView = new FileTreeView(fileTree, file -> openFile(file, d -> {}));
        treeView.setMoreMenuItems(diffs::treeMenuItems);
        treeView.setOnPreview(file -> {
            if (services.settings().getBoolean("workbench.editor.enablePreview")) {
                tabs.openPreview(file, d -> {});
            } else {
                openFile(file, d -> {});
            }
        });
        window.command("workbench.action.keepEditor", "Keep Editor (pin a preview tab)", "View", null, () -> {
            if (tabs.selectedProperty().get() != null) {
                tabs.pin(tabs.selectedProperty().get());
            }
        });
        java.util.function.Consumer<OpenDocument> reveal = d -> {
            if (d != null && !d.isUntitled()) {
                window.run("workbench.view.explorer");
                if (!treeView.reveal(d.path())) {
                    window.statusMessageProperty().set(d.title() + " is not in the open folder");
                }
            }
        };
        tabsView.setOnReveal(reveal);
        window.command("workbench.files.action.showActiveFileInExplorer", "Reveal Active File in Explorer View", "File",
                null, () -> reveal.accept(tabs.selectedProperty().get()));
        fileTree.rootProperty().bind(window.workspaceProperty());
        MainWindowView view = new MainWindowView(window, new ExplorerView(treeView, fileTree), tabsView, new CommandPaletteView(palette),
                () -> new SettingsView(settingsPage, file -> openFile(file, d -> {}), services.settings()::fileOf),
                this::chooseFolder, this::terminalPanel);
        tabs.lastErrorProperty().addListener((o, a, error) -> window.statusMessageProperty().set(error));
        fileTree.lastErrorProperty().addListener((o, a, error) -> window.statusMessageProperty().set(error));
        terminals.messageProperty().addListener((o, a, message) -> window.statusMessageProperty().set(message));

        dev.symphony.ui.shell.ThemePickerViewModel themePicker = new dev.symphony.ui.shell.ThemePickerViewModel(window);
        themePicker.register();
        view.addOverlay(new dev.symphony.ui.shell.ThemePickerView(themePicker));
        workspaceSearch = new WorkspaceSearch(this, view, fileTree);
        mainView = view;
        new RecentlyOpened(this, state, prompter, window.statusMessageProperty()::set).register(window::command);
        Scene scene = new Scene(view, 1200, 760);
        scene.getStylesheets().add(Objects.requireNonNull(Workbench.class.getResource("workbench.css")).toExternalForm());
        Themes.follow(window.themeProperty(), scene);
        keymap.install(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(window::title, window.workspaceProperty()));
        try {
            keybindingsWatch = services.keybindings().watch(() -> services.bridge().onFx(() -> {
                keymap.refresh();
                window.keybindingsChanged();
            }));
        } catch (IOException e) {
            window.statusMessageProperty().set("Key bindings are not watched: " + e.getMessage());
        }
    }

    private void registerCommands() {
        window.command("workbench.action.showCommands", "Show All Commands", "View", "Shortcut+Shift+P", palette::show);
        window.command("workbench.action.toggleTheme", "Toggle Light/Dark Theme", "Preferences", null, window::toggleTheme);
        window.command("workbench.action.toggleSidebar", "Toggle Side Bar", "View", "Shortcut+B",
                () -> window.sideBarVisibleProperty().set(!window.sideBarVisibleProperty().get()));
        window.command("workbench.action.openSettings", "Open Settings", "Preferences", "Shortcut+Comma",
                () -> window.settingsOpenProperty().set(true));
        window.command("workbench.action.openSettingsJson", "Open User Settings (JSON)", "Preferences", null,
                () -> openFile(services.settings().fileOf(SettingsScope.USER), d -> {}));
        window.command("workbench.action.openKeybindingsJson", "Open Keyboard Shortcuts (JSON)", "Preferences", null,
                () -> openFile(services.keybindings().userFile(), d -> {}));
        window.command("workbench.action.files.openFolder", "Open Folder…", "File", "Shortcut+O", this::chooseFolder);
        window.command("workbench.action.files.newUntitledFile", "New Untitled Text File", "File", "Shortcut+N",
                tabs::newUntitled);
        window.command("workbench.action.files.saveAs", "Save As…", "File", "Shortcut+Shift+S",
                () -> tabs.saveAs(tabs.selectedProperty().get()));
        window.command("workbench.action.files.newFile", "New File in Folder…", "File", null, () -> {
            if (window.workspaceProperty().get() != null) {
                fileTree.newFile(window.workspaceProperty().get(), created -> openFile(created, d -> {}));
            }
        });
        window.command("workbench.action.files.save", "Save", "File", "Shortcut+S",
                () -> tabs.save(tabs.selectedProperty().get()));
        window.command("workbench.action.files.saveAll", "Save All", "File", null, tabs::saveAll);
        window.command("workbench.action.reopenClosedEditor", "Reopen Closed Editor", "View", "Shortcut+Shift+T",
                tabs::reopenClosed);
        window.command("workbench.action.files.revert", "Revert File (Reload from Disk)", "File", null,
                () -> tabs.reload(tabs.selectedProperty().get()));
        window.command("workbench.action.closeActiveEditor", "Close Editor", "View", "Shortcut+W",
                () -> tabsView.closer().close(tabs.selectedProperty().get()));
        window.command("workbench.action.closeOtherEditors", "Close Other Editors", "View", null,
                () -> tabsView.closer().closeOthers(tabs.selectedProperty().get()));
        window.command("workbench.action.closeAllEditors", "Close All Editors", "View", null,
                () -> tabsView.closer().closeAll(java.util.List.copyOf(tabs.documents())));
        window.command("workbench.action.closeWindow", "Close Window", "View", "Shortcut+Shift+W", () -> closing.requestClose());
        window.command("workbench.action.quit", "Quit", "File", "Shortcut+Q", () -> closing.requestClose());
        window.command("workbench.action.showAboutDialog", "About (Licences of Grammars and Themes)", "Help", null,
                () -> {
                    if (about == null) {
                        about = new AboutView();
                    }
                    about.show(stage);
                });
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open Folder");
        java.io.File chosen = chooser.showDialog(stage);
        if (chosen != null) {
            openFolder(chosen.toPath());
        }
    }

    /** Opens a folder: the file tree shows it and its .symphony/settings.json applies. */
    public void openFolder(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        try {
            services.settings().setWorkspaceFile(SettingsService.workspaceFileOf(root));
        } catch (IOException e) {
            window.statusMessageProperty().set("Workspace settings are not watched: " + e.getMessage());
        }
        window.workspaceProperty().set(root);
        state.rememberFolder(root);
        tabSession.restore(root);
    }

    /** Reopens the folder of the last session, if there was one and it still exists. */
    public void reopenLastFolder() {
        state.lastFolder().ifPresent(this::openFolder);
    }

    public void openFile(Path file, Consumer<OpenDocument> onOpened) {
        tabs.open(file, onOpened);
    }

    /** Opens a file and puts the caret at a 1-based line and column (0: not given), e.g. from a terminal link. */
    public void openFileAt(Path file, int line, int column) {
        openFile(file, document -> services.bridge().later(() -> {
            EditorPane pane = tabsView.editorOf(document);
            if (pane != null && line > 0) {
                pane.view().controller().goToLine(line, Math.max(1, column));
                pane.view().requestFocus();
            }
        }));
    }

    /** The editor tabs (the active editor, each document's editor). */
    public EditorTabsView tabsView() {
        return tabsView;
    }

    public TerminalPanelViewModel terminals() {
        return terminals;
    }

    public TerminalPanelView terminalPanel() {
        if (terminalPanel == null) {
            terminalPanel = new TerminalPanelView(terminals, this::openFileAt);
        }
        return terminalPanel;
    }

    public Stage stage() {
        return stage;
    }

    public MainWindowViewModel window() {
        return window;
    }

    public EditorTabsViewModel tabs() {
        return tabs;
    }

    /** Diff views: compare with saved, two files, and any two texts (Git, edit review). */
    public FileTreeViewModel fileTree() {
        return fileTree;
    }

    public DiffEditors diffs() {
        return diffs;
    }

    /** Quick Open and the Search view. */
    public WorkspaceSearch workspaceSearch() {
        return workspaceSearch;
    }

    /** Re-reads the key bindings into the scene's keymap (after extensions contributed some). */
    public void keybindingsChanged() {
        services.keybindings().reload();
        keymap.refresh();
        window.keybindingsChanged();
    }

    /** The window's layout (side bar, status bar, overlays). */
    public MainWindowView mainView() {
        return mainView;
    }

    public WorkbenchServices services() {
        return services;
    }

    /**
     * Closes the window's services (on the JavaFX thread, as the window's close does): it stops the tab session's
     * timer and reads the tabs, which belong to the JavaFX thread. Called on another thread it raced the JavaFX
     * thread's animation timer and scene (a test's clean-up did that); it is refused with an error instead.
     */
    @Override
    public void close() throws Exception {
        if (!javafx.application.Platform.isFxApplicationThread()) {
            throw new IllegalStateException("Workbench.close() runs on the JavaFX thread (it stops the tab session's"
                    + " timer and reads the tabs); it was called on thread '" + Thread.currentThread().getName()
                    + "': close it through Platform.runLater");
        }
        tabSession.close(); // before the tabs go
        tabs.shutdown();
        terminals.close(); // no terminal process outlives the window
        if (keybindingsWatch != null) {
            keybindingsWatch.close();
        }
        fileTree.close();
        state.close();
        services.close();
    }
}
