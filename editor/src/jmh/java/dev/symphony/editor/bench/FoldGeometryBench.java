package dev.symphony.editor.bench;

import dev.symphony.editor.fold.FoldRegion;
import dev.symphony.editor.fold.FoldState;
import dev.symphony.editor.fold.IndentFolding;
import dev.symphony.editor.fold.VisibleLines;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fold lookups of one editor frame (60 lines painted from a scroll position) on generated Java of 5 MB, with no
 * folds or every indentation region folded: the view's way before {@link VisibleLines} (the top line by a pass over
 * the folded regions, each painted line by {@link FoldState#lastHiddenAfter}) against rows mapped to lines. The
 * "AfterEdit" pair alternates between two ropes of the same text, so the per-text caches are rebuilt each frame (the
 * lines of every fold looked up again, as for a text the folds were not moved to). The "keystroke" pair types a
 * character at the end of a shown line in the middle and deletes it again, alternately, and moves through it the
 * folded regions and the foldable ones (all of them, folded or not: the view's two {@link FoldState}s) before a frame:
 * {@link FoldStateBefore} (every fold mapped and its lines looked up again) against {@link FoldState} (only the folds
 * the edit touches).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FoldGeometryBench {
    private static final int PAINTED = 60;

    @Param({"none", "all"})
    public String folds;

    private final Rope[] ropes = new Rope[2];
    private final FoldState state = new FoldState();
    private final FoldState foldable = new FoldState(false);
    private final FoldStateBefore stateBefore = new FoldStateBefore(true);
    private final FoldStateBefore foldableBefore = new FoldStateBefore(false);
    private int turn;
    private int scrollRow;
    private Rope typed; // the keystroke benchmarks' text
    private int typeAt;
    private int keystrokes;

    @Setup
    public void setUp() {
        String text = new JavaSourceGenerator(5).generate(5_000_000);
        ropes[0] = Rope.of(text);
        ropes[1] = Rope.of(text);
        var regions = IndentFolding.regions(ropes[0], 4);
        if (folds.equals("all")) {
            state.set(regions, ropes[0]);
            stateBefore.set(regions, ropes[0]);
        }
        foldable.set(regions, ropes[0]);
        foldableBefore.set(regions, ropes[0]);
        VisibleLines shown = state.visibleLines(ropes[0]);
        scrollRow = shown.visibleCount() / 2;
        typed = ropes[0];
        typeAt = typed.lineEnd(shown.lineAt(scrollRow));
    }

    /** Types a character at {@code typeAt}, or deletes the one typed there the last time. */
    private ChangeSet keystroke() {
        boolean undo = keystrokes++ % 2 == 1;
        return ChangeSet.of(undo ? TextEdit.delete(typeAt, typeAt + 1) : TextEdit.insert(typeAt, "x"));
    }

    /** Before: the top line's fold by a pass over every folded region (what {@code shownLineOf} did), then each line. */
    private int frameBefore(Rope rope) {
        int scrolled = Math.min(scrollRow, rope.lineCount() - 1);
        int top = scrolled;
        for (FoldRegion r : state.regions(rope)) {
            if (r.startLine() >= top) {
                break;
            }
            if (r.hides(scrolled)) {
                top = r.startLine();
            }
        }
        int line = top;
        for (int i = 0; i < PAINTED && line < rope.lineCount(); i++) {
            line = state.lastHiddenAfter(line, rope) + 1;
        }
        return line;
    }

    private int frameAfter(Rope rope) {
        return frame(state.visibleLines(rope), rope);
    }

    private int frame(VisibleLines shown, Rope rope) {
        int line = shown.lineAt(Math.min(scrollRow, shown.visibleCount() - 1));
        for (int i = 0; i < PAINTED && line < rope.lineCount(); i++) {
            line = shown.nextShown(line);
        }
        return line;
    }

    @Benchmark
    public int frameBefore() {
        return frameBefore(ropes[0]);
    }

    @Benchmark
    public int frameAfter() {
        return frameAfter(ropes[0]);
    }

    @Benchmark
    public int frameAfterEditBefore() {
        return frameBefore(ropes[turn ^= 1]);
    }

    @Benchmark
    public int frameAfterEditAfter() {
        return frameAfter(ropes[turn ^= 1]);
    }

    @Benchmark
    public int keystrokeBefore() {
        return keystroke((before, after, change) -> {
            stateBefore.map(before, after, change);
            foldableBefore.map(before, after, change);
            return stateBefore.visibleLines(after);
        });
    }

    @Benchmark
    public int keystrokeAfter() {
        return keystroke((before, after, change) -> {
            state.map(before, after, change);
            foldable.map(before, after, change);
            return state.visibleLines(after);
        });
    }

    /** What the view does on an edit: both fold states moved through it, then the shown lines of the new text. */
    private interface FoldsOnEdit {
        VisibleLines moved(Rope before, Rope after, ChangeSet change);
    }

    /** A keystroke: the edit, the folds moved, a frame painted. */
    private int keystroke(FoldsOnEdit folds) {
        Rope before = typed;
        ChangeSet change = keystroke();
        typed = change.apply(before);
        return frame(folds.moved(before, typed, change), typed);
    }
}
