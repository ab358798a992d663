package dev.symphony.ui.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.text.HitInfo;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.geometry.VPos;

/**
 * The nodes of one visible line (a pool the view reuses as it scrolls). A "simple" line (ASCII and
 * Latin-1) is painted as absolutely placed {@link Text} runs at {@code column × advance}: no text
 * layout beyond the runs themselves. Any other line (CJK, emoji, combining marks, RTL) goes into a
 * {@link TextFlow}, which does bidi and shaping, and answers hit tests and caret shapes.
 *
 * <p>Only {@code content} is painted: the whole line when it is short, otherwise the window of it
 * that is on screen, starting at offset {@code windowStart} of the line.
 *
 * <p>{@link Inlay}s (inlay hints) take columns of their own on a short simple line: the characters from an inlay's
 * offset on are drawn after it, while the caret at that offset stays before it ({@code caretColumns}). Another line
 * (long, complex, or wrapped) does not show them.
 */
final class LineSlot {
    final Group group = new Group();
    private final List<Text> runs = new ArrayList<>();
    private int usedRuns;
    private TextFlow flow;
    private String content = "";
    private int windowStart;
    private int lineLength;
    private StyledLine styles;
    private long version = -1;
    private int[] columns; // display column of each offset of a short simple line (tabs expanded, inlays before it)
    private int[] caretColumns; // the caret's column at each offset: before the inlays there (null: no inlays)
    private List<Inlay> inlays = List.of();
    private final List<Text> inlayTexts = new ArrayList<>();
    private boolean complex;
    private int rows = 1;
    private RenderContext ctx;
    int line = -1;
    int lineStart;

    /** Paints {@code content} unless exactly this is painted already; returns true when nodes changed. */
    boolean update(RenderContext ctx, int line, String content, int windowStart, int lineLength, StyledLine styles) {
        return update(ctx, line, content, windowStart, lineLength, styles, List.of());
    }

    /** The same with {@code inlays} (sorted by offset, line-relative), shown when the line is short, simple and not wrapped. */
    boolean update(RenderContext ctx, int line, String content, int windowStart, int lineLength, StyledLine styles, List<Inlay> inlays) {
        if (line == this.line && ctx.version() == version && windowStart == this.windowStart
                && java.util.Objects.equals(styles, this.styles) && lineLength == this.lineLength && content.equals(this.content)
                && inlays.equals(this.inlays)) {
            return false;
        }
        this.inlays = inlays;
        this.ctx = ctx;
        this.line = line;
        this.content = content;
        this.windowStart = windowStart;
        this.lineLength = lineLength;
        this.styles = styles;
        this.version = ctx.version();
        this.complex = !isSimple(content);
        usedRuns = 0;
        if (complex) {
            paintFlow();
        } else {
            if (flow != null) {
                group.getChildren().remove(flow);
            }
            paintRuns();
        }
        for (int i = usedRuns; i < runs.size(); i++) {
            runs.get(i).setVisible(false);
        }
        paintInlays();
        return true;
    }

    /** Whether this line shows its inlays: short, simple and not wrapped (the others keep plain columns). */
    private boolean showsInlays() {
        return !inlays.isEmpty() && !complex && !isLong() && !ctx.wraps();
    }

    private void paintInlays() {
        int used = 0;
        if (showsInlays()) {
            double advance = ctx.metrics().advance();
            for (Inlay inlay : inlays) {
                if (inlay.offset() > content.length() || inlay.label().isEmpty()) {
                    continue;
                }
                if (used == inlayTexts.size()) {
                    Text t = new Text();
                    t.setTextOrigin(VPos.TOP);
                    t.getStyleClass().add("inlay-hint");
                    inlayTexts.add(t);
                    group.getChildren().add(t);
                }
                Text t = inlayTexts.get(used++);
                t.setText(inlay.label());
                t.setFont(ctx.metrics().font(false, true));
                t.setFill(ctx.colors().lineNumber());
                t.setX(caretColumns[inlay.offset()] * advance);
                t.setY(0);
                t.setVisible(true);
            }
        }
        for (int i = used; i < inlayTexts.size(); i++) {
            inlayTexts.get(i).setVisible(false);
        }
    }

    static boolean isSimple(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 0x20 && c < 0x7f) || c == '\t' || (c >= 0xa0 && c <= 0xff))) {
                return false;
            }
        }
        return true;
    }

    private boolean isLong() {
        return lineLength > ViewportMath.LONG_LINE;
    }

    private void paintRuns() {
        boolean longLine = isLong();
        columns = longLine ? null : new int[content.length() + 1];
        caretColumns = null;
        if (!longLine) {
            int col = 0;
            for (int i = 0; i < content.length(); i++) {
                columns[i] = col;
                col = content.charAt(i) == '\t' ? (col / ctx.tabSize() + 1) * ctx.tabSize() : col + 1;
            }
            columns[content.length()] = col;
            if (showsInlays()) {
                shiftForInlays();
            }
        }
        int totalColumns = longLine ? lineLength : columns[content.length()];
        rows = ctx.wraps() ? ViewportMath.rows(totalColumns, ctx.wrapColumns()) : 1;
        int end = content.length();
        int spanCount = styles == null ? 0 : styles.size();
        int spanIndex = 0;
        int from = 0;
        while (from < end) {
            while (spanIndex + 1 < spanCount && styles.start(spanIndex + 1) - windowStart <= from) {
                spanIndex++;
            }
            TokenLook look = spanCount == 0 ? TokenLook.PLAIN : styles.look(spanIndex);
            int next = spanIndex + 1;
            while (next < spanCount && sameLook(styles.look(next), look)) {
                next++;
            }
            int to = next < spanCount ? Math.max(from + 1, Math.min(end, styles.start(next) - windowStart)) : end;
            to = Math.min(to, nextInlayAfter(from, to)); // a run never spans an inlay's gap
            emitRun(from, to, look);
            from = to;
        }
    }

    /** Moves each column right by the inlays at or before it; the caret's columns stay before the inlays at their offset. */
    private void shiftForInlays() {
        caretColumns = new int[columns.length];
        int shift = 0;
        int k = 0;
        for (int i = 0; i < columns.length; i++) {
            caretColumns[i] = columns[i] + shift;
            while (k < inlays.size() && inlays.get(k).offset() == i) {
                shift += inlays.get(k++).label().length();
            }
            while (k < inlays.size() && inlays.get(k).offset() < i) {
                k++; // out of order: not shown
            }
            columns[i] += shift;
        }
    }

    /** The first inlay offset in (from, to], or {@code to}. */
    private int nextInlayAfter(int from, int to) {
        if (caretColumns == null) {
            return to;
        }
        for (Inlay inlay : inlays) {
            if (inlay.offset() > from && inlay.offset() < to) {
                return inlay.offset();
            }
        }
        return to;
    }

    private int caretColumnAt(int index) {
        return caretColumns != null ? caretColumns[index] : columnAt(index);
    }

    private static boolean sameLook(TokenLook a, TokenLook b) {
        return a == b || a.equals(b);
    }

    private int columnAt(int index) {
        return columns == null ? windowStart + index : columns[index];
    }

    /** One run of equal look, split at wrap boundaries. */
    private void emitRun(int from, int to, TokenLook look) {
        while (from < to) {
            int col = columnAt(from);
            int row = ctx.wraps() ? col / ctx.wrapColumns() : 0;
            int split = to;
            if (ctx.wraps()) {
                int rowEnd = (row + 1) * ctx.wrapColumns();
                if (columns == null) {
                    split = Math.min(to, from + (rowEnd - col));
                } else {
                    split = from + 1;
                    while (split < to && columnAt(split) < rowEnd) {
                        split++;
                    }
                }
            }
            Text text = nextRun();
            text.setText(display(from, split));
            text.setFont(ctx.metrics().font(look.bold(), look.italic()));
            text.setFill(look.fill() == null ? ctx.colors().foreground() : look.fill());
            text.setUnderline(look.underline());
            text.setX((col - row * Math.max(ctx.wrapColumns(), 0)) * ctx.metrics().advance());
            text.setY(row * ctx.metrics().lineHeight());
            from = split;
        }
    }

    /** Characters [from, to) of the content as painted: a tab becomes the spaces up to its stop. */
    private String display(int from, int to) {
        int tab = content.indexOf('\t', from);
        if (tab < 0 || tab >= to) {
            return content.substring(from, to);
        }
        StringBuilder sb = new StringBuilder(to - from + 8);
        for (int k = from; k < to; k++) {
            char c = content.charAt(k);
            if (c == '\t') {
                sb.append(" ".repeat(columns == null ? 1 : caretColumnAt(k + 1) - columnAt(k)));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private Text nextRun() {
        if (usedRuns < runs.size()) {
            Text text = runs.get(usedRuns++);
            text.setVisible(true);
            return text;
        }
        Text text = new Text();
        text.setTextOrigin(VPos.TOP);
        text.setFontSmoothingType(javafx.scene.text.FontSmoothingType.GRAY);
        runs.add(text);
        usedRuns++;
        group.getChildren().add(text);
        return text;
    }

    private void paintFlow() {
        if (flow == null) {
            flow = new TextFlow();
        }
        if (!group.getChildren().contains(flow)) {
            group.getChildren().add(flow);
        }
        flow.setTabSize(ctx.tabSize());
        List<Text> parts = new ArrayList<>();
        int spanCount = styles == null ? 0 : styles.size();
        int from = 0;
        for (int i = 0; i <= spanCount && from < content.length(); i++) {
            int to = i + 1 < spanCount ? Math.min(content.length(), Math.max(0, styles.start(i + 1) - windowStart))
                    : content.length();
            if (to <= from) {
                continue;
            }
            TokenLook look = spanCount == 0 ? TokenLook.PLAIN : styles.look(Math.min(i, spanCount - 1));
            Text text = new Text(content.substring(from, to));
            text.setFont(ctx.metrics().font(look.bold(), look.italic()));
            text.setFill(look.fill() == null ? ctx.colors().foreground() : look.fill());
            text.setUnderline(look.underline());
            parts.add(text);
            from = to;
        }
        flow.getChildren().setAll(parts);
        double advance = ctx.metrics().advance();
        flow.setLayoutX(isLong() && !ctx.wraps() ? windowStart * advance : 0);
        double width = ctx.wraps() ? ctx.wrapColumns() * advance : Region_USE_COMPUTED;
        flow.setPrefWidth(width);
        flow.setMaxWidth(width);
        flow.autosize();
        flow.layout();
        rows = ctx.wraps() ? Math.max(1, (int) Math.round(flow.prefHeight(width) / ctx.metrics().lineHeight())) : 1;
    }

    private static final double Region_USE_COMPUTED = javafx.scene.layout.Region.USE_COMPUTED_SIZE;

    StyledLine styles() {
        return styles;
    }

    int rows() {
        return rows;
    }

    /** The caret position of {@code offset} (relative to the line start) in this slot's coordinates: {x, y}. */
    double[] point(int offset) {
        double advance = ctx.metrics().advance();
        double lh = ctx.metrics().lineHeight();
        int local = Math.max(0, Math.min(content.length(), offset - windowStart));
        if (complex) {
            PathElement[] shape = flow.caretShape(local, true);
            if (shape.length > 0 && shape[0] instanceof MoveTo move) {
                double y = Math.floor((move.getY() + 1) / lh) * lh;
                return new double[] {move.getX() + flow.getLayoutX(), Math.min(y, (rows - 1) * lh)};
            }
            return new double[] {flow.getLayoutX(), 0};
        }
        int col = offset < windowStart ? offset : (offset > windowStart + content.length() && columns == null)
                ? offset : caretColumnAt(local);
        if (!ctx.wraps()) {
            return new double[] {col * advance, 0};
        }
        int cpr = ctx.wrapColumns();
        int row = Math.min(rows - 1, col / cpr);
        return new double[] {(col - row * cpr) * advance, row * lh};
    }

    /** The line offset nearest to the point {x, y} of this slot. */
    int offsetAt(double x, double y) {
        double advance = ctx.metrics().advance();
        int row = Math.max(0, Math.min(rows - 1, (int) Math.floor(y / ctx.metrics().lineHeight())));
        if (complex) {
            HitInfo hit = flow.hitTest(new Point2D(x - flow.getLayoutX(), Math.max(0, y)));
            return windowStart + Math.min(content.length(), hit.getInsertionIndex());
        }
        double column = x / advance + (ctx.wraps() ? row * ctx.wrapColumns() : 0);
        if (columns == null) {
            return (int) Math.max(0, Math.min(lineLength, Math.round(column)));
        }
        if (caretColumns != null) {
            return nearestCaret(column);
        }
        return ViewportMath.offsetAtColumn(content, column, ctx.tabSize());
    }

    /** The offset whose caret column is nearest to {@code column}; a click on an inlay lands before it (its offset). */
    private int nearestCaret(double column) {
        for (int i = 0; i < content.length(); i++) {
            double middle = (columns[i] + caretColumnAt(i + 1)) / 2.0; // the character's middle, past any inlay before it
            if (column < middle) {
                return i;
            }
        }
        return content.length();
    }

    /** For tests: the labels of the inlays painted, in the line's order. */
    List<String> paintedInlays() {
        List<String> out = new ArrayList<>();
        for (Text t : inlayTexts) {
            if (t.isVisible()) {
                out.add(t.getText());
            }
        }
        return out;
    }

    /** Adds rectangles covering offsets [from, to) of this line (plus a little for the line break if {@code eol}). */
    void range(int from, int to, boolean eol, double dx, double dy, List<PathElement> out) {
        double advance = ctx.metrics().advance();
        double lh = ctx.metrics().lineHeight();
        double extra = eol ? advance / 2 : 0;
        if (complex && from < to) {
            PathElement[] shape = flow.rangeShape(Math.max(0, from - windowStart), Math.min(content.length(), to - windowStart));
            for (PathElement e : shape) {
                out.add(translate(e, dx + flow.getLayoutX(), dy));
            }
            if (eol) {
                double[] end = point(to);
                rect(out, dx + end[0], dy + end[1], extra, lh);
            }
            return;
        }
        double[] a = point(from);
        double[] b = point(to);
        if (a[1] == b[1]) {
            rect(out, dx + a[0], dy + a[1], b[0] - a[0] + extra, lh);
            return;
        }
        double rowWidth = ctx.wrapColumns() * advance;
        rect(out, dx + a[0], dy + a[1], rowWidth - a[0], lh);
        for (double y = a[1] + lh; y < b[1]; y += lh) {
            rect(out, dx, dy + y, rowWidth, lh);
        }
        rect(out, dx, dy + b[1], b[0] + extra, lh);
    }

    static void rect(List<PathElement> out, double x, double y, double w, double h) {
        if (w <= 0) {
            return;
        }
        out.add(new MoveTo(x, y));
        out.add(new LineTo(x + w, y));
        out.add(new LineTo(x + w, y + h));
        out.add(new LineTo(x, y + h));
        out.add(new ClosePath());
    }

    private static PathElement translate(PathElement e, double dx, double dy) {
        if (e instanceof MoveTo m) {
            return new MoveTo(m.getX() + dx, m.getY() + dy);
        }
        if (e instanceof LineTo l) {
            return new LineTo(l.getX() + dx, l.getY() + dy);
        }
        return new ClosePath();
    }

    /** For tests and the probe: the text painted for this line, in paint order. */
    String paintedText() {
        StringBuilder sb = new StringBuilder();
        if (complex) {
            flow.getChildren().forEach(n -> sb.append(((Text) n).getText()));
        } else {
            for (int i = 0; i < usedRuns; i++) {
                sb.append(runs.get(i).getText());
            }
        }
        return sb.toString();
    }

    /** For tests: the colour of the run painted at display column {@code column}, or null. */
    javafx.scene.paint.Paint fillAt(int offset) {
        if (complex) {
            return flow.getChildren().isEmpty() ? null : ((Text) flow.getChildren().get(0)).getFill();
        }
        double x = point(offset)[0] + ctx.metrics().advance() / 2;
        for (int i = 0; i < usedRuns; i++) {
            Text t = runs.get(i);
            if (x >= t.getX() && x < t.getX() + t.getText().length() * ctx.metrics().advance()) {
                return t.getFill();
            }
        }
        return null;
    }
}
