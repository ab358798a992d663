package dev.symphony.ui.editor.bench;

import dev.symphony.editor.syntax.SyntaxSession;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.editor.syntax.SyntaxStyles;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The view's highlighter working through the document as the person reads on: from the top, the view
 * jumps {@link #STEP} lines down whenever the exact pass has got {@link #STEP} lines past the viewport
 * (it runs up to {@code SessionState.AHEAD} = 20,000 lines past it, so it never runs dry), for
 * {@link #SECONDS} s. Run after typing and scrolling, so the JIT has compiled the
 * tokenizer: the start-up cost is what {@code firstStyledFrameMs} reports. The figures are the
 * session's own counters over this run: lines tokenized per second of the worker's busy time, and per
 * second of wall time (waits for the FX thread to move the view included).
 */
final class HighlightRun {
    private static final int STEP = 10_000;
    private static final long SECONDS = 5;

    private HighlightRun() {}

    /** {lines per busy second, lines per wall second, lines tokenized}; zeros for a file without a grammar. */
    static double[] run(EditorView view) throws Exception {
        SyntaxSession.Stats before = stats(view);
        if (before == null) {
            return new double[] {0, 0, 0};
        }
        long t0 = System.nanoTime();
        long end = t0 + TimeUnit.SECONDS.toNanos(SECONDS);
        int line = 0;
        int lines = lineCount(view);
        while (System.nanoTime() < end && line < lines) {
            line += STEP;
            int target = line;
            PulseDriver.onFx(() -> view.scrollTo(target));
            while (exactUpTo(view) < Math.min(lines, target + STEP) && System.nanoTime() < end) {
                Thread.sleep(2);
            }
        }
        long wall = System.nanoTime() - t0;
        SyntaxSession.Stats after = stats(view);
        long tokenized = after.linesTokenized() - before.linesTokenized();
        long busy = after.tokenizeNanos() - before.tokenizeNanos();
        return new double[] {busy == 0 ? 0 : tokenized * 1e9 / busy, tokenized * 1e9 / wall, tokenized};
    }

    /** The view's highlighting counters since the file opened, or null without a grammar. */
    static SyntaxSession.Stats stats(EditorView view) throws Exception {
        return onFx(() -> SyntaxStyles.statsOf(view.styleSource()).orElse(null));
    }

    private static int exactUpTo(EditorView view) throws Exception {
        return onFx(() -> SyntaxStyles.exactUpTo(view.styleSource()));
    }

    private static int lineCount(EditorView view) throws Exception {
        return onFx(() -> view.buffer().text().lineCount());
    }

    private static <T> T onFx(java.util.function.Supplier<T> s) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        PulseDriver.onFx(() -> out.set(s.get()));
        return out.get();
    }
}
