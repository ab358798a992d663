package dev.symphony.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import javafx.application.Application;

/** The workbench themes (AtlantaFX), by the names the {@code workbench.colorTheme} setting uses. */
public final class Themes {
    public static final String SETTING = "workbench.colorTheme";
    public static final String LIGHT = "light";
    public static final String DARK = "dark";

    private Themes() {}

    public static Theme byName(String name) {
        return DARK.equals(name) ? new PrimerDark() : new PrimerLight();
    }

    /** Applies a theme to every window of the application. */
    public static void apply(String name) {
        // the pre-compiled binary stylesheet: no CSS parsing at startup
        Application.setUserAgentStylesheet(byName(name).getUserAgentStylesheetBSS());
    }

    public static String other(String name) {
        return DARK.equals(name) ? LIGHT : DARK;
    }
}
