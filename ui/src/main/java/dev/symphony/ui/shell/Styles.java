package dev.symphony.ui.shell;

/** CSS style classes of the workbench, in one place (the rules are in workbench.css). */
public final class Styles {
    public static final String ACTIVITY_BAR = "activity-bar";
    public static final String SIDE_BAR = "side-bar";
    public static final String STATUS_BAR = "status-bar";
    public static final String STATUS_ITEM = "status-item";
    public static final String STATUS_PROBLEMS = "status-problems";
    public static final String PALETTE = "command-palette";
    public static final String PALETTE_KEYS = "command-palette-keys";
    public static final String PROBLEM_BANNER = "problem-banner";
    public static final String SETTING_ROW = "setting-row";
    public static final String SETTING_TITLE = "setting-title";
    public static final String SETTING_DESCRIPTION = "setting-description";
    public static final String WELCOME = "welcome";
    public static final String PLACEHOLDER_EDITOR = "placeholder-editor";

    private Styles() {}
}
