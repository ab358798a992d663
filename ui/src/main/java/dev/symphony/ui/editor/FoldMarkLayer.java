package dev.symphony.ui.editor;

import dev.symphony.editor.fold.FoldState;
import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.text.Text;

/**
 * Paints " ⋯ " after the text of every visible line whose following lines are folded away, in the line-number
 * colour, so a folded region reads as one line that continues. Rebuilt each layout from the visible lines only.
 */
final class FoldMarkLayer {
    static final String STYLE_CLASS = "fold-marker";
    static final String MARK = "⋯";
    private final Group group = new Group();

    FoldMarkLayer() {
        group.setMouseTransparent(true);
    }

    Group node() {
        return group;
    }

    void paint(EditorView view, Rope rope, FoldState folds) {
        if (folds.isEmpty()) {
            group.getChildren().clear();
            return;
        }
        EditorMetrics m = view.metrics();
        List<Text> marks = new ArrayList<>();
        for (int i = 0; i < view.shownSlots(); i++) {
            int line = view.shownSlot(i).line;
            if (folds.lastHiddenAfter(line, rope) == line) {
                continue;
            }
            double[] p = view.pointOf(rope, rope.lineEnd(line));
            if (p != null) {
                Text mark = new Text(MARK);
                mark.getStyleClass().add(STYLE_CLASS);
                mark.setTextOrigin(VPos.TOP);
                mark.setFont(m.regular());
                mark.setFill(view.colors().lineNumber());
                mark.setX(p[0] + m.advance());
                mark.setY(p[1]);
                marks.add(mark);
            }
        }
        group.getChildren().setAll(marks);
    }
}
