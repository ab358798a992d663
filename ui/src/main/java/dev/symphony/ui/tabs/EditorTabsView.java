package dev.symphony.ui.tabs;

import dev.symphony.editor.file.LineEnding;
import dev.symphony.ui.editor.EditorEnvironment;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.shell.Prompter;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Tabs of open files, each an {@link EditorPane} over the document's buffer. A dirty tab shows a
 * dot; closing one asks to save it first ({@link TabCloser}). The status text ("Ln 3, Col 5 · Java") follows the selected editor.
 */
public final class EditorTabsView extends TabPane {
    public static final String ID = "editor-tabs";
    /** Style class of a preview tab (italic title). */
    public static final String PREVIEW = "preview-tab";
    private final EditorTabsViewModel model;
    private final EditorEnvironment env;
    private final Map<OpenDocument, Tab> tabs = new HashMap<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final TabCloser closer;
    private java.util.function.Consumer<OpenDocument> onReveal = d -> { };
    private final EditorGroups groups;
    private final javafx.beans.property.ReadOnlyObjectWrapper<Tab> activeTab = new javafx.beans.property.ReadOnlyObjectWrapper<>();

    public EditorTabsView(EditorTabsViewModel model, Prompter prompter, EditorEnvironment env) {
        this.model = model;
        this.env = env;
        this.closer = new TabCloser(model, prompter);
        setId(ID);
        setTabClosingPolicy(TabClosingPolicy.ALL_TABS);
        groups = new EditorGroups(this, this::activeTabChanged);
        model.setOnReadStarting(path -> env.styles().prepare(path, env.dark()));
        model.documents().addListener((ListChangeListener<OpenDocument>) change -> {
            while (change.next()) {
                groups.batch(() -> replaceTabs(change.getRemoved(), change.getAddedSubList()));
            }
        });
        model.selectedProperty().addListener((obs, old, doc) -> {
            if (doc != null && tabs.containsKey(doc)) {
                groups.select(tabs.get(doc));
            }
        });
        env.theme().addListener((o, a, b) -> tabs.values().forEach(t -> ((EditorPane) t.getContent()).highlight(env.styles(), env.dark())));
        env.settings().addListener(() -> env.bridge().onFx(() -> tabs.values().forEach(t ->
                env.applySettings(((EditorPane) t.getContent()).view()))));
    }

    /** Drops the tabs of closed documents and adds the new ones: a replaced preview's tab takes the old one's place. */
    private void replaceTabs(java.util.List<? extends OpenDocument> removed, java.util.List<? extends OpenDocument> added) {
        TabPane group = null;
        int at = -1;
        for (OpenDocument d : removed) {
            Tab tab = tabs.remove(d);
            if (tab != null) {
                TabPane from = tab.getTabPane() == null ? this : tab.getTabPane();
                if (at < 0) {
                    group = from;
                    at = from.getTabs().indexOf(tab);
                }
                ((EditorPane) tab.getContent()).dispose();
                from.getTabs().remove(tab);
            }
        }
        for (OpenDocument d : added) {
            if (at >= 0) {
                group.getTabs().add(at++, tabFor(d));
            } else {
                groups.active().getTabs().add(tabFor(d));
            }
        }
    }

    /** The active group's selected tab changed (another tab, or another group became active). */
    private void activeTabChanged(Tab tab) {
        if (groups == null) {
            return; // the groups' first notice, while this view is being built
        }
        activeTab.set(tab);
        Object data = tab == null ? null : tab.getUserData();
        model.selectedProperty().set(data instanceof OpenDocument d ? d : null);
        EditorPane pane = activeEditor();
        if (pane != null && !model.keepsFocus() && !pane.view().isFocused()) {
            pane.view().requestFocus();
        }
        updateStatus();
    }

    /** The editor groups (split, move a tab between groups, focus one); the first group is this tab pane. */
    public EditorGroups groups() {
        return groups;
    }

    /** The selected tab of the active group (what the status bar describes). */
    public javafx.beans.property.ReadOnlyObjectProperty<Tab> activeTabProperty() {
        return activeTab.getReadOnlyProperty();
    }

    /** The tab of an open document, or null. */
    Tab tabOf(OpenDocument document) {
        return tabs.get(document);
    }

    private Tab tabFor(OpenDocument document) {
        EditorPane pane = new EditorPane(document.path(), document.buffer(), document.isReadOnly(), document.notice(),
                env.bridge());
        EditorView view = pane.view();
        env.applySettings(view);
        if (document.file() != null) {
            view.controller().setNewline(document.file().lineEnding() == LineEnding.CRLF ? "\r\n"
                    : document.file().lineEnding() == LineEnding.CR ? "\r" : "\n");
        }
        pane.highlight(env.styles(), env.dark());
        view.setOnCaretMoved(this::updateStatus);
        Tab tab = new Tab(document.title(), pane);
        tab.setUserData(document);
        tab.setId("tab:" + document.path());
        Runnable title = () -> tab.setText((document.dirtyProperty().get() ? "● " : "") + document.title());
        document.dirtyProperty().addListener((obs, was, dirty) -> title.run());
        document.pathProperty().addListener((obs, was, path) -> { // Save As
            title.run();
            tab.setId("tab:" + path);
            updateStatus();
        });
        tab.setOnCloseRequest(e -> {
            e.consume(); // the closer removes the tab once the document may go
            closer.close(document);
        });
        Runnable previewLook = () -> {
            tab.getStyleClass().remove(PREVIEW);
            if (document.previewProperty().get()) {
                tab.getStyleClass().add(PREVIEW);
            }
        };
        previewLook.run();
        document.previewProperty().addListener((obs, was, is) -> previewLook.run());
        tab.setContextMenu(TabMenu.of(document, closer, d -> onReveal.accept(d)));
        tabs.put(document, tab);
        return tab;
    }

    /** What the tab menu's "Reveal in Explorer View" does (the workbench shows the file in the tree). */
    public void setOnReveal(java.util.function.Consumer<OpenDocument> onReveal) {
        this.onReveal = onReveal;
    }

    /** Closes tabs of documents, asking about unsaved changes: every way of closing one goes through it. */
    public TabCloser closer() {
        return closer;
    }

    /** The editor of the selected tab, or null (no tab, or the settings page). */
    public EditorPane activeEditor() {
        Tab tab = groups.active().getSelectionModel().getSelectedItem();
        return tab != null && tab.getContent() instanceof EditorPane pane ? pane : null;
    }

    /** The editor of an open document, or null. */
    public EditorPane editorOf(OpenDocument document) {
        Tab tab = tabs.get(document);
        return tab == null ? null : (EditorPane) tab.getContent();
    }

    /** "Ln 3, Col 5 · Java" for the selected editor, "" when none. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private void updateStatus() {
        EditorPane pane = activeEditor();
        if (pane == null) {
            status.set("");
            return;
        }
        int[] at = pane.view().controller().caretLineColumn();
        int carets = pane.view().buffer().selections().size();
        status.set("Ln " + at[0] + ", Col " + at[1] + (carets > 1 ? " (" + carets + " carets)" : "")
                + "  " + pane.view().styleSource().languageName());
    }
}
