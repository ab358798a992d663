package dev.symphony.ui.diff;

import javafx.scene.paint.Color;

/**
 * The diff's fills: GitHub Primer's diff colours, the design system the workbench's chrome and
 * default syntax themes come from. Lines get the light shade, the differing words the strong one.
 */
record DiffColors(Color removedLine, Color removedWord, Color addedLine, Color addedWord) {
    static final DiffColors LIGHT = new DiffColors(Color.web("#ffebe9"), Color.web("#ff818266"),
            Color.web("#dafbe1"), Color.web("#4ac26b66"));
    static final DiffColors DARK = new DiffColors(Color.web("#f8514926"), Color.web("#f8514966"),
            Color.web("#2ea04326"), Color.web("#2ea04366"));

    static DiffColors of(boolean dark) {
        return dark ? DARK : LIGHT;
    }
}
