package dev.symphony.ui.shell;

import javafx.geometry.Orientation;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;

/**
 * The vertical bar of views on the window's left edge: Explorer at the top, then the side-bar views added by
 * {@link #addView} (Search, Extensions, the views extensions contribute, with their SVG-path icons), Settings at the
 * bottom. The button of the view the side bar shows is highlighted (pseudo-class {@code :selected}), however it was
 * shown (its button, the palette, a key): {@link MainWindowView#showInSideBar(String, javafx.scene.Node)} says which.
 */
public final class ActivityBar extends VBox {
    public static final String EXPLORER_ID = "activity-explorer";
    public static final String SETTINGS_ID = "activity-settings";
    private static final String FOLDER_ICON = "M2 4h6l2 2h8v10H2z";
    /** Where a view's button goes: after the Explorer and the views added before it. */
    private int nextView = 1;
    private static final javafx.css.PseudoClass SELECTED = javafx.css.PseudoClass.getPseudoClass("selected");
    /** A flat button has no selected look in the theme: an accent bar on the left, as the Explorer's toggle has its fill. */
    private static final String ACTIVE_STYLE = "-fx-border-width: 0 0 0 2; -fx-border-color: -color-accent-emphasis; -fx-background-color: -color-bg-subtle;";
    private static final String IDLE_STYLE = "-fx-border-width: 0 0 0 2; -fx-border-color: transparent;";
    private final MainWindowViewModel model;
    private final ToggleButton explorer;
    /** The activity id of the view the side bar shows; null: the Explorer (or a view without a button). */
    private String shown;
    private boolean explorerShown = true;
    private Runnable showExplorer = () -> {};
    private static final String GEAR_ICON = "M10 6a4 4 0 1 1 0 8a4 4 0 1 1 0-8zM9 1h2v3H9zM9 16h2v3H9zM1 9h3v2H1zM16 9h3v2h-3z";

    public ActivityBar(MainWindowViewModel model) {
        getStyleClass().add(Styles.ACTIVITY_BAR);
        this.model = model;
        explorer = button(EXPLORER_ID, FOLDER_ICON, "Explorer (Ctrl+B)");
        explorer.setOnAction(e -> {
            if (model.sideBarVisibleProperty().get() && explorerShown) {
                model.sideBarVisibleProperty().set(false); // a second click hides the side bar, as before
            } else {
                showExplorer.run();
            }
            highlight();
        });
        model.sideBarVisibleProperty().addListener((o, was, visible) -> highlight());
        ToggleButton settings = button(SETTINGS_ID, GEAR_ICON, "Settings (Ctrl+,)");
        settings.selectedProperty().bindBidirectional(model.settingsOpenProperty());
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(explorer, new Separator(Orientation.HORIZONTAL), spacer, settings);
        highlight();
    }

    /** What the Explorer button shows when the side bar shows another view. */
    void onShowExplorer(Runnable show) {
        this.showExplorer = show;
    }

    /**
     * The side bar now shows the view of button {@code activityId} ({@link #addView}'s id), the Explorer
     * ({@code explorer} true), or a view without a button (both null and false).
     */
    void showing(String activityId, boolean explorer) {
        this.shown = activityId;
        this.explorerShown = explorer;
        highlight();
    }

    /** The activity id of the highlighted view button, {@code "explorer"}, or null (tests). */
    public String highlighted() {
        if (explorer.isSelected()) {
            return "explorer";
        }
        return getChildren().stream().filter(n -> n.getPseudoClassStates().contains(SELECTED) && n.getId() != null && n.getId().startsWith("activity:"))
                .map(n -> n.getId().substring("activity:".length())).findFirst().orElse(null);
    }

    private void highlight() {
        boolean visible = model.sideBarVisibleProperty().get();
        explorer.setSelected(visible && explorerShown);
        for (javafx.scene.Node n : getChildren()) {
            if (n.getId() != null && n.getId().startsWith("activity:")) {
                boolean on = visible && !explorerShown && n.getId().equals("activity:" + shown);
                n.pseudoClassStateChanged(SELECTED, on);
                n.setStyle(on ? ACTIVE_STYLE : IDLE_STYLE);
            }
        }
    }

    /**
     * Adds a button that shows a side-bar view: {@code icon} is an SVG path (an extension's, so a path JavaFX cannot
     * parse draws nothing rather than failing), scaled to the bar's 20 px. The id becomes {@code activity:ID}.
     */
    public javafx.scene.control.Button addView(String id, String icon, String tooltip, Runnable show) {
        javafx.scene.control.Button button = new javafx.scene.control.Button(null, icon(icon));
        button.setId("activity:" + id);
        button.setTooltip(new Tooltip(tooltip));
        button.setFocusTraversable(false);
        button.getStyleClass().addAll("flat", "activity-view");
        button.setOnAction(e -> show.run());
        getChildren().add(nextView++, button);
        highlight();
        return button;
    }

    /** Removes the button {@link #addView} added for {@code id} (an extension removed). */
    public void removeView(String id) {
        if (getChildren().removeIf(n -> ("activity:" + id).equals(n.getId()))) {
            nextView--;
        }
    }

    private static javafx.scene.Node icon(String path) {
        SVGPath shape = new SVGPath();
        try {
            shape.setContent(path == null ? "" : path);
        } catch (RuntimeException e) {
            shape.setContent("");
        }
        shape.setStyle("-fx-fill: transparent; -fx-stroke: -color-fg-muted; -fx-stroke-width: 1.5;");
        double w = shape.getLayoutBounds().getWidth();
        double h = shape.getLayoutBounds().getHeight();
        double scale = Math.max(w, h) > 20 ? 20 / Math.max(w, h) : 1;
        shape.setScaleX(scale);
        shape.setScaleY(scale);
        return new javafx.scene.Group(shape);
    }

    private static ToggleButton button(String id, String icon, String tooltip) {
        SVGPath shape = new SVGPath();
        shape.setContent(icon);
        shape.setStyle("-fx-fill: -color-fg-muted;");
        ToggleButton button = new ToggleButton(null, shape);
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.setFocusTraversable(false);
        return button;
    }
}
