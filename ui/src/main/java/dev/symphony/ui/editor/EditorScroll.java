package dev.symphony.ui.editor;

import dev.symphony.editor.fold.VisibleLines;
import dev.symphony.editor.text.Rope;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;

/**
 * The {@link EditorView}'s scroll geometry: its two scroll bars and the arithmetic between them and the text. The
 * vertical bar counts shown rows (a folded region is one row; the value's fraction is the part of the top row scrolled
 * away), the horizontal one pixels. The view's folds say which document line each row shows ({@link VisibleLines}).
 */
final class EditorScroll {
    private final EditorView view;
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();

    EditorScroll(EditorView view) {
        this.view = view;
        vbar.setOrientation(Orientation.VERTICAL);
        vbar.valueProperty().addListener((o, a, b) -> view.invalidate());
        hbar.valueProperty().addListener((o, a, b) -> view.invalidate());
    }

    ScrollBar vertical() {
        return vbar;
    }

    ScrollBar horizontal() {
        return hbar;
    }

    /** The top line (a document line) and, as its fraction, the part of it scrolled away. */
    double lines() {
        VisibleLines shown = view.shownLines();
        double rows = vbar.getValue();
        int row = (int) Math.floor(rows);
        return shown.lineAt(Math.max(0, Math.min(shown.visibleCount() - 1, row))) + (rows - row);
    }

    /** Scrolls so that {@code line} (a document line) is the top line (fraction: part of the line scrolled away). */
    void toLines(double lines) {
        VisibleLines shown = view.shownLines();
        double clamped = Math.max(0, Math.min(shown.lineCount() - 1, lines));
        int line = (int) Math.floor(clamped);
        toRows(shown.rowOf(line) + (shown.isHidden(line) ? 0 : clamped - line));
    }

    /** The vertical scroll position in shown rows (a folded region is one row). */
    double rows() {
        return vbar.getValue();
    }

    void toRows(double rows) {
        vbar.setMax(ViewportMath.maxScroll(view.shownLines().visibleCount(), view.visibleLines()));
        vbar.setValue(Math.max(0, Math.min(vbar.getMax(), rows)));
    }

    /** {first, last}: the document lines from the scroll position of now to a screenful of shown rows below it. */
    int[] linesOnScreen() {
        VisibleLines shown = view.shownLines();
        int row = Math.max(0, Math.min(shown.visibleCount() - 1, (int) Math.floor(vbar.getValue())));
        return new int[] {shown.lineAt(row), shown.lineAt(row + view.visibleLines())};
    }

    /** Folds changed from {@code before}: the line at the top stays at the top (the rows above it changed). */
    void foldsChanged(VisibleLines before) {
        double rows = vbar.getValue();
        int row = (int) Math.floor(rows);
        int top = before.lineAt(Math.max(0, Math.min(before.visibleCount() - 1, row)));
        VisibleLines after = view.shownLines();
        toRows(after.rowOf(top) + (after.isHidden(top) ? 0 : rows - row));
        view.invalidate();
    }

    double x() {
        return hbar.getValue();
    }

    void toX(double x) {
        hbar.setMax(Math.max(hbar.getMax(), x));
        hbar.setValue(Math.max(0, x));
    }

    /** Scrolls as little as possible so that {@code offset} (its folds already opened) is on screen. */
    void reveal(int offset) {
        Rope rope = view.buffer().text();
        int line = rope.lineOf(offset);
        VisibleLines shown = view.shownLines();
        toRows(ViewportMath.revealLine(vbar.getValue(), shown.rowOf(line), view.visibleLines(), 2, shown.visibleCount()));
        if (view.isWrap()) {
            return;
        }
        int start = rope.lineStart(line);
        int length = rope.lineEnd(line) - start;
        int col = length > ViewportMath.LONG_LINE ? offset - start
                : ViewportMath.columnOf(rope.substring(start, rope.lineEnd(line)), offset - start, view.tabSize());
        double advance = view.metrics().advance();
        double x = col * advance;
        double margin = 4 * advance;
        if (x < hbar.getValue() + margin) {
            toX(Math.max(0, x - margin));
        } else if (x > hbar.getValue() + view.textWidth() - margin) {
            toX(x - view.textWidth() + margin);
        }
    }

    /** The width the vertical bar takes at the right. */
    double verticalBarWidth() {
        return vbar.prefWidth(-1);
    }

    /** The height the horizontal bar takes at the bottom (none when lines wrap). */
    double horizontalBarHeight(boolean wrap) {
        return wrap ? 0 : hbar.prefHeight(-1);
    }

    /** Puts the bars at the right and the bottom of a view {@code width} wide whose text area starts at {@code textX}. */
    void place(double width, double textX, double textWidth, double textHeight, boolean wrap) {
        double vbarWidth = verticalBarWidth();
        vbar.resizeRelocate(width - vbarWidth, 0, vbarWidth, textHeight);
        hbar.setVisible(!wrap);
        hbar.resizeRelocate(textX, textHeight, textWidth, horizontalBarHeight(wrap));
    }

    /** The vertical bar's range for {@code rowCount} shown rows and a screen of {@code screenRows}; the scroll position in it. */
    double layOutRows(int rowCount, int screenRows) {
        vbar.setMax(ViewportMath.maxScroll(rowCount, screenRows));
        vbar.setVisibleAmount(screenRows);
        vbar.setBlockIncrement(Math.max(1, screenRows - 1));
        return Math.min(vbar.getValue(), vbar.getMax());
    }

    /** The horizontal bar's range once the widest line painted is known ({@code columns} wide). */
    void layOutColumns(int columns, double advance, double textWidth) {
        hbar.setMax(Math.max(hbar.getValue(), columns * advance + 4 * advance - textWidth));
        hbar.setVisibleAmount(textWidth);
        hbar.setUnitIncrement(advance * 4);
        hbar.setBlockIncrement(textWidth / 2);
    }
}
