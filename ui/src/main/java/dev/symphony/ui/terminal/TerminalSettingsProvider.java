package dev.symphony.ui.terminal;

import com.techsenger.jeditermfx.core.Color;
import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.emulator.ColorPalette;
import com.techsenger.jeditermfx.ui.settings.DefaultSettingsProvider;
import dev.symphony.ui.shell.Themes;
import java.util.function.Supplier;
import javafx.scene.text.Font;

/**
 * What JediTermFX asks about fonts, colours and scrollback, answered from the workbench: the
 * {@code terminal.integrated.*} settings and the workbench theme. Colours are suppliers, read at
 * every paint, so a theme switch only needs a repaint.
 */
final class TerminalSettingsProvider extends DefaultSettingsProvider {
    private final Supplier<TerminalAppearance> appearance;

    TerminalSettingsProvider(Supplier<TerminalAppearance> appearance) {
        this.appearance = appearance;
    }

    private boolean dark() {
        return Themes.isDark(appearance.get().theme());
    }

    @Override
    public ColorPalette getTerminalColorPalette() {
        return dark() ? TerminalPalette.DARK : TerminalPalette.LIGHT;
    }

    @Override
    public Font getTerminalFont() {
        return Font.font(appearance.get().fontFamily(), getTerminalFontSize());
    }

    @Override
    public float getTerminalFontSize() {
        return appearance.get().fontSize();
    }

    @Override
    public TerminalColor getDefaultForeground() {
        return new TerminalColor(() -> dark() ? TerminalPalette.DARK_FOREGROUND : TerminalPalette.LIGHT_FOREGROUND);
    }

    @Override
    public TerminalColor getDefaultBackground() {
        return new TerminalColor(() -> dark() ? TerminalPalette.DARK_BACKGROUND : TerminalPalette.LIGHT_BACKGROUND);
    }

    @Override
    public TextStyle getDefaultStyle() {
        return new TextStyle(getDefaultForeground(), getDefaultBackground());
    }

    @Override
    public TextStyle getSelectionColor() {
        return new TextStyle(new TerminalColor(() -> dark() ? new Color(0xffffff) : new Color(0x000000)),
                new TerminalColor(() -> dark() ? new Color(0x264f78) : new Color(0xadd6ff)));
    }

    @Override
    public TextStyle getHyperlinkColor() {
        return new TextStyle(new TerminalColor(() -> dark() ? new Color(0x4daafc) : new Color(0x0066bf)),
                getDefaultBackground());
    }

    @Override
    public boolean useInverseSelectionColor() {
        return false;
    }

    @Override
    public int getBufferMaxLinesCount() {
        return appearance.get().scrollback();
    }

    @Override
    public boolean audibleBell() {
        return false; // AWT's beep; the workbench has no sound of its own
    }
}
