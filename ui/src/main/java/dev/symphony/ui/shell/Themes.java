package dev.symphony.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.util.List;
import javafx.application.Application;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;

/**
 * The workbench themes, by the names the {@code workbench.colorTheme} setting uses. Each is an
 * AtlantaFX theme (the user-agent stylesheet) and, for high contrast, a style class on the scene's
 * root whose rules (workbench.css) override the theme's looked-up colours. A dark theme also picks
 * the dark editor, terminal, diff and board colours, so chrome and content share one background family.
 */
public final class Themes {
    public static final String SETTING = "workbench.colorTheme";
    public static final String LIGHT = "light";
    public static final String DARK = "dark";
    public static final String HIGH_CONTRAST = "high-contrast";
    /** The root's style class while the high-contrast theme is on. */
    public static final String HIGH_CONTRAST_CLASS = "high-contrast";

    /** One shipped theme: its setting value, the name the picker shows, and whether it is dark. */
    public record Choice(String id, String label, boolean dark) {}

    /** Every shipped theme, in the picker's order (the settings schema's enum lists the same ids). */
    public static final List<Choice> ALL = List.of(
            new Choice(LIGHT, "Light (Primer)", false),
            new Choice(DARK, "Dark (Primer)", true),
            new Choice(HIGH_CONTRAST, "High Contrast", true));

    private Themes() {}

    /** The theme of a setting value; an unknown name (a hand-edited file) is the light theme. */
    public static Choice choice(String name) {
        return ALL.stream().filter(c -> c.id().equals(name)).findFirst().orElse(ALL.get(0));
    }

    public static boolean isDark(String name) {
        return choice(name).dark();
    }

    public static Theme byName(String name) {
        return isDark(name) ? new PrimerDark() : new PrimerLight();
    }

    /** Applies a theme's AtlantaFX stylesheet to every window of the application. */
    public static void apply(String name) {
        // the pre-compiled binary stylesheet: no CSS parsing at startup
        Application.setUserAgentStylesheet(byName(name).getUserAgentStylesheetBSS());
    }

    /** Applies a theme to the application and to a scene (the high-contrast overrides), now and on every change. */
    public static void follow(ObservableValue<String> theme, Scene scene) {
        applyTo(theme.getValue(), scene);
        theme.addListener((obs, old, name) -> applyTo(name, scene));
    }

    /** Applies a theme to the application and marks a scene's root for the high-contrast overrides. */
    public static void applyTo(String name, Scene scene) {
        apply(name);
        var classes = scene.getRoot().getStyleClass();
        classes.remove(HIGH_CONTRAST_CLASS);
        if (HIGH_CONTRAST.equals(choice(name).id())) {
            classes.add(HIGH_CONTRAST_CLASS);
        }
    }

    /** The theme Toggle Light/Dark switches to: dark from light, light from any dark theme. */
    public static String other(String name) {
        return isDark(name) ? LIGHT : DARK;
    }
}
