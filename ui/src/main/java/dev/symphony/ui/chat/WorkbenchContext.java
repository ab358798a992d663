package dev.symphony.ui.chat;

import dev.symphony.editor.selection.Selection;
import dev.symphony.ui.Workbench;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.tabs.OpenDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The chat's context from the window: the active editor's file and selection, the open tabs, a folder's listing, the
 * active terminal's output, the Problems panel and web pages. What reads the disk or the network runs off the
 * JavaFX thread ({@link dev.symphony.ui.FxBridge#compute}); chips are handed back on it.
 */
final class WorkbenchContext implements ChatView.ContextSource {
    static final Duration URL_TIMEOUT = Duration.ofSeconds(10);
    private final Workbench workbench;
    private final UrlFetcher fetcher = new UrlFetcher(URL_TIMEOUT);

    WorkbenchContext(Workbench workbench) {
        this.workbench = workbench;
    }

    @Override
    public Optional<ContextChip> currentFile() {
        OpenDocument doc = workbench.tabs().selectedProperty().get();
        return doc == null ? Optional.empty() : Optional.of(new ContextChip(label(doc), doc.text()));
    }

    @Override
    public Optional<ContextChip> selection() {
        EditorPane pane = workbench.tabsView().activeEditor();
        OpenDocument doc = workbench.tabs().selectedProperty().get();
        if (pane == null || doc == null) {
            return Optional.empty();
        }
        Selection s = doc.buffer().selections().get(0);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        int line = doc.buffer().text().lineOf(s.start()) + 1;
        return Optional.of(new ContextChip(label(doc) + ":" + line, doc.buffer().text().substring(s.start(), s.end())));
    }

    @Override
    public void openTabs(Consumer<ContextChip> add) {
        List<ContextTexts.Tab> tabs = workbench.tabs().documents().stream().map(d -> new ContextTexts.Tab(label(d), d.text())).toList();
        add.accept(tabs.isEmpty() ? ContextChip.failed("open tabs", "no tab is open")
                : new ContextChip("open tabs (" + tabs.size() + ")", ContextTexts.tabs(tabs)));
    }

    @Override
    public void folder(Consumer<ContextChip> add) {
        Path workspace = workspace();
        if (workspace == null) {
            add.accept(ContextChip.failed("folder", "no folder is open (File ▸ Open Folder)"));
            return;
        }
        OpenDocument doc = workbench.tabs().selectedProperty().get();
        Path folder = doc != null && doc.path() != null && doc.path().toAbsolutePath().normalize().startsWith(workspace)
                ? doc.path().toAbsolutePath().normalize().getParent() : workspace;
        String name = folder.equals(workspace) ? workspace.getFileName() + "/" : workspace.relativize(folder).toString().replace('\\', '/') + "/";
        workbench.services().bridge().compute(() -> {
            try {
                return new ContextChip("folder " + name, ContextTexts.folderListing(workspace, folder));
            } catch (IOException e) {
                return ContextChip.failed("folder " + name, "cannot be listed: " + e.getMessage());
            }
        }, add, e -> add.accept(ContextChip.failed("folder " + name, "cannot be listed: " + e)));
    }

    @Override
    public void terminal(Consumer<ContextChip> add) {
        Optional<dev.symphony.ui.terminal.TerminalView> view = workbench.terminals().all().isEmpty() ? Optional.empty()
                : workbench.terminalPanel().activeView();
        if (view.isEmpty()) {
            add.accept(ContextChip.failed("terminal", "no terminal is open (Terminal: New Terminal)"));
            return;
        }
        List<String> lines = view.get().lines(ContextTexts.TERMINAL_LINES);
        String title = view.get().terminal().titleProperty().get();
        add.accept(new ContextChip("terminal " + (title == null || title.isBlank() ? view.get().terminal().id() : title),
                ContextTexts.terminal(lines)));
    }

    @Override
    public void problems(Consumer<ContextChip> add) {
        var all = List.copyOf(workbench.window().problems().all());
        add.accept(all.isEmpty() ? ContextChip.failed("problems", "the Problems panel is empty")
                : new ContextChip("problems (" + all.size() + ")", ContextTexts.problems(all, workspace())));
    }

    @Override
    public void url(String address, Consumer<ContextChip> add) {
        String label = UrlFetcher.label(address);
        add.accept(ContextChip.failed(label, "fetching…"));
        workbench.services().bridge().compute(() -> {
            try {
                return UrlFetcher.asChip(address, fetcher.fetch(address));
            } catch (IOException e) {
                return ContextChip.failed(label, e.getMessage());
            }
        }, add, e -> add.accept(ContextChip.failed(label, "could not be fetched: " + e)));
    }

    private Path workspace() {
        Path folder = workbench.window().workspaceProperty().get();
        return folder == null ? null : folder.toAbsolutePath().normalize();
    }

    private String label(OpenDocument doc) {
        Path folder = workbench.window().workspaceProperty().get();
        if (doc.path() != null && folder != null && doc.path().startsWith(folder)) {
            return folder.relativize(doc.path()).toString().replace('\\', '/');
        }
        return doc.title();
    }
}
