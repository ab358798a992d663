package dev.symphony.ui.terminal;

import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.ui.JediTermFxWidget;
import com.techsenger.jeditermfx.ui.TerminalPanel;
import com.techsenger.jeditermfx.ui.settings.SettingsProvider;
import javafx.scene.canvas.Canvas;

/** JediTermFX's widget with the few things the workbench needs that it keeps protected. */
final class TerminalWidget extends JediTermFxWidget {
    TerminalWidget(SettingsProvider settings) {
        super(80, 24, settings);
    }

    @Override
    protected TerminalPanel createTerminalPanel(SettingsProvider settings, StyleState style, TerminalTextBuffer buffer) {
        return new Panel(settings, buffer, style);
    }

    /** Re-reads the font from the settings and resizes the terminal to it. */
    void refreshFont() {
        ((Panel) getTerminalPanel()).refreshFont();
    }

    Canvas canvas() {
        return getTerminalPanel().getCanvas();
    }

    /** Opens JediTermFX's find bar (find in the screen and scrollback). */
    void showFind() {
        getActions().stream().filter(a -> "Find".equals(a.getName())).findFirst()
                .ifPresent(a -> a.actionPerformed(null));
    }

    private static final class Panel extends TerminalPanel {
        Panel(SettingsProvider settings, TerminalTextBuffer buffer, StyleState style) {
            super(settings, buffer, style);
        }

        void refreshFont() {
            reinitFontAndResize();
        }
    }
}
