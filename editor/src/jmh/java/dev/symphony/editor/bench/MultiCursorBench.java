package dev.symphony.editor.bench;

import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.selection.MultiCursor;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Typing one character with 10,000 cursors (one per line of a ~350 KB generated Java file): the
 * transaction, the new rope and the new revision, as a keystroke in the editor does it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MultiCursorBench {

    private Rope rope;
    private SelectionSet cursors;

    @Setup
    public void setUp() {
        String src = new JavaSourceGenerator(3).generate(400_000);
        rope = Rope.of(src);
        List<Selection> sels = new ArrayList<>();
        for (int line = 0; line < 10_000; line++) {
            sels.add(Selection.cursor(rope.lineEnd(line)));
        }
        cursors = SelectionSet.of(sels);
        if (cursors.size() != 10_000) {
            throw new IllegalStateException("expected 10,000 cursors, got " + cursors.size());
        }
    }

    @Benchmark
    public Buffer type10kCursors() {
        Buffer b = new Buffer(rope, () -> 0L);
        b.setSelections(cursors);
        b.apply(MultiCursor.type(b.text(), b.selections(), ";"), EditKind.TYPING);
        return b;
    }
}
