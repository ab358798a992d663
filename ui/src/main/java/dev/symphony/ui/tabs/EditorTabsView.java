package dev.symphony.ui.tabs;

import dev.symphony.ui.shell.Prompter;
import dev.symphony.ui.shell.Styles;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;

/**
 * Tabs of open files, each a plain text view (the rope-backed editor view replaces it later).
 * A dirty tab shows a dot; closing one asks first.
 */
public final class EditorTabsView extends TabPane {
    public static final String ID = "editor-tabs";
    private final EditorTabsViewModel model;
    private final Map<OpenDocument, Tab> tabs = new HashMap<>();

    public EditorTabsView(EditorTabsViewModel model, Prompter prompter) {
        this.model = model;
        setId(ID);
        setTabClosingPolicy(TabClosingPolicy.ALL_TABS);
        model.documents().addListener((ListChangeListener<OpenDocument>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(d -> getTabs().remove(tabs.remove(d)));
                change.getAddedSubList().forEach(d -> getTabs().add(tabFor(d, prompter)));
            }
        });
        model.selectedProperty().addListener((obs, old, doc) -> {
            if (doc != null && tabs.containsKey(doc)) {
                getSelectionModel().select(tabs.get(doc));
            }
        });
        getSelectionModel().selectedItemProperty().addListener((obs, old, tab) ->
                model.selectedProperty().set(tab == null ? null : (OpenDocument) tab.getUserData()));
    }

    private Tab tabFor(OpenDocument document, Prompter prompter) {
        TextArea text = new TextArea(document.textProperty().get());
        text.getStyleClass().add(Styles.PLACEHOLDER_EDITOR);
        text.setEditable(!document.isReadOnly());
        text.textProperty().bindBidirectional(document.textProperty());
        BorderPane content = new BorderPane(text);
        if (document.notice() != null) {
            Label notice = new Label(document.notice());
            notice.getStyleClass().add(Styles.PROBLEM_BANNER);
            notice.setMaxWidth(Double.MAX_VALUE);
            content.setTop(notice);
        }
        Tab tab = new Tab(document.title(), content);
        tab.setUserData(document);
        tab.setId("tab:" + document.path());
        document.dirtyProperty().addListener((obs, was, dirty) -> tab.setText((dirty ? "● " : "") + document.title()));
        tab.setOnCloseRequest(e -> {
            if (document.dirtyProperty().get() && !prompter.confirm("Close " + document.title() + "?",
                    document.title() + " has unsaved changes. Close it and lose them?", "Close without saving")) {
                e.consume();
            }
        });
        tab.setOnClosed(e -> model.close(document));
        tabs.put(document, tab);
        return tab;
    }

    /** The text control of the selected tab, if any (for focus and tests). */
    public TextArea selectedTextArea() {
        Tab tab = getSelectionModel().getSelectedItem();
        return tab == null ? null : (TextArea) ((BorderPane) tab.getContent()).getCenter();
    }
}
