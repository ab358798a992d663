package dev.symphony.editor.bench;

import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.Random;
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

/** Undo all, then redo all, of a 10,000-edit history (each edit its own undo group) on a 1 MB file. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UndoRedoBench {

    private Buffer buffer;
    private String end;

    @Setup
    public void setUp() {
        buffer = new Buffer(Rope.of(new JavaSourceGenerator(5).generate(1_000_000)), System::currentTimeMillis);
        Random r = new Random(9);
        for (int i = 0; i < 10_000; i++) {
            int at = r.nextInt(buffer.text().length());
            TextEdit e = r.nextBoolean() ? TextEdit.insert(at, "edit" + i) : TextEdit.delete(at, Math.min(buffer.text().length(), at + 3));
            buffer.edit(ChangeSet.of(e), EditKind.COMMAND);
        }
        end = buffer.text().toString();
    }

    @Benchmark
    public Buffer undoAllRedoAll10k() {
        while (buffer.undo()) {
            // walk back
        }
        while (buffer.redo()) {
            // and forward
        }
        if (buffer.text().length() != end.length()) {
            throw new IllegalStateException("redo did not return to the last state");
        }
        return buffer;
    }
}
