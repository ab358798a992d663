package dev.symphony.ui.editor;

import dev.symphony.kernel.settings.SettingsService;
import dev.symphony.ui.editor.syntax.SyntaxStyles;

/** The workbench's style sources: TextMate highlighting through the editor module's syntax engine. */
public final class StyleSourcesFactory {
    private StyleSourcesFactory() {}

    public static StyleSources create(SettingsService settings) {
        return new SyntaxStyles(settings);
    }
}
