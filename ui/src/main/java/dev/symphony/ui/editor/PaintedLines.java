package dev.symphony.ui.editor;

import dev.symphony.editor.fold.VisibleLines;
import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;

/**
 * The pool of {@link LineSlot}s the view paints the lines on screen into, top to bottom, skipping the lines a fold
 * hides (so consecutive slots may show lines far apart); and the way back from a point or a line to a slot.
 */
final class PaintedLines {
    private final Group group = new Group();
    private final List<LineSlot> slots = new ArrayList<>();
    private int shown;
    private int maxColumnsSeen = 80;

    Group node() {
        return group;
    }

    int shown() {
        return shown;
    }

    LineSlot get(int index) {
        return slots.get(index);
    }

    /** The widest line painted so far without wrapping, in columns (the horizontal bar's range). */
    int maxColumnsSeen() {
        return maxColumnsSeen;
    }

    /** Paints from {@code topLine} down until {@code textHeight} is filled; {@code fraction} of the top line is scrolled away. */
    void paint(EditorView view, Rope rope, RenderContext ctx, int topLine, double fraction, double scrollX, double textHeight,
               VisibleLines visible) {
        EditorMetrics metrics = ctx.metrics();
        int wrapColumns = ctx.wrapColumns();
        double lh = metrics.lineHeight();
        int lineCount = rope.lineCount();
        LineStyleSource styles = view.styleSource();
        EditorView.StyleLayer styleLayer = view.styleLayer();
        EditorView.InlayLayer inlayLayer = view.inlayLayer();
        double y = 0;
        int i = 0;
        for (int line = topLine; line < lineCount && y < textHeight; line = visible.nextShown(line), i++) {
            LineSlot slot = slot(i);
            int start = rope.lineStart(line);
            int length = rope.lineEnd(line) - start;
            int windowStart = 0;
            int windowEnd = length;
            if (length > ViewportMath.LONG_LINE) {
                if (wrapColumns == 0) {
                    int[] cols = ViewportMath.paintedColumns(scrollX, view.textWidth(), metrics.advance(), length);
                    windowStart = cols[0];
                    windowEnd = cols[1];
                } else {
                    int rows = ViewportMath.rows(length, wrapColumns);
                    double top = i == 0 ? -fraction * rows * lh : y;
                    int firstRow = Math.max(0, (int) Math.floor(-top / lh) - 1);
                    int rowCount = (int) Math.ceil(textHeight / lh) + 2;
                    windowStart = Math.min(length, firstRow * wrapColumns);
                    windowEnd = Math.min(length, windowStart + rowCount * wrapColumns);
                }
            }
            StyledLine lineStyles = styles.styles(line);
            if (lineStyles == null && slot.line == line) {
                lineStyles = slot.styles(); // keep the last styles until fresh ones arrive: no plain-text flash while typing
            } else if (styleLayer != null) {
                lineStyles = styleLayer.apply(line, start, length, lineStyles);
            }
            List<Inlay> inlays = inlayLayer == null || wrapColumns > 0 || length > ViewportMath.LONG_LINE ? List.of()
                    : inlayLayer.inlays(line, start, length);
            slot.update(ctx, line, rope.substring(start + windowStart, start + windowEnd), windowStart, length, lineStyles, inlays);
            slot.lineStart = start;
            if (i == 0) {
                y = -fraction * slot.rows() * lh;
            }
            slot.group.setVisible(true);
            slot.group.setLayoutX(wrapColumns > 0 ? 0 : -scrollX);
            slot.group.setLayoutY(y);
            y += slot.rows() * lh;
            if (wrapColumns == 0) {
                maxColumnsSeen = Math.max(maxColumnsSeen, length);
            }
        }
        shown = i;
        for (int k = i; k < slots.size(); k++) {
            slots.get(k).group.setVisible(false);
            slots.get(k).line = -1;
        }
    }

    private LineSlot slot(int index) {
        while (slots.size() <= index) {
            LineSlot slot = new LineSlot();
            slots.add(slot);
            group.getChildren().add(slot.group);
        }
        return slots.get(index);
    }

    /** The visible slot showing {@code line}, or null (slots show increasing lines: a binary search). */
    LineSlot slotOf(int line) {
        int lo = 0;
        int hi = shown - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int at = slots.get(mid).line;
            if (at == line) {
                return slots.get(mid);
            } else if (at < line) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }

    boolean allStyled(LineStyleSource styles) {
        if (styles.isPlain()) {
            return true;
        }
        for (int i = 0; i < shown; i++) {
            if (styles.styles(slots.get(i).line) == null) {
                return false;
            }
        }
        return true;
    }

    /** The text offset at content point ({@code x}, {@code y}), clamped to the lines on screen. */
    int offsetAt(Rope rope, double x, double y, double lineHeight) {
        if (shown == 0) {
            return 0;
        }
        for (int i = 0; i < shown; i++) {
            LineSlot slot = slots.get(i);
            double top = slot.group.getLayoutY();
            if (y < top + slot.rows() * lineHeight || i == shown - 1) {
                if (y < top && i == 0) {
                    return Math.min(rope.length(), slot.lineStart);
                }
                int offset = slot.lineStart + slot.offsetAt(x - slot.group.getLayoutX(), y - top);
                return Math.max(0, Math.min(rope.length(), Math.min(offset, rope.lineEnd(Math.min(slot.line,
                        rope.lineCount() - 1)))));
            }
        }
        return rope.length();
    }
}
