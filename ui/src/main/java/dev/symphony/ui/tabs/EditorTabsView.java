package dev.symphony.ui.tabs;

import dev.symphony.editor.file.LineEnding;
import dev.symphony.ui.editor.EditorContextMenu;
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
    private final Map<OpenDocument, EditorPane> panes = new HashMap<>();
    /** Second (third…) views of a document in other groups: its tab in {@link #tabs} is the first view. */
    private final Map<OpenDocument, java.util.List<Tab>> twins = new HashMap<>();
    private java.util.function.BiFunction<OpenDocument, EditorPane, javafx.scene.Node> contentFor = (d, pane) -> pane;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final TabCloser closer;
    private java.util.function.Consumer<OpenDocument> onReveal = d -> { };
    private final EditorGroups groups;
    private final javafx.beans.property.ReadOnlyObjectWrapper<Tab> activeTab = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private EditorContextMenu.Commands editorMenu;

    public EditorTabsView(EditorTabsViewModel model, Prompter prompter, EditorEnvironment env) {
        this.model = model;
        this.env = env;
        this.closer = new TabCloser(model, prompter);
        setId(ID);
        setTabClosingPolicy(TabClosingPolicy.ALL_TABS);
        groups = new EditorGroups(this, this::activeTabChanged, this::twinOf);
        model.setOnReadStarting(path -> env.styles().prepare(path, env.dark()));
        model.documents().addListener((ListChangeListener<OpenDocument>) change -> {
            while (change.next()) {
                groups.batch(() -> replaceTabs(change.getRemoved(), change.getAddedSubList()));
            }
        });
        model.selectedProperty().addListener((obs, old, doc) -> {
            if (doc != null && tabs.containsKey(doc) && !shows(activeTab.get(), doc)) {
                groups.select(tabs.get(doc));
            }
        });
        env.theme().addListener((o, a, b) -> allPanes().forEach(p -> p.highlight(env.styles(), env.dark())));
        env.settings().addListener(() -> env.bridge().onFx(() -> allPanes().forEach(p ->
                env.applySettings(p.view()))));
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
                panes.remove(d).dispose();
                if (tab.getContent() instanceof TabContent content) {
                    content.dispose();
                }
                from.getTabs().remove(tab);
            }
            twins.getOrDefault(d, java.util.List.of()).forEach(this::dropView);
            twins.remove(d);
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
        if (pane != null) {
            pane.view().claimCarets(); // the buffer's carets are this view's (another group may show the document too)
        }
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

    private Tab tabFor(OpenDocument document) {
        EditorPane pane = new EditorPane(document.path(), document.buffer(), document.isReadOnly(), document.notice(),
                env.bridge());
        EditorView view = pane.view();
        if (document.file() != null) {
            view.controller().setNewline(document.file().lineEnding() == LineEnding.CRLF ? "\r\n"
                    : document.file().lineEnding() == LineEnding.CR ? "\r" : "\n");
        }
        prepare(pane);
        panes.put(document, pane);
        Tab tab = decorate(new Tab(document.title(), contentFor.apply(document, pane)), document);
        tabs.put(document, tab);
        return tab;
    }

    private void prepare(EditorPane pane) {
        env.applySettings(pane.view());
        pane.highlight(env.styles(), env.dark());
        pane.view().setOnCaretMoved(this::updateStatus);
        if (editorMenu != null) {
            EditorContextMenu.install(pane.view(), editorMenu);
        }
    }

    /** The commands the editors' right-click menus offer from now on (the workbench's registry). */
    public void setEditorMenuCommands(EditorContextMenu.Commands commands) {
        this.editorMenu = commands;
    }

    /**
     * Another editor of {@code tab}'s document, for another group (one buffer and history, carets and scrolling
     * of its own); null when the tab is not a plain text editor (a Melody board, the settings page).
     */
    Tab twinOf(Tab tab) {
        if (!(tab.getUserData() instanceof OpenDocument document) || !(tab.getContent() instanceof EditorPane pane)) {
            return null;
        }
        EditorPane twin = pane.twin();
        prepare(twin);
        Tab twinTab = decorate(new Tab(document.title(), twin), document);
        twins.computeIfAbsent(document, d -> new java.util.ArrayList<>()).add(twinTab);
        return twinTab;
    }

    /** The tabs that show a document, its first one first (more than one: it is open in several groups). */
    public java.util.List<Tab> tabsOf(OpenDocument document) {
        java.util.List<Tab> all = new java.util.ArrayList<>();
        if (tabs.containsKey(document)) {
            all.add(tabs.get(document));
        }
        all.addAll(twins.getOrDefault(document, java.util.List.of()));
        return all;
    }

    private static boolean shows(Tab tab, OpenDocument document) {
        return tab != null && tab.getUserData() == document;
    }

    private java.util.List<EditorPane> allPanes() {
        java.util.List<EditorPane> all = new java.util.ArrayList<>(panes.values());
        twins.values().forEach(list -> list.forEach(t -> all.add((EditorPane) t.getContent())));
        return all;
    }

    /**
     * Closes one tab of a document: while another group shows the document too only this view goes (no
     * question: the document stays open); its last tab closes the document through the closer.
     */
    void closeTab(Tab tab, OpenDocument document) {
        java.util.List<Tab> others = twins.get(document);
        if (others == null || others.isEmpty()) {
            closer.close(document);
            return;
        }
        if (tabs.get(document) == tab) { // the first view goes: the next one takes its place
            Tab next = others.remove(0);
            tabs.put(document, next);
            panes.put(document, (EditorPane) next.getContent());
        } else {
            others.remove(tab);
        }
        if (others.isEmpty()) {
            twins.remove(document);
        }
        groups.batch(() -> dropView(tab));
    }

    /** Frees one plain editor view of a document (only those have a second view) and takes its tab out of its group. */
    private void dropView(Tab view) {
        ((EditorPane) view.getContent()).dispose();
        if (view.getTabPane() != null) {
            view.getTabPane().getTabs().remove(view);
        }
    }

    private Tab decorate(Tab tab, OpenDocument document) {
        tab.setUserData(document);
        tab.setId("tab:" + document.path());
        Runnable title = () -> tab.setText((document.dirtyProperty().get() ? "● " : "") + document.title());
        title.run(); // a second view of an unsaved document shows the dot from the start
        document.dirtyProperty().addListener((obs, was, dirty) -> title.run());
        document.pathProperty().addListener((obs, was, path) -> { // Save As
            title.run();
            tab.setId("tab:" + path);
            updateStatus();
        });
        tab.setOnCloseRequest(e -> {
            e.consume(); // the closer removes the tab once the document may go
            closeTab(tab, document);
        });
        Runnable previewLook = () -> {
            tab.getStyleClass().remove(PREVIEW);
            if (document.previewProperty().get()) {
                tab.getStyleClass().add(PREVIEW);
            }
        };
        previewLook.run();
        document.previewProperty().addListener((obs, was, is) -> previewLook.run());
        tab.setContextMenu(TabMenu.of(document, () -> closeTab(tab, document), closer, d -> onReveal.accept(d),
                groups, tab));
        return tab;
    }

    /**
     * What a newly opened document's tab shows: its editor, or a view wrapping it (a {@link TabContent}, e.g. the
     * Harmony Board for {@code *.melody.json}).
     */
    public void setContentFor(java.util.function.BiFunction<OpenDocument, EditorPane, javafx.scene.Node> contentFor) {
        this.contentFor = java.util.Objects.requireNonNull(contentFor);
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
        if (tab != null && tab.getContent() instanceof TabContent content) {
            return content.shownEditor();
        }
        return tab != null && tab.getContent() instanceof EditorPane pane ? pane : null;
    }

    /** The editor of an open document, or null. */
    public EditorPane editorOf(OpenDocument document) {
        return panes.get(document);
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
