package dev.symphony.ui.editor;

import dev.symphony.kernel.settings.SettingsService;

/** The workbench's style sources: plain text until the syntax engine is wired in. */
public final class StyleSourcesFactory {
    private StyleSourcesFactory() {}

    public static StyleSources create(SettingsService settings) {
        return StyleSources.PLAIN;
    }
}
