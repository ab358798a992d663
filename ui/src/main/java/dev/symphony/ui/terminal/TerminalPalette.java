package dev.symphony.ui.terminal;

import com.techsenger.jeditermfx.core.Color;
import com.techsenger.jeditermfx.core.emulator.ColorPalette;

/**
 * The 16 ANSI colours for each workbench theme (256-colour and true-colour values need no
 * palette). The light palette darkens yellow, cyan and white so they stay readable on white.
 */
final class TerminalPalette extends ColorPalette {
    static final TerminalPalette DARK = new TerminalPalette(new int[] {
        0x000000, 0xcd3131, 0x0dbc79, 0xe5e510, 0x2472c8, 0xbc3fbc, 0x11a8cd, 0xe5e5e5,
        0x666666, 0xf14c4c, 0x23d18b, 0xf5f543, 0x3b8eea, 0xd670d6, 0x29b8db, 0xffffff});
    static final TerminalPalette LIGHT = new TerminalPalette(new int[] {
        0x000000, 0xcd3131, 0x00bc00, 0x949800, 0x0451a5, 0xbc05bc, 0x0598bc, 0x555555,
        0x666666, 0xcd3131, 0x14ce14, 0xb5ba00, 0x0451a5, 0xbc05bc, 0x0598bc, 0xa5a5a5});
    static final Color DARK_FOREGROUND = new Color(0xe6edf3); // Primer dark, like the chrome and the editor
    static final Color DARK_BACKGROUND = new Color(0x0d1117);
    static final Color LIGHT_FOREGROUND = new Color(0x1f2328);
    static final Color LIGHT_BACKGROUND = new Color(0xffffff);

    private final Color[] colors;

    private TerminalPalette(int[] rgb) {
        colors = new Color[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            colors[i] = new Color(rgb[i]);
        }
    }

    @Override
    protected Color getForegroundByColorIndex(int colorIndex) {
        return colors[colorIndex];
    }

    @Override
    protected Color getBackgroundByColorIndex(int colorIndex) {
        return colors[colorIndex];
    }
}
