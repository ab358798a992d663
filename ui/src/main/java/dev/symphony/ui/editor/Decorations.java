package dev.symphony.ui.editor;

import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Group;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * What the view paints around the text: current-line highlight, selections and matching brackets
 * behind it, carets (and the IME composition) in front. Each is one {@link Path}, rebuilt from the
 * selections that intersect the screen only (a binary search into the sorted selections), so
 * 10,000 cursors cost what the visible ones cost.
 */
final class Decorations {
    /** Blinking stops (caret shown) after this many blinks without activity: an idle editor causes no pulses. */
    private static final int BLINKS_BEFORE_REST = 20;
    private final Path lineHighlight = new Path();
    private final Path selection = new Path();
    private final Path brackets = new Path();
    private final Path carets = new Path();
    private final Path findMatches = new Path();
    private final Group symbols = new Group();
    private final Text composition = new Text();
    private final Group behind = new Group(lineHighlight, symbols, findMatches, selection, brackets);
    private final Group inFront = new Group(carets, composition);
    private final Timeline blink;
    private int blinks;
    private boolean focused;
    private List<int[]> highlightedRanges = List.of();
    private List<BackgroundMarks.TextBand> textHighlights = List.of();

    Decorations() {
        lineHighlight.setStrokeWidth(0);
        selection.setStrokeWidth(0);
        brackets.setStrokeWidth(0);
        findMatches.setStrokeWidth(0);
        carets.setStrokeWidth(2);
        composition.setUnderline(true);
        composition.setTextOrigin(javafx.geometry.VPos.TOP);
        composition.setVisible(false);
        carets.setVisible(false);
        blink = new Timeline(new KeyFrame(Duration.millis(530), e -> {
            if (++blinks >= BLINKS_BEFORE_REST) {
                carets.setVisible(true);
                stopBlinking();
            } else {
                carets.setVisible(!carets.isVisible());
            }
        }));
        blink.setCycleCount(Timeline.INDEFINITE);
    }

    Group behind() {
        return behind;
    }

    Group inFront() {
        return inFront;
    }

    void setColors(EditorColors colors) {
        lineHighlight.setFill(colors.lineHighlight());
        selection.setFill(colors.selection());
        brackets.setFill(colors.bracket());
        findMatches.setFill(colors.bracket().deriveColor(0, 1, 1, 0.7));
        carets.setStroke(colors.caret());
        composition.setFill(colors.foreground());
    }

    void caretBlink(boolean hasFocus) {
        focused = hasFocus;
        carets.setVisible(hasFocus);
        if (hasFocus) {
            caretActivity();
        } else {
            stopBlinking();
        }
    }

    /** The carets moved or text was typed: show them solid and blink again from the start. */
    void caretActivity() {
        if (!focused) {
            return;
        }
        blinks = 0;
        carets.setVisible(true);
        blink.playFromStart();
    }

    private void stopBlinking() {
        blink.stop();
    }

    boolean caretsVisible() {
        return carets.isVisible();
    }

    /** Ranges (e.g. find matches) painted behind the text; sorted, {start, end} each. */
    void setHighlightedRanges(List<int[]> ranges) {
        highlightedRanges = ranges;
    }

    /** Character ranges with their fills (a symbol's places), above the current line's highlight; sorted. */
    void setTextHighlights(List<BackgroundMarks.TextBand> bands) {
        textHighlights = List.copyOf(bands);
    }

    List<BackgroundMarks.TextBand> textHighlights() {
        return textHighlights;
    }

    void showComposition(String text, double x, double y, javafx.scene.text.Font font) {
        composition.setText(text);
        composition.setFont(font);
        composition.setX(x);
        composition.setY(y);
        composition.setVisible(!text.isEmpty());
    }

    void paint(EditorView view, Rope rope, SelectionSet sels) {
        if (view.shownSlots() == 0) {
            return;
        }
        LineSlot first = view.shownSlot(0);
        LineSlot last = view.shownSlot(view.shownSlots() - 1);
        int from = first.lineStart;
        int to = Math.min(rope.length(), rope.lineEnd(Math.min(last.line, rope.lineCount() - 1)));
        double width = view.textWidth() + view.scrollX();
        double lh = view.metrics().lineHeight();
        List<PathElement> highlight = new ArrayList<>();
        List<PathElement> selected = new ArrayList<>();
        List<PathElement> caretLines = new ArrayList<>();
        int lastHighlighted = -1;
        List<Selection> all = sels.all();
        for (int i = firstIntersecting(all, from); i < all.size() && all.get(i).start() <= to; i++) {
            Selection s = all.get(i);
            double[] head = view.pointOf(rope, s.head());
            int headLine = rope.lineOf(s.head());
            if (head != null) {
                caretLines.add(new MoveTo(head[0], head[1]));
                caretLines.add(new LineTo(head[0], head[1] + lh));
                LineSlot slot = view.slotOf(headLine);
                if (s.isEmpty() && headLine != lastHighlighted && slot != null) {
                    LineSlot.rect(highlight, 0, slot.group.getLayoutY(), width + view.scrollX(), slot.rows() * lh);
                    lastHighlighted = headLine;
                }
            }
            if (!s.isEmpty()) {
                addRange(view, rope, Math.max(s.start(), from), Math.min(s.end(), to), s.end(), selected);
            }
        }
        lineHighlight.getElements().setAll(highlight);
        selection.getElements().setAll(selected);
        carets.getElements().setAll(caretLines);
        List<PathElement> matches = new ArrayList<>();
        for (int[] r : highlightedRanges) {
            if (r[1] >= from && r[0] <= to) {
                addRange(view, rope, Math.max(r[0], from), Math.min(r[1], to), r[1], matches);
            }
        }
        findMatches.getElements().setAll(matches);
        java.util.Map<javafx.scene.paint.Paint, List<PathElement>> bands = new java.util.LinkedHashMap<>();
        for (BackgroundMarks.TextBand b : textHighlights) {
            if (b.end() >= from && b.start() <= to) {
                addRange(view, rope, Math.max(b.start(), from), Math.min(b.end(), to), b.end(),
                        bands.computeIfAbsent(b.fill(), f -> new ArrayList<>()));
            }
        }
        List<Path> paths = new ArrayList<>();
        bands.forEach((fill, elements) -> {
            Path path = new Path(elements);
            path.setStrokeWidth(0);
            path.setFill(fill);
            paths.add(path);
        });
        symbols.getChildren().setAll(paths);
        List<PathElement> bracketShapes = new ArrayList<>();
        if (sels.size() == 1 && sels.get(0).isEmpty()) {
            int[] pair = BracketMatcher.match(rope, sels.get(0).head());
            if (pair != null) {
                for (int at : pair) {
                    LineSlot slot = view.slotOf(rope.lineOf(at));
                    if (slot != null) {
                        view.rangeShape(slot, at, at + 1, false, bracketShapes);
                    }
                }
            }
        }
        brackets.getElements().setAll(bracketShapes);
    }

    /** Shapes of [start, end) line by line over the visible lines; {@code realEnd} tells whether a line break is selected. */
    private static void addRange(EditorView view, Rope rope, int start, int end, int realEnd, List<PathElement> out) {
        if (end < start) {
            return;
        }
        int line = rope.lineOf(start);
        int lastLine = rope.lineOf(end);
        for (int l = line; l <= lastLine; l++) {
            LineSlot slot = view.slotOf(l);
            if (slot == null) {
                continue;
            }
            int a = l == line ? start : slot.lineStart;
            int lineEnd = rope.lineEnd(l);
            int b = l == lastLine ? end : lineEnd;
            boolean eol = l < lastLine || realEnd > lineEnd;
            view.rangeShape(slot, a, b, eol && b == lineEnd, out);
        }
    }

    /** Index of the first selection ending at or after {@code offset} (selections are sorted and disjoint). */
    static int firstIntersecting(List<Selection> all, int offset) {
        int lo = 0;
        int hi = all.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (all.get(mid).end() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
