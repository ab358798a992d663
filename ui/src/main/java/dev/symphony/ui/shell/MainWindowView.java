package dev.symphony.ui.shell;

import dev.symphony.ui.palette.CommandPaletteView;
import dev.symphony.ui.tabs.EditorTabsView;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The window's layout: activity bar | side bar (file tree) | editor tabs above the bottom panel
 * (terminals), the command palette floating over them, the status bar below. The settings page opens as a tab, built when first opened.
 */
public final class MainWindowView extends BorderPane {
    public static final String SETTINGS_TAB_ID = "settings-tab";
    private final SplitPane split = new SplitPane();
    private final VBox sideBar = new VBox();
    private final Tab settingsTab = new Tab("Settings");
    private final StackPane center;
    private final MainWindowViewModel model;
    private Runnable showTreeOrWelcome;
    private final StatusBarView statusBar;
    private final SplitPane editorAndPanel;
    private final ActivityBar activityBar;
    private final PanelView contributedPanel = new PanelView();

    public MainWindowView(MainWindowViewModel model, Node explorer, EditorTabsView tabs,
                          CommandPaletteView palette, Supplier<Node> settingsPage, Runnable openFolder, Supplier<? extends Node> bottomPanel) {
        activityBar = new ActivityBar(model);
        sideBar.getStyleClass().add(Styles.SIDE_BAR);
        sideBar.setMinWidth(160);
        Label heading = new Label("EXPLORER");
        heading.setPadding(new Insets(6, 8, 6, 8));
        heading.getStyleClass().add("text-caption");
        Label noFolder = new Label("No folder is open.");
        noFolder.getStyleClass().add(Styles.WELCOME);
        Button open = new Button("Open Folder…");
        open.setOnAction(e -> openFolder.run());
        VBox welcome = new VBox(8, noFolder, open);
        welcome.setPadding(new Insets(12));
        this.model = model;
        showTreeOrWelcome = () -> {
            boolean hasFolder = model.workspaceProperty().get() != null;
            if (hasFolder) {
                sideBar.getChildren().setAll(explorer);
                VBox.setVgrow(explorer, javafx.scene.layout.Priority.ALWAYS);
            } else {
                sideBar.getChildren().setAll(heading, welcome);
            }
        };
        model.workspaceProperty().addListener((obs, old, folder) -> {
            showTreeOrWelcome.run();
            activityBar.showing(null, true);
        });
        showTreeOrWelcome.run();

        Label hint = new Label("Open a file from the Explorer\nCtrl+Shift+P shows all commands");
        hint.getStyleClass().add(Styles.WELCOME);
        hint.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        hint.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(tabs.getTabs()));
        hint.setMouseTransparent(true);
        StackPane editorArea = new StackPane(tabs.groups().layout(), hint);
        editorAndPanel = new SplitPane(editorArea);
        editorAndPanel.setOrientation(javafx.geometry.Orientation.VERTICAL);
        Node[] terminals = {null}; // built when first shown
        Runnable showPanel = () -> {
            boolean show = model.panelVisibleProperty().get();
            if (show && (terminals[0] == null || !editorAndPanel.getItems().contains(terminals[0]))) {
                terminals[0] = bottomPanel.get();
                SplitPane.setResizableWithParent(terminals[0], false);
                editorAndPanel.getItems().add(1, terminals[0]);
                spreadPanels();
            } else if (!show && terminals[0] != null) {
                editorAndPanel.getItems().remove(terminals[0]); // never builds the panel just to hide it
            }
        };
        model.panelVisibleProperty().addListener((obs, was, visible) -> showPanel.run());
        showPanel.run();
        split.getItems().setAll(sideBar, editorAndPanel);
        split.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(sideBar, false);
        model.sideBarVisibleProperty().addListener((obs, was, visible) -> {
            if (visible && !split.getItems().contains(sideBar)) {
                split.getItems().add(0, sideBar);
                split.setDividerPositions(0.22);
            } else if (!visible) {
                split.getItems().remove(sideBar);
            }
        });

        settingsTab.setId(SETTINGS_TAB_ID);
        settingsTab.setOnClosed(e -> model.settingsOpenProperty().set(false));
        model.settingsOpenProperty().addListener((obs, was, open2) -> {
            if (open2) {
                if (settingsTab.getContent() == null) {
                    settingsTab.setContent(settingsPage.get()); // built on first use, off the startup path
                }
                if (!tabs.getTabs().contains(settingsTab)) {
                    tabs.getTabs().add(settingsTab);
                }
                tabs.getSelectionModel().select(settingsTab);
            } else {
                tabs.getTabs().remove(settingsTab);
            }
        });

        center = new StackPane(split, palette);
        StackPane.setAlignment(palette, Pos.TOP_CENTER);
        StackPane.setMargin(palette, new Insets(8, 0, 0, 0));
        setLeft(activityBar);
        activityBar.onShowExplorer(() -> showInSideBar(null));
        contributedPanel.setOnClose(() -> showInPanel(null, null));
        setCenter(center);
        setBottom(statusBar = new StatusBarView(model, javafx.beans.binding.Bindings.createStringBinding(() -> {
            Tab tab = tabs.activeTabProperty().get();
            return tab == null ? "" : tab.getId() != null && tab.getId().startsWith("tab:") ? tab.getId().substring(4) : tab.getText();
        }, tabs.activeTabProperty()), tabs.statusProperty()));
    }

    /** Shows {@code view} in the side bar in place of the Explorer (null: the Explorer again), opening the side bar. */
    public void showInSideBar(Node view) {
        showInSideBar(null, view);
    }

    /**
     * Shows {@code view} as {@link #showInSideBar(Node)} does; the activity bar highlights the button {@code activityId}
     * ({@link ActivityBar#addView}'s id; null: a view without one).
     */
    public void showInSideBar(String activityId, Node view) {
        if (view == null) {
            showTreeOrWelcome.run();
        } else {
            sideBar.getChildren().setAll(view);
            VBox.setVgrow(view, javafx.scene.layout.Priority.ALWAYS);
        }
        model.sideBarVisibleProperty().set(true);
        activityBar.showing(activityId, view == null);
    }

    /**
     * Shows {@code view} under the heading {@code title} in the panel below the editors (beside the terminals, which
     * keep their place), in place of the view shown there before; null closes it.
     */
    public void showInPanel(String title, Node view) {
        if (view == null) {
            editorAndPanel.getItems().remove(contributedPanel);
            return;
        }
        contributedPanel.show(title, view);
        if (!editorAndPanel.getItems().contains(contributedPanel)) {
            SplitPane.setResizableWithParent(contributedPanel, false);
            editorAndPanel.getItems().add(contributedPanel);
            spreadPanels();
        }
    }

    /** The editors keep the top 62 %; the panels below share the rest. */
    private void spreadPanels() {
        int panels = editorAndPanel.getItems().size() - 1;
        double[] at = new double[panels];
        for (int i = 0; i < panels; i++) {
            at[i] = 0.62 + 0.38 * i / panels;
        }
        editorAndPanel.setDividerPositions(at);
    }

    /** The view shown in the panel by {@link #showInPanel}, or null. */
    public Node panelView() {
        return editorAndPanel.getItems().contains(contributedPanel) ? contributedPanel.view() : null;
    }

    public ActivityBar activityBar() {
        return activityBar;
    }

    public StatusBarView statusBar() {
        return statusBar;
    }

    /** Adds an overlay above the editor area, at the top like the command palette (e.g. Quick Open). */
    public void addOverlay(Node overlay) {
        center.getChildren().add(overlay);
        StackPane.setAlignment(overlay, Pos.TOP_CENTER);
        StackPane.setMargin(overlay, new Insets(8, 0, 0, 0));
    }
}
