package dev.symphony.ui.editor;

import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.fold.VisibleLines;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Rectangle;

/**
 * The virtualized editor view over a {@link Buffer}: each layout pass reads the rope for the lines
 * on screen only and paints them into a small pool of {@link LineSlot}s; nothing else holds the
 * text. Scrolling is in shown lines (the vertical bar's value is the top line's row among the lines folds
 * leave, its fraction a part of that line; {@link VisibleLines} maps rows to lines in O(log folds)), so going
 * to line 3,000,000 of a 100 MB file costs the same as going to line 3, and a folded region takes one row.
 *
 * <p>Edits and caret moves arrive through {@link EditorController}; this class paints. It never
 * starts work on its own: a change marks it for layout, and the next pulse paints it.
 */
public final class EditorView extends Region {
    public static final String STYLE_CLASS = "editor-view";
    private final Buffer buffer;
    private final EditorGutter gutter = new EditorGutter();
    private final Pane content = new Pane();
    private final PaintedLines lines = new PaintedLines();
    private final EditorFolding folding = new EditorFolding(this);
    private final FoldMarkLayer foldMarks = new FoldMarkLayer();
    private final Decorations decorations = new Decorations();
    private final MarkLayer marks = new MarkLayer();
    private final SquiggleLayer squiggles = new SquiggleLayer();
    private final GhostTextLayer ghost = new GhostTextLayer();
    private final LineAnnotationLayer annotation = new LineAnnotationLayer();
    private final List<Runnable> caretListeners = new ArrayList<>();
    private final dev.symphony.editor.buffer.BufferListener bufferListener;
    private final EditorScroll scroll = new EditorScroll(this);
    private final Rectangle contentClip = new Rectangle();
    private final List<Runnable> afterStyledPaint = new ArrayList<>();
    private final EditorController controller;
    private LineStyleSource styles = LineStyleSource.PLAIN;
    private EditorColors colors = EditorColors.LIGHT;
    private EditorMetrics metrics;
    private String fontFamily = "Monospaced";
    private double fontSize = 14;
    private double zoom = 1;
    private int tabSize = 4;
    private boolean wrap;
    private long version;
    private RenderContext ctx;
    private int topLine;
    private double textWidth;
    private double textHeight;
    private boolean readOnly;
    private boolean styledOnce;
    private Runnable onCaretMoved = () -> {};
    /** An edit moved the carets and no report has said so since; a runnable to report it is queued. */
    private boolean caretMovePending;
    private boolean caretMoveQueued;
    private final SharedCarets carets;

    private StyleLayer styleLayer;
    private InlayLayer inlayLayer;

    public EditorView(Buffer buffer) {
        this(buffer, null);
    }

    /**
     * A view of {@code buffer}; with {@code sibling} (another view of the same buffer: the document shown in a
     * second editor group) the two keep carets and scroll positions of their own over one text and one history.
     */
    EditorView(Buffer buffer, EditorView sibling) {
        if (sibling != null && sibling.buffer != buffer) {
            throw new IllegalArgumentException("a sibling view shows the same buffer");
        }
        this.buffer = buffer;
        this.carets = sibling != null ? sibling.carets : new SharedCarets(buffer);
        carets.join(this);
        getStyleClass().add(STYLE_CLASS);
        setFocusTraversable(true);
        content.setClip(contentClip);
        content.getChildren().addAll(marks.node(), decorations.behind(), lines.node(), squiggles.node(), ghost.node(),
                annotation.node(), foldMarks.node(), decorations.inFront());
        getChildren().addAll(content, gutter.node(), scroll.vertical(), scroll.horizontal());
        bufferListener = (before, after, change) -> {
            carets.textChanged(this, change, after.length());
            folding.textChanged(before, after, change);
            styles.textChanged(before, after, change);
            invalidate();
            caretsMovedByTheEdit();
        };
        buffer.addListener(bufferListener);
        metrics = new EditorMetrics(fontFamily, fontSize);
        applyColors();
        this.controller = new EditorController(this, buffer);
        new EditorKeys(this, controller).install();
        new EditorMouse(this, controller).install();
        new EditorIme(this, controller).install();
        focusedProperty().addListener((o, was, focused) -> {
            decorations.caretBlink(focused);
            if (focused) {
                claimCarets();
            }
        });
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> claimCarets());
    }

    /**
     * This view is the one worked in: the buffer's carets become this view's (only matters while the buffer
     * has other views; they keep theirs).
     */
    public void claimCarets() {
        carets.claim(this);
    }

    /** The carets this view shows: the buffer's, or its own while another view of the buffer is worked in. */
    public SelectionSet shownSelections() {
        return carets.of(this);
    }

    public Buffer buffer() {
        return buffer;
    }

    public EditorController controller() {
        return controller;
    }

    /** Folded regions and the commands over them. */
    public EditorFolding folding() {
        return folding;
    }

    // ---------------------------------------------------------------- appearance

    /** Restyles spans of a line over the style source's (semantic tokens over TextMate's). */
    public interface StyleLayer {
        /** {@code base} (null: not styled) of {@code line}, which starts at offset {@code lineStart}, with the layer's looks. */
        StyledLine apply(int line, int lineStart, int lineLength, StyledLine base);
    }

    /** Paints {@code layer}'s looks over the style source's from now on (null: none); the owner calls {@link #stylesChanged}. */
    public void setStyleLayer(StyleLayer layer) {
        styleLayer = layer;
        invalidate();
    }

    public StyleLayer styleLayer() {
        return styleLayer;
    }

    /** Text shown inside lines that is not in the buffer ({@link Inlay}: inlay hints). */
    public interface InlayLayer {
        /** The inlays of {@code line} (which starts at {@code lineStart}), sorted by their offset in the line; empty for none. */
        List<Inlay> inlays(int line, int lineStart, int lineLength);
    }

    /**
     * Shows {@code layer}'s inlays from now on (null: none), on short lines without wrapping; the owner calls
     * {@link #stylesChanged} when they change.
     */
    public void setInlayLayer(InlayLayer layer) {
        inlayLayer = layer;
        invalidate();
    }

    public InlayLayer inlayLayer() {
        return inlayLayer;
    }

    /** Uses a style source (a syntax session) from now on; the old one is closed. */
    public void setStyleSource(LineStyleSource source) {
        LineStyleSource old = styles;
        styles = source == null ? LineStyleSource.PLAIN : source;
        if (old != styles) {
            old.close();
        }
        invalidate();
    }

    public LineStyleSource styleSource() {
        return styles;
    }

    /** Called (on the FX thread) when the style source has new styles for some lines. */
    public void stylesChanged() {
        invalidate();
    }

    public void setColors(EditorColors colors) {
        this.colors = colors;
        applyColors();
        restyle();
    }

    public EditorColors colors() {
        return colors;
    }

    private void applyColors() {
        setBackground(Background.fill(colors.background()));
        decorations.setColors(colors);
    }

    public void setFont(String family, double size) {
        this.fontFamily = family == null || family.isBlank() ? "Monospaced" : family;
        this.fontSize = size;
        remeasure();
    }

    public void setTabSize(int tabSize) {
        this.tabSize = Math.max(1, tabSize);
        restyle();
    }

    public int tabSize() {
        return tabSize;
    }

    /** Zoom factor (1 = the editor font size); clamped to 0.5..4. */
    public void setZoom(double zoom) {
        this.zoom = Math.max(0.5, Math.min(4, zoom));
        remeasure();
    }

    public double zoom() {
        return zoom;
    }

    public void setWrap(boolean wrap) {
        this.wrap = wrap;
        restyle();
    }

    public boolean isWrap() {
        return wrap;
    }

    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public EditorMetrics metrics() {
        return metrics;
    }

    /**
     * An edit by another (a server, the agent, an undo) moves the carets too, so Ln and Col follow it: once every view
     * of the buffer has carried its carets across the edit (a split's other view does so in its own listener, after
     * this one), so in a later runnable of the JavaFX thread, once for however many edits came before it. An edit
     * through this view places its carets right after, and {@link #selectionsChanged} reports that at once: the
     * runnable then has nothing left to report (typing tells the status bar once per keystroke, not twice).
     */
    private void caretsMovedByTheEdit() {
        caretMovePending = true;
        if (!caretMoveQueued) {
            caretMoveQueued = true;
            javafx.application.Platform.runLater(() -> {
                caretMoveQueued = false;
                if (caretMovePending) {
                    caretMovePending = false;
                    onCaretMoved.run();
                }
            });
        }
    }

    /** Runs after every caret move or edit (the status bar's Ln/Col). */
    public void setOnCaretMoved(Runnable onCaretMoved) {
        this.onCaretMoved = onCaretMoved;
    }

    private void remeasure() {
        metrics = new EditorMetrics(fontFamily, fontSize * zoom);
        restyle();
    }

    private void restyle() {
        version++;
        invalidate();
    }

    /** Marks the view for repaint in the next pulse (layout of this region only, not of its parents). */
    void invalidate() {
        setNeedsLayout(true);
    }

    /** The carets or selections changed (no text change): repaint decorations, restart the blink. */
    void selectionsChanged() {
        caretMovePending = false; // reported now, after the edit that may have queued it
        folding.revealCarets();
        decorations.caretActivity();
        invalidate();
        onCaretMoved.run();
        caretListeners.forEach(Runnable::run);
    }

    /** Also runs {@code listener} after every caret move or edit made through the view (inline suggestions). */
    public void addCaretListener(Runnable listener) {
        caretListeners.add(listener);
    }

    /** Shows an inline suggestion at {@code offset} (ghost text; {@link GhostTextLayer}); null or "" hides it. */
    public void setGhostText(int offset, String text) {
        ghost.set(offset, text);
        invalidate();
    }

    /** Shows {@code text} after the end of {@code line} (0-based; {@link LineAnnotationLayer}); null, "" or -1 hides it. */
    public void setLineAnnotation(int line, String text, String tooltip) {
        annotation.set(line, text, tooltip);
        invalidate();
    }

    /** The line annotation shown, or "". */
    public String lineAnnotation() {
        return annotation.text();
    }

    /** The line the annotation is shown after, or -1. */
    public int lineAnnotationLine() {
        return annotation.line();
    }

    /** The inline suggestion shown, or "" (for tests and the bench). */
    public String ghostText() {
        return ghost.text();
    }

    /**
     * Runs {@code action} in the layout pass that first paints every visible line with its styles
     * (at once for plain text); the frame being built then shows highlighted text.
     */
    public void whenStyledPainted(Runnable action) {
        afterStyledPaint.add(action);
        invalidate();
    }

    /** True once a layout pass painted every visible line with styles (or the source is plain). */
    public boolean isStyled() {
        return styledOnce;
    }

    // ---------------------------------------------------------------- scrolling (its arithmetic: EditorScroll)

    public int topLine() {
        return topLine;
    }

    /** The top line (a document line) and, as its fraction, the part of it scrolled away. */
    public double scrollLines() {
        return scroll.lines();
    }

    /** Scrolls so that {@code line} (a document line) is the top line (fraction: part of the line scrolled away). */
    public void scrollTo(double lines) {
        scroll.toLines(lines);
    }

    /** The scroll bars and the arithmetic between them and the text. */
    EditorScroll scroll() {
        return scroll;
    }

    /**
     * {first, last}: the document lines from the scroll position of now to a screenful of shown rows below it (read
     * from the scroll value, ahead of the next layout; a fold on screen makes it span more lines; past the text's end
     * the last goes on counting).
     */
    public int[] linesOnScreen() {
        return scroll.linesOnScreen();
    }

    /** The lines shown with the folds of now: visible row ↔ document line. */
    VisibleLines shownLines() {
        return folding.state().visibleLines(buffer.text());
    }

    public double scrollX() {
        return scroll.x();
    }

    public void scrollXTo(double x) {
        scroll.toX(x);
    }

    /** How many whole lines fit in the view. */
    public int visibleLines() {
        return Math.max(1, (int) Math.floor(textHeight / metrics.lineHeight()));
    }

    double textWidth() {
        return textWidth;
    }

    /** Scrolls as little as possible so that {@code offset} is on screen. */
    void reveal(int offset) {
        folding.revealCarets(); // first: a caret in a fold unfolds it, and the rows below change
        scroll.reveal(offset);
    }

    // ---------------------------------------------------------------- layout and paint

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double vbarWidth = scroll.verticalBarWidth();
        double hbarHeight = scroll.horizontalBarHeight(wrap);
        Rope rope = buffer.text();
        int lineCount = rope.lineCount();
        double advance = metrics.advance();
        double lh = metrics.lineHeight();
        double gutterWidth = gutter.width(lineCount, advance);
        textWidth = Math.max(advance, w - gutterWidth - vbarWidth);
        textHeight = Math.max(lh, h - hbarHeight);
        gutter.resize(gutterWidth, textHeight);
        content.resizeRelocate(gutterWidth, 0, textWidth, textHeight);
        contentClip.setWidth(textWidth);
        contentClip.setHeight(textHeight);
        scroll.place(w, gutterWidth, textWidth, textHeight, wrap);

        int wrapColumns = wrap ? ViewportMath.columnsIn(textWidth - advance, advance) : 0;
        if (ctx == null || ctx.metrics() != metrics || ctx.colors() != colors || ctx.tabSize() != tabSize
                || ctx.wrapColumns() != wrapColumns || ctx.version() != version) {
            ctx = new RenderContext(metrics, colors, tabSize, wrapColumns, version);
        }
        VisibleLines shown = folding.state().visibleLines(rope); // cached: rebuilt only after an edit or a fold change
        int rowCount = shown.visibleCount();
        double rows = scroll.layOutRows(rowCount, visibleLines());
        int topRow = ViewportMath.topLine(rows, rowCount);
        double fraction = rows - topRow;
        topLine = shown.lineAt(topRow);
        double scrollX = wrap ? 0 : scroll.x();
        lines.paint(this, rope, ctx, topLine, fraction, scrollX, textHeight, shown);
        gutter.paint(this, lines, folding);
        scroll.layOutColumns(lines.maxColumnsSeen(), advance, textWidth);
        int lastLine = lines.shown() == 0 ? topLine : lines.get(lines.shown() - 1).line;
        styles.setViewport(topLine, lastLine);
        marks.paint(this, rope);
        squiggles.paint(this, rope);
        ghost.paint(this, rope, colors);
        annotation.paint(this, rope, colors);
        foldMarks.paint(this, rope, folding.state());
        decorations.paint(this, rope, shownSelections());
        if (!styledOnce && lines.allStyled(styles)) {
            styledOnce = true;
        }
        if (!afterStyledPaint.isEmpty() && lines.allStyled(styles)) {
            dev.symphony.ui.probe.StartupTrace.mark("editor laid out with styles");
            List<Runnable> run = List.copyOf(afterStyledPaint);
            afterStyledPaint.clear();
            run.forEach(Runnable::run);
        }
    }

    // ---------------------------------------------------------------- geometry for decorations and input

    /** The visible slot showing {@code line}, or null. */
    LineSlot slotOf(int line) {
        return lines.slotOf(line);
    }

    /** {x, y} of the caret at {@code offset} in content coordinates, or null when its line is not on screen. */
    double[] pointOf(Rope rope, int offset) {
        int line = rope.lineOf(offset);
        LineSlot slot = slotOf(line);
        if (slot == null) {
            return null;
        }
        double[] p = slot.point(offset - slot.lineStart);
        return new double[] {p[0] + slot.group.getLayoutX(), p[1] + slot.group.getLayoutY()};
    }

    /** Adds the shape of [from, to) on line {@code line} (visible) to {@code out}, in content coordinates. */
    void rangeShape(LineSlot slot, int from, int to, boolean eol, List<PathElement> out) {
        slot.range(from - slot.lineStart, to - slot.lineStart, eol, slot.group.getLayoutX(), slot.group.getLayoutY(), out);
    }

    int shownSlots() {
        return lines.shown();
    }

    LineSlot shownSlot(int index) {
        return lines.get(index);
    }

    /** The text offset at a point of the view (local coordinates), clamped to the lines on screen. */
    public int offsetAt(double viewX, double viewY) {
        return lines.offsetAt(buffer.text(), viewX - content.getLayoutX(), viewY - content.getLayoutY(), metrics.lineHeight());
    }

    Pane contentPane() {
        return content;
    }

    Decorations decorations() {
        return decorations;
    }

    /** Ranges painted as find matches behind the text (sorted {start, end} pairs; only visible ones cost). */
    public void setHighlightedRanges(List<int[]> ranges) {
        decorations.setHighlightedRanges(ranges);
        invalidate();
    }

    /** Character ranges filled behind the text, above the current line's highlight (a symbol's places); sorted. */
    public void setTextHighlights(List<BackgroundMarks.TextBand> bands) {
        decorations.setTextHighlights(bands);
        invalidate();
    }

    public List<BackgroundMarks.TextBand> textHighlights() {
        return decorations.textHighlights();
    }

    /** Colours behind lines and characters that the view's owner decides (a diff's changes). */
    public void setBackgroundMarks(BackgroundMarks backgroundMarks) {
        marks.set(backgroundMarks);
        invalidate();
    }

    public BackgroundMarks backgroundMarks() {
        return marks.marks();
    }

    /** Wavy underlines (diagnostics) in the text shown now; the owner keeps their offsets current as the text changes. */
    public void setSquiggles(Squiggles s) {
        squiggles.set(s);
        invalidate();
    }

    public Squiggles squiggles() {
        return squiggles.squiggles();
    }

    /** Change markers in the gutter (a quick diff against an original); the owner keeps their lines current. */
    public void setChangeMarks(ChangeMarks marks) {
        gutter.changeMarks().set(marks);
        invalidate();
    }

    public ChangeMarks changeMarks() {
        return gutter.changeMarks().marks();
    }

    /** Gutter labels instead of line numbers (an inline diff's two numbers), {@code columns} wide; null: numbers. */
    public void setLineLabels(java.util.function.IntFunction<String> labels, int columns) {
        gutter.setLineLabels(labels, columns);
        invalidate();
    }

    /** The vertical scroll position in shown rows, to follow it ({@link #scrollLines} reads it as a document line). */
    public javafx.beans.value.ObservableValue<Number> scrollLinesProperty() {
        return scroll.vertical().valueProperty();
    }

    /** The view is gone: it stops following its buffer (which may live on in other views). */
    public void dispose() {
        buffer.removeListener(bufferListener);
        carets.leave(this);
        setStyleSource(LineStyleSource.PLAIN);
    }

    /** For tests: the text painted for a visible line, or null when the line is not on screen. */
    public String paintedLine(int line) {
        LineSlot slot = slotOf(line);
        return slot == null ? null : slot.paintedText();
    }

    /** For tests: the fold chevrons on screen as "line:⌄" (open) or "line:›" (folded), 0-based lines, top to bottom. */
    public List<String> foldChevrons() {
        return gutter.chevronsShown();
    }

    /** For tests: the inlays painted in a visible line (their labels, in order), or null when the line is not on screen. */
    public List<String> paintedInlays(int line) {
        LineSlot slot = slotOf(line);
        return slot == null ? null : slot.paintedInlays();
    }

    /** For tests: the fill painted at {@code offset} of visible line {@code line}, or null. */
    public javafx.scene.paint.Paint paintedFill(int line, int offsetInLine) {
        LineSlot slot = slotOf(line);
        return slot == null ? null : slot.fillAt(offsetInLine);
    }

    /** For tests: the primary caret's position in view coordinates, or null when off screen. */
    public javafx.geometry.Point2D caretPoint() {
        SelectionSet sels = shownSelections();
        Selection primary = sels.get(sels.size() - 1);
        double[] p = pointOf(buffer.text(), primary.head());
        return p == null ? null : new javafx.geometry.Point2D(p[0] + content.getLayoutX(), p[1] + content.getLayoutY());
    }
}
