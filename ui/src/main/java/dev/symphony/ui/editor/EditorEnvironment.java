package dev.symphony.ui.editor;

import dev.symphony.kernel.settings.SettingsService;
import dev.symphony.ui.FxBridge;
import javafx.beans.value.ObservableValue;

/**
 * What every editor of a window shares: the FX bridge, the settings (font, tab size, indentation),
 * the workbench theme name (a dark one picks the dark editor colours) and the style sources.
 */
public record EditorEnvironment(FxBridge bridge, SettingsService settings, ObservableValue<String> theme,
                                StyleSources styles) {
    public boolean dark() {
        return dev.symphony.ui.shell.Themes.isDark(theme.getValue());
    }

    /** Applies the editor settings to a view (on the FX thread). */
    public void applySettings(EditorView view) {
        view.setFont(settings.getString("editor.fontFamily"), settings.getInt("editor.fontSize"));
        view.setTabSize(settings.getInt("editor.tabSize"));
        view.controller().setIndent(new dev.symphony.editor.indent.IndentStyle(!settings.getBoolean("editor.insertSpaces"),
                settings.getInt("editor.tabSize")));
        view.controller().setIndentOnPaste(settings.getBoolean("editor.autoIndentOnPaste"));
        view.controller().setAutoClose(!"never".equals(settings.getString("editor.autoClosingBrackets")));
    }
}
