package dev.symphony.ui.diff;

import dev.symphony.editor.buffer.BufferListener;
import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.diff.DiffChange;
import dev.symphony.editor.diff.InlineDiff;
import dev.symphony.editor.diff.TextDiff;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.FxBridge;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The state of one diff view: both sides, the diff between them (computed off the JavaFX thread after
 * every edit of either side; a newer computation supersedes an older one), the inline composition
 * when inline mode is on, and the current change. No scene nodes here.
 */
public final class DiffViewModel {
    /** An edit waits this long for the next before the diff is computed again. */
    static final long RECOMPUTE_DELAY_MS = 150;
    private final DiffSide left;
    private final DiffSide right;
    private final FxBridge bridge;
    private final ObjectProperty<TextDiff> diff = new SimpleObjectProperty<>();
    private final ObjectProperty<InlineDiff> inline = new SimpleObjectProperty<>();
    private final BooleanProperty inlineMode = new SimpleBooleanProperty();
    private final IntegerProperty current = new SimpleIntegerProperty(-1);
    private final BufferListener onEdit = (before, after, change) -> scheduleCompute();
    private final javafx.animation.PauseTransition delay = new javafx.animation.PauseTransition(
            javafx.util.Duration.millis(RECOMPUTE_DELAY_MS));
    private long generation;
    private boolean disposed;

    public DiffViewModel(DiffSide left, DiffSide right, FxBridge bridge) {
        this.left = left;
        this.right = right;
        this.bridge = bridge;
        left.buffer().addListener(onEdit);
        right.buffer().addListener(onEdit);
        delay.setOnFinished(e -> compute());
        inlineMode.addListener((o, a, on) -> compute());
        compute();
    }

    public DiffSide left() {
        return left;
    }

    public DiffSide right() {
        return right;
    }

    /** The latest diff; null until the first computation finished. */
    public ReadOnlyObjectProperty<TextDiff> diffProperty() {
        return diff;
    }

    /** The inline composition of the latest diff while inline mode is on; else null. */
    public ReadOnlyObjectProperty<InlineDiff> inlineProperty() {
        return inline;
    }

    public BooleanProperty inlineModeProperty() {
        return inlineMode;
    }

    /** Index of the current change, -1 before next/previous chose one. */
    public IntegerProperty currentProperty() {
        return current;
    }

    private void scheduleCompute() {
        bridge.onFx(delay::playFromStart);
    }

    private void compute() {
        if (disposed) {
            return; // a timer that fired after the view closed
        }
        long mine = ++generation;
        Rope l = left.buffer().text();
        Rope r = right.buffer().text();
        boolean wantInline = inlineMode.get();
        bridge.compute(() -> {
            TextDiff d = TextDiff.of(l, r);
            return new Computed(d, wantInline ? InlineDiff.of(l, r, d) : null);
        }, result -> {
            if (mine != generation || disposed) {
                return; // a newer edit or mode superseded this one
            }
            TextDiff d = result.diff();
            inline.set(result.inline());
            diff.set(d);
            if (current.get() >= d.changes().size()) {
                current.set(d.changes().size() - 1);
            }
        }, failure -> { });
    }

    private record Computed(TextDiff diff, InlineDiff inline) {
    }

    /** Moves to the next change (wrapping round); returns it, or null when there is none. */
    public DiffChange next() {
        return step(1);
    }

    public DiffChange previous() {
        return step(-1);
    }

    /** Makes change {@code index} of the latest diff the current one; returns it, or null when there is none. */
    public DiffChange select(int index) {
        TextDiff d = diff.get();
        if (d == null || index < 0 || index >= d.changes().size()) {
            return null;
        }
        current.set(index);
        return d.changes().get(index);
    }

    private DiffChange step(int direction) {
        TextDiff d = diff.get();
        if (d == null || d.isEmpty()) {
            return null;
        }
        int n = d.changes().size();
        int at = current.get() < 0 ? (direction > 0 ? 0 : n - 1) : Math.floorMod(current.get() + direction, n);
        current.set(at);
        return d.changes().get(at);
    }

    /** Reverts the current change in the right side (its lines become the left's); false when not allowed. */
    public boolean revertCurrent() {
        DiffChange c = currentChange();
        if (c == null || !right.editable()) {
            return false;
        }
        TextEdit edit = c.revertEdit(left.buffer().text(), right.buffer().text());
        right.buffer().edit(ChangeSet.of(edit), EditKind.COMMAND);
        return true;
    }

    /** Accepts the current change into the left side (its lines become the right's); false when not allowed. */
    public boolean acceptCurrent() {
        DiffChange c = currentChange();
        if (c == null || !left.editable()) {
            return false;
        }
        TextEdit edit = c.acceptEdit(left.buffer().text(), right.buffer().text());
        left.buffer().edit(ChangeSet.of(edit), EditKind.COMMAND);
        return true;
    }

    /** The current change of the latest diff, or null. */
    public DiffChange currentChange() {
        TextDiff d = diff.get();
        int i = current.get();
        return d == null || i < 0 || i >= d.changes().size() ? null : d.changes().get(i);
    }

    /**
     * Computes now, skipping the wait after an edit: an edit that {@link #revertCurrent} made shows at
     * once. The change list updates when the computation lands.
     */
    void computeNow() {
        delay.stop();
        compute();
    }

    /** The view closed: both buffers are left alone from now on (a document's buffer lives on). */
    public void dispose() {
        disposed = true;
        delay.stop();
        left.buffer().removeListener(onEdit);
        right.buffer().removeListener(onEdit);
    }
}
