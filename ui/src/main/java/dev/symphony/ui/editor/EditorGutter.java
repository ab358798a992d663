package dev.symphony.ui.editor;

import dev.symphony.editor.fold.FoldRegion;
import dev.symphony.editor.selection.SelectionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * The strip left of the text: change marks at its left edge, line numbers (or an owner's labels), and a fold chevron
 * right of the number on every line that starts a foldable region ("⌄" open, "›" folded; a click toggles it).
 */
final class EditorGutter {
    static final String CHEVRON_STYLE_CLASS = "fold-chevron";
    private static final String OPEN = "⌄";
    private static final String FOLDED = "›";
    private final Pane pane = new Pane();
    private final Rectangle clip = new Rectangle();
    private final List<Text> numbers = new ArrayList<>();
    private final List<Text> chevrons = new ArrayList<>();
    private final ChangeMarkLayer changeMarks = new ChangeMarkLayer();
    private IntFunction<String> lineLabels;
    private int lineLabelColumns;

    EditorGutter() {
        pane.setClip(clip);
        pane.getChildren().add(changeMarks.node());
    }

    Pane node() {
        return pane;
    }

    ChangeMarkLayer changeMarks() {
        return changeMarks;
    }

    void setLineLabels(IntFunction<String> labels, int columns) {
        lineLabels = labels;
        lineLabelColumns = columns;
    }

    /** The width for a document of {@code lineCount} lines: the labels, a column each side and one for chevrons. */
    double width(int lineCount, double advance) {
        return ((lineLabels != null ? lineLabelColumns : ViewportMath.gutterDigits(lineCount)) + 3) * advance;
    }

    void resize(double width, double height) {
        pane.resizeRelocate(0, 0, width, height);
        clip.setWidth(width);
        clip.setHeight(height);
    }

    void paint(EditorView view, PaintedLines lines, EditorFolding folding) {
        EditorMetrics metrics = view.metrics();
        EditorColors colors = view.colors();
        double advance = metrics.advance();
        double width = pane.getWidth();
        SelectionSet shown = view.shownSelections();
        int caretLine = view.buffer().text().lineOf(shown.get(shown.size() - 1).head());
        for (int i = 0; i < lines.shown(); i++) {
            LineSlot slot = lines.get(i);
            Text number = text(numbers, i, false, folding);
            String label = lineLabels != null ? lineLabels.apply(slot.line) : Integer.toString(slot.line + 1);
            if (!label.equals(number.getText())) {
                number.setText(label);
            }
            number.setFont(metrics.regular());
            number.setFill(slot.line == caretLine ? colors.foreground() : colors.lineNumber());
            number.setX(width - advance * (label.length() + 2));
            number.setY(slot.group.getLayoutY());
            number.setVisible(true);
            Text chevron = text(chevrons, i, true, folding);
            FoldRegion region = folding.regionStartingAt(slot.line);
            chevron.setVisible(region != null);
            if (region != null) {
                chevron.setText(folding.isFolded(slot.line) ? FOLDED : OPEN);
                chevron.setUserData(slot.line);
                chevron.setFont(metrics.regular());
                chevron.setFill(colors.lineNumber());
                chevron.setX(width - advance * 1.25);
                chevron.setY(slot.group.getLayoutY());
            }
        }
        for (int i = lines.shown(); i < numbers.size(); i++) {
            numbers.get(i).setVisible(false);
            chevrons.get(i).setVisible(false);
        }
        changeMarks.paint(view);
    }

    private Text text(List<Text> pool, int index, boolean chevron, EditorFolding folding) {
        while (pool.size() <= index) {
            Text text = new Text();
            text.setTextOrigin(VPos.TOP);
            if (chevron) {
                text.getStyleClass().add(CHEVRON_STYLE_CLASS);
                text.setCursor(Cursor.HAND);
                text.setPickOnBounds(true);
                text.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
                    if (e.getButton() == MouseButton.PRIMARY && text.getUserData() instanceof Integer line) {
                        folding.toggle(line);
                        e.consume();
                    }
                });
            }
            pool.add(text);
            pane.getChildren().add(text);
        }
        return pool.get(index);
    }

    /** For tests: the chevrons on screen as "line:⌄" or "line:›" (0-based lines), top to bottom. */
    List<String> chevronsShown() {
        List<String> out = new ArrayList<>();
        for (Text c : chevrons) {
            if (c.isVisible() && c.getUserData() instanceof Integer line) {
                out.add(line + ":" + c.getText());
            }
        }
        return out;
    }
}
