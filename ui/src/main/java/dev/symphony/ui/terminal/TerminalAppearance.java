package dev.symphony.ui.terminal;

import dev.symphony.kernel.settings.SettingsService;
import dev.symphony.ui.terminal.pty.ShellSettings;

/** The look of terminals: font, scrollback (for new terminals) and the workbench theme. */
public record TerminalAppearance(String fontFamily, int fontSize, int scrollback, String theme) {
    static TerminalAppearance of(SettingsService settings, String theme) {
        return new TerminalAppearance(settings.getString(ShellSettings.FONT_FAMILY), settings.getInt(ShellSettings.FONT_SIZE),
                settings.getInt(ShellSettings.SCROLLBACK), theme);
    }
}
